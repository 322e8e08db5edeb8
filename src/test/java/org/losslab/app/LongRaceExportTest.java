package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.losslab.app.TestWindow.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.model.LabModel;
import org.losslab.engine.sim.Trajectory;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A race longer than the app keeps, in the real window: the model holds at most the bound per run,
 * the CSV export writes every row (the command line's bytes) in the background with its progress
 * bar and Cancel in the status bar, and the FX thread is never blocked meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
class LongRaceExportTest {
    @RegisterExtension
    final FxWatchdog watchdog = new FxWatchdog();
    @RegisterExtension
    static final TestWindow WINDOW = new TestWindow();
    private static final long STEPS = LabModel.KEPT_POINTS + 20_000L;
    private static final String LONG = """
            {
              "format": "losslab-scenario/1",
              "title": "Long valley",
              "surface": { "type": "quadratic", "kappa": 20, "angle": 30 },
              "start": [-2.5, 1.5],
              "steps": %d,
              "runs": [
                { "label": "GD", "optimizer": { "type": "sgd", "lr": 0.0005 } },
                { "label": "Adam", "optimizer": { "type": "adam", "lr": 0.0005 } }
              ]
            }
            """;

    @TempDir
    Path dir;
    private MainController c;

    @Start
    void start(Stage stage) {
        c = WINDOW.show(stage);
    }

    private Path open(long steps) throws Exception {
        Path p = dir.resolve("long-" + steps + ".json");
        Files.writeString(p, LONG.formatted(steps));
        assertTrue(fx(() -> c.open(p)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !c.model().computingProperty().get()
                && c.model().snapshot() != null && c.model().snapshot().scenario().equals(c.model().scenario())));
        return p;
    }

    @Test
    void exportsEveryRowOfARaceTheAppKeepsThinned() throws Exception {
        Path scenario = open(STEPS);
        for (int r = 0; r < 2; r++) {
            int run = r;
            Trajectory t = fx(() -> c.model().snapshot().trajectory(run));
            assertTrue(t.size() <= LabModel.KEPT_POINTS, "run " + r + " keeps " + t.size());
            assertEquals(STEPS, t.step(t.size() - 1));
        }
        Path csv = dir.resolve("app.csv"), cli = dir.resolve("cli.csv");
        CompletableFuture<String> done = new CompletableFuture<>();
        watchdog.watch("a CSV export of a long race");
        boolean shown = fx(() -> {
            c.exporter().exportCsv(csv, done::complete);
            return c.stage().getScene().lookup("#csvProgress").isVisible() && c.stage().getScene().lookup("#csvCancel").isVisible();
        });
        assertTrue(shown, "the progress bar and Cancel while it writes");
        assertNull(done.get(120, TimeUnit.SECONDS));
        watchdog.assertNeverBlocked();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> c.stage().getScene().lookup("#csvProgress").isVisible()), "hidden once written");
        assertEquals(0, org.losslab.cli.Cli.run(new String[] {"run", scenario.toString(), "--csv", cli.toString()},
                System.out, System.err));
        assertEquals(-1L, Files.mismatch(cli, csv), "every row, the command line's bytes");
    }

    @Test
    void stepByStepNarratesEveryUpdateOfAThinnedRun() throws Exception {
        // Near the 900,000th update the narration replays the run and runs it again: off the FX thread.
        long steps = 900_000;
        open(steps);
        long k = steps - 100;
        watchdog.watch("step-by-step narration near the end of a thinned run");
        fx(() -> {
            c.showSideTab(2);
            c.model().selectedProperty().set(1);
            c.model().playback().seek(k);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        for (long step = k; step < k + 3; step++) {
            long want = step + 1;
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> firstNarrationLine()).startsWith("1. Update " + want + " of Adam"));
            fx(() -> {
                c.model().playback().stepBy(1);
                return null;
            });
        }
        watchdog.assertNeverBlocked();
    }

    private String firstNarrationLine() {
        var line = c.stage().getScene().lookup(".narration-line");
        return line == null ? "" : ((javafx.scene.control.Label) line).getText();
    }

    @Test
    void aCancelledExportWritesNothing() throws Exception {
        open(500_000);
        Path csv = dir.resolve("cancelled.csv");
        CompletableFuture<String> done = new CompletableFuture<>();
        fx(() -> {
            c.exporter().exportCsv(csv, done::complete);
            return null;
        });
        Node cancel = fx(() -> c.stage().getScene().lookup("#csvCancel"));
        assertNotNull(cancel);
        // Cancel once the export is writing (its temporary file exists), so that "nothing left" below
        // means the worker stopped and cleaned up, not that it had not begun.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            try (var files = Files.list(dir)) {
                return files.anyMatch(f -> f.getFileName().toString().contains("cancelled"));
            }
        });
        assertFalse(done.isDone(), "still writing when cancelled");
        fx(() -> {
            ((Button) cancel).fire();
            return null;
        });
        assertFalse(fx(() -> c.exporter().csvJob().isRunning()));
        // The worker stops at its next poll (every 1024 updates) and deletes its temporary file.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            try (var files = Files.list(dir)) {
                return files.noneMatch(f -> f.getFileName().toString().contains("cancelled"));
            }
        });
        assertFalse(Files.exists(csv), "nothing written");
        assertFalse(done.isDone(), "a cancelled export reports nothing but its status");
    }
}
