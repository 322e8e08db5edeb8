package org.losslab.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.losslab.app.TestWindow.fx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.losslab.app.FxWatchdog;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.MainController;
import org.losslab.app.TestWindow;
import org.losslab.app.WindowThemes;
import org.losslab.app.controls.CanvasPane;
import org.losslab.app.model.LabModel;
import org.losslab.engine.analysis.EscapeResult;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.format.Typed;
import org.losslab.render.PlotStyle;
import org.losslab.render.SharpnessPainter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 5's panels in the real window, headless at 1366 × 768. */
@ExtendWith(ApplicationExtension.class)
class AnalysisPanesTest {
    /** Sweeps run while the FX thread stays free (never blocked over 50 ms). */
    @RegisterExtension
    final FxWatchdog watchdog = new FxWatchdog();
    /** The window's threads, as the app makes them; shared by the class's tests. */
    @RegisterExtension
    static final TestWindow WINDOW = new TestWindow();
    /** f = ½(x² + 20y²): λ = 1 along x and 20 along y, κ = 20, 2/λmax = 0.1. */
    static final String BOWL = """
            {
              "format": "losslab-scenario/1",
              "title": "Bowl",
              "surface": { "type": "quadratic", "kappa": 20, "angle": 0 },
              "start": [-2.5, 1.5],
              "steps": 300,
              "runs": [
                { "label": "GD", "optimizer": { "type": "sgd", "lr": 0.05 } },
                { "label": "GD too fast", "optimizer": { "type": "sgd", "lr": 0.11 } }
              ]
            }
            """;

    @TempDir
    Path dir;
    private MainController c;
    private AnalysisTabs a;

    @Start
    void start(Stage stage) {
        c = WINDOW.show(stage);
        a = c.analysis();
    }

    private LabModel lab() {
        return a.lab();
    }

    private void open(String json) throws Exception {
        Path p = dir.resolve("s" + System.nanoTime() + ".json");
        Files.writeString(p, json);
        assertTrue(fx(() -> c.open(p)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !lab().computingProperty().get()
                && lab().snapshot() != null && lab().snapshot().scenario().equals(lab().scenario())));
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    private void select(Tab t) throws Exception {
        fx(() -> {
            t.getTabPane().getSelectionModel().select(t);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    private CurvatureReadout.Section section(String title) throws Exception {
        return fx(() -> a.curvaturePane().sections().stream().filter(s -> s.title().equals(title)).findFirst().orElse(null));
    }

    @Test
    void curvatureReadoutAtTheStartOfAQuadraticAndUnderTheCursor(FxRobot robot) throws Exception {
        open(BOWL);
        select(a.curvatureTab());
        fx(() -> {
            lab().playback().seek(0);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> section("GD at step 0") != null);
        CurvatureReadout.Section gd = section("GD at step 0");
        assertEquals("(-2.5, 1.5)", gd.value("θ"));
        assertEquals("25.63", gd.value("f")); // ½(6.25 + 20·2.25) = 25.625
        assertTrue(gd.value("∇f").startsWith("(-2.5, 30)"), gd.value("∇f"));
        assertEquals("1   v (1, 0)", gd.value("λmin"));
        assertEquals("20   v (0, 1)", gd.value("λmax"));
        assertEquals("20", gd.value("κ"));
        assertEquals("0.1", gd.value("2/λmax"));
        assertTrue(gd.value("model").startsWith("critical point at θ + (2.5, -1.5), f ≈ 0"), gd.value("model"));
        CurvatureReadout.Section theory = section("Theory for this quadratic");
        assertTrue(theory.value("GD η*").startsWith("0.09524"), theory.value("GD η*")); // 2/21
        assertEquals("0.9048", theory.value("GD rate")); // 19/21
        assertEquals("0.4026", theory.value("HB β*")); // ((√20 − 1)/(√20 + 1))²
        assertEquals("0.6345", theory.value("HB rate"));
        assertTrue(theory.value("GD too fast").endsWith("(diverges)"), theory.value("GD too fast"));

        // The selected run's eigen-directions for the 2-D view: v_max = (0, 1), v_min = (1, 0), lengths in √λ ratio.
        var arrows = fx(() -> CurvatureReadout.eigenArrows(lab().snapshot(), 0, 0));
        assertEquals(2, arrows.size());
        assertEquals("λmax 20", arrows.get(0).label());
        assertEquals("λmin 1", arrows.get(1).label());
        assertEquals(0, arrows.get(0).dx(), 1e-12);
        assertEquals(0, arrows.get(1).dy(), 1e-12);
        assertEquals(Math.sqrt(20), arrows.get(0).dy() / arrows.get(1).dx(), 1e-9);

        robot.moveTo(robot.lookup("#plotView").queryAs(Node.class));
        robot.moveBy(7, -5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> section("At the cursor") != null);
        CurvatureReadout.Section cursor = section("At the cursor");
        assertEquals("20   v (0, 1)", cursor.value("λmax"));
        assertEquals("bowl (both λ > 0)", cursor.value("shape"));
        robot.moveTo(robot.lookup("#runsList").queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> section("At the cursor") == null);
    }

    @Test
    void sharpnessChartShowsTheRunThatCrossesTwoOverLr() throws Exception {
        open(BOWL);
        select(a.sharpnessTab());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> a.sharpnessPane().runs().size() == 2));
        var runs = fx(() -> a.sharpnessPane().runs());
        // λmax = 20 everywhere: 20 < 2/0.05 = 40, but 20 > 2/0.11 ≈ 18.2 from the first update.
        assertEquals(-1, runs.get(0).series().firstAboveLimit());
        assertEquals(1, runs.get(1).series().firstAboveLimit());
        assertEquals(20, runs.get(1).series().sharpness()[0], 1e-12);
        assertEquals(2 / 0.11, runs.get(1).series().limit()[1], 1e-9);
        assertTrue(SharpnessPainter.caption(runs.get(1)).contains("crosses its limit at step 1"));
        Node captions = fx(() -> a.sharpnessPane().lookup("#sharpnessCaptions"));
        assertTrue(fx(() -> captions.isVisible() && ((javafx.scene.layout.VBox) captions).getChildren().size() == 2));
        // Hiding a run takes it off the chart without a replay.
        fx(() -> {
            lab().setHidden(1, true);
            return null;
        });
        assertEquals(1, fx(() -> ((javafx.scene.layout.VBox) captions).getChildren().size()));
        assertTrue(fx(() -> ((javafx.scene.control.Label) ((javafx.scene.layout.VBox) captions).getChildren().get(0)).getText())
                .startsWith("GD: stays below its limit"));
    }

    @Test
    void smallSweepShowsTheHeatmapAndAClickLoadsTheCell(FxRobot robot) throws Exception {
        // 1000 steps: long enough for |1 − 0.2·20|^k to overflow, which is how divergence shows.
        open(BOWL.replace("\"steps\": 300", "\"steps\": 1000"));
        select(a.sweepTab());
        SweepModel m = a.sweepModel();
        fx(() -> {
            m.runProperty().set(0);
            m.xKeyProperty().set("optimizer.lr");
            m.xFromProperty().set(0.001);
            m.xToProperty().set(0.2);
            m.xLogProperty().set(true);
            m.xCountProperty().set(8);
            m.yKeyProperty().set("optimizer.momentum");
            m.yFromProperty().set(0);
            m.yToProperty().set(0.9);
            m.yLogProperty().set(false);
            m.yCountProperty().set(6);
            return null;
        });
        watchdog.watch("a sweep");
        robot.clickOn("#sweepStart");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> a.sweepPane().shownResult() != null
                && a.sweepPane().shownResult().complete()));
        watchdog.assertNeverBlocked();
        SweepResult r = fx(() -> a.sweepPane().shownResult());
        assertEquals(8, r.width());
        assertEquals(6, r.height());
        // lr 0.2 with momentum 0 is above 2/λmax = 0.1: diverges; the smallest lr does not.
        assertTrue(r.diverged(7, 0));
        assertFalse(r.diverged(0, 0));

        int ti = 3, tj = 4;
        Point2D local = fx(() -> {
            SweepPane p = a.sweepPane();
            Node h = p.heatmapNode();
            for (double y = 0; y < h.getLayoutBounds().getHeight(); y += 2) {
                for (double x = 0; x < h.getLayoutBounds().getWidth(); x += 2) {
                    int[] cell = p.cellAt(x, y);
                    if (cell != null && cell[0] == ti && cell[1] == tj) {
                        return h.localToScreen(x + 3, y + 3);
                    }
                }
            }
            return null;
        });
        assertNotNull(local);
        robot.clickOn(local);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> c.analysis().sweepTab().getTabPane()
                .getSelectionModel().getSelectedIndex() == 0));
        Typed opt = fx(() -> lab().scenario().runs().get(0).optimizer());
        assertEquals(r.x().value(ti), ((Number) opt.params().get("lr")).doubleValue(), 1e-12);
        assertEquals(r.y().value(tj), ((Number) opt.params().get("momentum")).doubleValue(), 1e-12);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> lab().snapshot().scenario().equals(lab().scenario())));
        // The main view's run is now that cell: same final loss as the sweep found.
        double last = fx(() -> {
            var t = lab().snapshot().trajectory(0);
            return t.loss(t.size() - 1);
        });
        assertEquals(r.finalLoss(ti, tj), last, 1e-12 * Math.max(1, Math.abs(last)));
        assertEquals(0, fx(() -> lab().selected()));

        // The keyboard route: focus the heatmap (it starts at the lowest final loss), one cell left or right, Enter.
        int bi = 0, bj = 0;
        for (int j = 0; j < r.height(); j++) {
            for (int i = 0; i < r.width(); i++) {
                if (!r.diverged(i, j) && (r.diverged(bi, bj) || r.finalLoss(i, j) < r.finalLoss(bi, bj))) {
                    bi = i;
                    bj = j;
                }
            }
        }
        select(a.sweepTab());
        fx(() -> {
            a.sweepPane().heatmapNode().requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        int ki = bi > 0 ? bi - 1 : bi + 1;
        robot.type(bi > 0 ? javafx.scene.input.KeyCode.LEFT : javafx.scene.input.KeyCode.RIGHT);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> a.sweepTab().getTabPane()
                .getSelectionModel().getSelectedIndex() == 0));
        Typed keyed = fx(() -> lab().scenario().runs().get(0).optimizer());
        assertEquals(r.x().value(ki), ((Number) keyed.params().get("lr")).doubleValue(), 1e-12);
        assertEquals(r.y().value(bj), ((Number) keyed.params().get("momentum")).doubleValue(), 1e-12);
    }

    @Test
    void theSweepHeatmapFollowsTheThemeAndExportsInIt() throws Exception {
        open(BOWL);
        select(a.sweepTab());
        SweepModel m = a.sweepModel();
        watchdog.watch("a sweep");
        fx(() -> {
            m.xCountProperty().set(6);
            m.yCountProperty().set(4);
            m.start();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> a.sweepPane().shownResult() != null
                && a.sweepPane().shownResult().complete()));
        watchdog.assertNeverBlocked();
        CanvasPane heatmap = fx(() -> a.sweepPane().heatmapNode());
        assertEquals(PlotStyle.LIGHT, fx(heatmap::style));
        Path light = dir.resolve("light.png");
        assertTrue(fx(() -> a.sweepPane().export("png", light)));
        assertEquals(PlotStyle.LIGHT.background() & 0xFFFFFF, ImageIO.read(light.toFile()).getRGB(3, 3) & 0xFFFFFF);

        long paints = fx(heatmap::paints);
        fx(() -> {
            WindowThemes.dark(c);
            return null;
        });
        // The heatmap repaints in the dark style, and its PNG is dark too.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> heatmap.paints() > paints));
        assertEquals(PlotStyle.DARK, fx(heatmap::style));
        assertEquals(PlotStyle.DARK, fx(() -> ((CanvasPane) a.escapePane().lookup("#escapePicture")).style()));
        Path dark = dir.resolve("dark.png");
        assertTrue(fx(() -> a.sweepPane().export("png", dark)));
        BufferedImage img = ImageIO.read(dark.toFile());
        assertEquals(PlotStyle.DARK.background() & 0xFFFFFF, img.getRGB(3, 3) & 0xFFFFFF);
        assertEquals(1200, img.getWidth());
    }

    @Test
    void cancellingABigSweepLeavesTheWindowResponsive(FxRobot robot) throws Exception {
        open(BOWL.replace("\"steps\": 300", "\"steps\": 20000"));
        select(a.sweepTab());
        SweepModel m = a.sweepModel();
        fx(() -> {
            m.xCountProperty().set(512);
            m.yCountProperty().set(512);
            return null;
        });
        watchdog.watch("a big sweep and its cancellation");
        robot.clickOn("#sweepStart");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> m.runningProperty().get()));
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        assertTrue(fx(() -> m.runningProperty().get()), "the big sweep should still be running");
        robot.clickOn("#sweepCancel");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> fx(() -> !m.runningProperty().get()));
        watchdog.assertNeverBlocked();
        assertTrue(fx(() -> m.messageProperty().get().startsWith("Cancelled")), fx(() -> m.messageProperty().get()));

        // The window answers at once: a round trip to the FX thread, a tab switch by mouse, an edit that recomputes.
        long t0 = System.nanoTime();
        fx(() -> null);
        assertTrue(System.nanoTime() - t0 < 500_000_000L, "FX thread answered in " + (System.nanoTime() - t0) / 1e6 + " ms");
        robot.clickOn(robot.lookup(".tab-label").match(n -> ((javafx.scene.control.Label) n).getText().equals("Landscape"))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> fx(() -> a.sweepTab().getTabPane().getSelectionModel().getSelectedIndex() == 0));
        fx(() -> lab().editRun(0, r -> r.withOptimizer(r.optimizer().with("lr", 0.02))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> lab().snapshot().scenario().equals(lab().scenario())));
    }

    @Test
    void smallEscapeStudyShowsTheArrheniusFit(FxRobot robot) throws Exception {
        open(EscapeModel.STANDARD);
        select(a.escapeTab());
        EscapeModel m = a.escapeModel();
        fx(() -> {
            m.temperaturesProperty().set("0.25, 0.2, 0.16");
            m.seedsProperty().set(96);
            m.stepsProperty().set(20000);
            return null;
        });
        robot.clickOn("#escapeStart");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> a.escapePane().shown() != null));
        EscapeModel.Study s = fx(() -> m.resultProperty().get());
        assertEquals(2, s.results().size());
        for (EscapeResult r : s.results()) {
            EscapeResult.Arrhenius fit = r.arrhenius();
            assertNotNull(fit, "every well has enough escapes for a fit");
            // Arrhenius: the slope of ln τ against 1/T is the barrier (to within the noise of 96 seeds).
            assertEquals(r.trueBarrier(), fit.barrier(), 0.4 * r.trueBarrier());
        }
        String msg = fx(() -> m.messageProperty().get());
        assertTrue(msg.contains("sharp well: fitted ΔE = ") && msg.contains("true ΔE = "), msg);
        Path png = dir.resolve("escape.png"), csv = dir.resolve("escape.csv");
        assertTrue(fx(() -> a.escapePane().export("png", png)));
        assertTrue(fx(() -> a.escapePane().export("csv", csv)));
        assertTrue(Files.size(png) > 10_000);
        assertEquals(1 + 2 * 3 * 96, Files.readAllLines(csv).size());
    }
}
