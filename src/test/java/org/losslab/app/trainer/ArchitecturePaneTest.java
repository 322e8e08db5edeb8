package org.losslab.app.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.losslab.app.TestWindow.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.losslab.app.MainController;
import org.losslab.app.TestWindow;
import org.losslab.render.PlotScene;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Architecture tab: a DARTS search's mixture weights drawn per layer, its argmax named and retrained. */
@ExtendWith(ApplicationExtension.class)
class ArchitecturePaneTest {
    @RegisterExtension
    static final TestWindow WINDOW = new TestWindow();
    private MainController c;

    @Start
    void start(Stage stage) {
        c = WINDOW.show(stage);
    }

    @Test
    void theSearchIsDrawnNamedAndRetrained(FxRobot robot) throws Exception {
        fx(() -> {
            c.showTrainer(true);
            return null;
        });
        TrainerPane pane = fx(c::trainer);
        assertNotNull(pane);
        assertTrue(fx(() -> pane.openConfig(Path.of("sample-landscapes/mlp-darts-xor.json"))), fx(pane::message));
        var model = pane.model();
        fx(() -> {
            pane.tabs().getSelectionModel().select(3);
            model.session().pause();
            model.session().step(300);
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> model.session().stepProperty().get() >= 300));
        ArchitecturePane.View view = fx(() -> robot.lookup("#architectureView").queryAs(ArchitecturePane.View.class));
        List<PlotScene.Path> paths = fx(() -> view.scene().paths());
        assertEquals(8, paths.size(), "two hidden layers × four candidates");
        assertEquals("layer 1 relu", paths.get(1).label());
        assertTrue(paths.get(1).trajectory().size() > 300);
        assertTrue(paths.get(1).trajectory().loss(300) > 0.8, "ReLU is winning layer 1");
        String caption = fx(() -> robot.lookup("#architecturePane .formula").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(caption.contains("relu, identity"), caption);
        Button retrain = fx(() -> robot.lookup("#retrainArchitecture").queryAs(Button.class));
        assertFalse(fx(retrain::isDisable), fx(() -> caption));
        fx(() -> {
            retrain.fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !model.setup().current().options().darts().searching()));
        assertEquals(List.of(1, 3), fx(() -> model.setup().current().options().darts().fixed()));
        assertTrue(fx(() -> robot.lookup("#retrainArchitecture").queryAs(Button.class).isDisabled()));
        // Unchecking "search" keeps the retraining; checking it searches again; off is off.
        CheckBox search = fx(() -> robot.lookup("#dartsForm .check-box").queryAs(CheckBox.class));
        assertFalse(fx(search::isSelected), fx(() -> model.setup().current().options().darts() + " " + search.getParent() + " "
                + robot.lookup("#dartsForm .check-box").queryAll().size()));
        fx(() -> {
            search.fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> model.setup().current().options().darts().searching()));
        fx(() -> {
            search.fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> model.setup().current().options().darts() == null));
        assertNull(fx(() -> model.setup().current().options().darts()));
        assertTrue(fx(pane::message).isEmpty(), fx(pane::message));
    }
}
