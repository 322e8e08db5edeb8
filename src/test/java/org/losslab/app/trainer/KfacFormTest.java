package org.losslab.app.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.losslab.app.TestWindow.fx;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.losslab.app.MainController;
import org.losslab.app.TestWindow;
import org.losslab.engine.mlp.Kfac;
import org.losslab.format.Typed;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The RUNS section's K-FAC form: it shows the shown run's preconditioning and switches it. */
@ExtendWith(ApplicationExtension.class)
class KfacFormTest {
    @RegisterExtension
    static final TestWindow WINDOW = new TestWindow();
    private MainController c;

    @Start
    void start(Stage stage) {
        c = WINDOW.show(stage);
    }

    @Test
    void theFormFollowsTheShownRunAndTurnsKfacOnAndOff(FxRobot robot) throws Exception {
        fx(() -> {
            c.showTrainer(true);
            return null;
        });
        TrainerPane pane = fx(c::trainer);
        assertNotNull(pane);
        assertTrue(fx(() -> pane.openConfig(Path.of("sample-landscapes/mlp-kfac-spirals.json"))), fx(pane::message));
        var model = pane.model();
        fx(() -> {
            model.session().pause();
            model.session().showRun(3);
            return null;
        });
        CheckBox box = fx(() -> robot.lookup("#kfacForm .check-box").queryAs(CheckBox.class));
        assertTrue(fx(box::isSelected), "run 4 is the K-FAC run");
        fx(() -> {
            model.session().showRun(0);
            return null;
        });
        CheckBox plain = fx(() -> robot.lookup("#kfacForm .check-box").queryAs(CheckBox.class));
        assertFalse(fx(plain::isSelected));
        fx(() -> {
            plain.fire(); // the form sits below the fold of the side panel: no click needed
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> model.setup().current().options().kfac(0) != null));
        assertEquals(new Kfac.Settings(Kfac.Settings.DEFAULT_DAMPING, Kfac.Settings.DEFAULT_DECAY, Kfac.Settings.DEFAULT_INVERSE_EVERY),
                fx(() -> model.setup().current().options().kfac(0)));
        // A K-FAC run with a method that takes gradients of its own is refused with the reason.
        String problem = fx(() -> model.setup().editRun(0, r -> r.withOptimizer(new Typed("lbfgs", java.util.Map.of()))));
        assertTrue(problem != null && problem.contains("K-FAC"), problem);
        // Removing a run moves the later runs' settings up with them.
        assertNull(fx(() -> model.setup().removeRun(1)));
        assertNotNull(fx(() -> model.setup().current().options().kfac(0)));
        assertNull(fx(() -> model.setup().current().options().kfac(1)));
        assertNotNull(fx(() -> model.setup().current().options().kfac(2)), "the K-FAC run, now third");
        assertNull(fx(() -> model.setup().current().options().kfac(3)));
        // A copy of a run copies its preconditioning too.
        assertNull(fx(() -> model.setup().addRun(2)));
        assertNotNull(fx(() -> model.setup().current().options().kfac(3)));
    }
}
