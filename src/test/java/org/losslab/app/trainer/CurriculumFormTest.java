package org.losslab.app.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.losslab.app.TestWindow.fx;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.losslab.app.MainController;
import org.losslab.app.TestWindow;
import org.losslab.engine.mlp.Curriculum;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The RUNS section's curriculum form: it shows the shown run's ordering and changes it. */
@ExtendWith(ApplicationExtension.class)
class CurriculumFormTest {
    @RegisterExtension
    static final TestWindow WINDOW = new TestWindow();
    private MainController c;

    @Start
    void start(Stage stage) {
        c = WINDOW.show(stage);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> byBox(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup("#curriculumForm .combo-box").queryAs(ComboBox.class));
    }

    @Test
    void theFormFollowsTheShownRunAndSetsItsCurriculum(FxRobot robot) throws Exception {
        fx(() -> {
            c.showTrainer(true);
            return null;
        });
        TrainerPane pane = fx(c::trainer);
        assertNotNull(pane);
        assertTrue(fx(() -> pane.openConfig(Path.of("sample-landscapes/mlp-curriculum-noisy-moons.json"))), fx(pane::message));
        var model = pane.model();
        fx(() -> {
            model.session().pause();
            model.session().showRun(2);
            return null;
        });
        assertEquals("margin", fx(() -> byBox(robot).getValue()));
        fx(() -> {
            model.session().showRun(0);
            return null;
        });
        ComboBox<String> by = byBox(robot);
        assertEquals("random", fx(by::getValue));
        fx(() -> {
            by.setValue("centreDistance");
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> model.setup().current().options().curriculum(0) != null));
        Curriculum.Settings s = fx(() -> model.setup().current().options().curriculum(0));
        assertEquals(Curriculum.Score.CENTRE_DISTANCE, s.by());
        assertEquals(1000, s.rampSteps(), "half the steps by default");
        fx(() -> {
            by.setValue("random");
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> model.setup().current().options().curriculum(0) == null));
        assertNull(fx(() -> model.setup().current().options().curriculum(0)));
        assertTrue(fx(pane::message).isEmpty(), fx(pane::message));
    }
}
