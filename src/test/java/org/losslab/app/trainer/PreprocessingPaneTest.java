package org.losslab.app.trainer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The trainer's PREPROCESSING section: PCA whitening from a config and from its check box. */
@ExtendWith(ApplicationExtension.class)
class PreprocessingPaneTest {
    @RegisterExtension
    static final TestWindow WINDOW = new TestWindow();
    private MainController c;

    @Start
    void start(Stage stage) {
        c = WINDOW.show(stage);
    }

    @Test
    void whiteningShowsTheTransformedPointsAndTheCheckBoxTurnsItOff(FxRobot robot) throws Exception {
        fx(() -> {
            c.showTrainer(true);
            return null;
        });
        TrainerPane pane = fx(c::trainer);
        assertNotNull(pane);
        assertTrue(fx(() -> pane.openConfig(Path.of("sample-landscapes/mlp-whitening-stretched.json"))), fx(pane::message));
        assertTrue(fx(() -> pane.model().setup().current().options().whiten()));
        // The points the boundary view draws are the whitened ones: centred, about unit spread.
        double[] b = fx(() -> pane.model().setup().training().data().train().bounds());
        assertTrue(b[0] > -5 && b[1] < 5 && b[2] > -5 && b[3] < 5, java.util.Arrays.toString(b));
        CheckBox box = robot.lookup("#preprocessingForm .check-box").queryAs(CheckBox.class);
        assertTrue(fx(box::isSelected));
        robot.clickOn(box);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !pane.model().setup().current().options().whiten()));
        double[] raw = fx(() -> pane.model().setup().training().data().train().bounds());
        assertTrue(raw[1] > 40, "the raw points, x1 around 40: " + java.util.Arrays.toString(raw));
        assertFalse(fx(box::isSelected));
        assertTrue(fx(pane::message).isEmpty(), fx(pane::message));
    }
}
