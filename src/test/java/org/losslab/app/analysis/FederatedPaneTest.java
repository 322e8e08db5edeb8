package org.losslab.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.losslab.app.TestWindow.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.MainController;
import org.losslab.app.MainWindow;
import org.losslab.app.model.WorkPools;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Federated tab in the real window: File ▸ Open routes a federated file there; the round slider; export. */
@ExtendWith(ApplicationExtension.class)
class FederatedPaneTest {
    private static final WorkPools POOLS = WorkPools.forThisMachine();
    private static final Path SAMPLE = Path.of("sample-landscapes/federated-client-drift.json");
    @TempDir
    Path dir;
    private MainController c;

    @Start
    void start(Stage stage) {
        c = MainWindow.show(stage, POOLS, null, 1366, 768);
    }

    @Test
    void openingAFederatedFileShowsItsTabAndTheRoundSliderScrubs(FxRobot robot) throws Exception {
        String before = fx(() -> c.analysis().lab().scenario().title());
        assertTrue(fx(() -> c.open(SAMPLE)));
        FederatedModel m = c.analysis().federatedModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> m.resultProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents(5);
        assertTrue(fx(() -> c.analysis().federatedTab().isSelected()));
        assertEquals(before, fx(() -> c.analysis().lab().scenario().title()), "the scenario stays");
        assertEquals(40, (int) fx(() -> m.roundProperty().get()));
        assertTrue(fx(() -> m.messageProperty().get()).contains("distance to F's minimum: FedAvg"), fx(() -> m.messageProperty().get()));
        Slider slider = robot.lookup("#federatedRound").queryAs(Slider.class);
        assertEquals(40, fx(slider::getMax));
        fx(() -> {
            slider.setValue(3);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals(3, (int) fx(() -> m.roundProperty().get()));
        assertEquals(3, (int) fx(() -> c.analysis().federatedPane().shownRound()));
        // The picture is painted: the canvas holds more than one colour.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> {
            Canvas canvas = (Canvas) robot.lookup("#federatedPicture").queryAs(javafx.scene.layout.Pane.class).getChildren().get(0);
            WritableImage img = canvas.snapshot(null, null);
            int a = img.getPixelReader().getArgb(5, 5), b = img.getPixelReader().getArgb((int) img.getWidth() / 2, (int) img.getHeight() / 2);
            return canvas.getWidth() > 200 && a != b;
        }));
        Path csv = dir.resolve("f.csv");
        assertTrue(fx(() -> Exports.write("csv", csv, m::exportPng, m::exportCsv, new javafx.scene.control.Label())));
        assertEquals("run,label,round,client,step,x,y,loss", Files.readAllLines(csv).get(0));
        assertTrue(FederatedModel.samples().contains(SAMPLE.toAbsolutePath()) || FederatedModel.samples().stream()
                .anyMatch(p -> p.getFileName().equals(SAMPLE.getFileName())));
    }

    @Test
    void aBadFederatedFileSaysWhatIsWrong() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"format\": \"losslab-federated/1\", \"rounds\": 3 }");
        assertTrue(fx(() -> c.open(bad)));
        FederatedModel m = c.analysis().federatedModel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> m.messageProperty().get().startsWith("Could not open")));
        assertTrue(fx(() -> m.messageProperty().get()).contains("bad.json: $: missing required key \"surface\""),
                fx(() -> m.messageProperty().get()));
    }
}
