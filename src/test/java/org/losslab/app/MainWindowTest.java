package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.losslab.app.TestWindow.fx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.controls.ParamForm;
import org.losslab.app.model.LabModel;
import org.losslab.engine.sim.Trajectory;
import org.losslab.io.TrajectoryCsv;
import org.losslab.render.PlotLayout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, driven headless (Monocle) at the smallest supported screen, 1366 × 768. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    /** The window's threads, as the app makes them; shared by the class's tests. */
    @RegisterExtension
    static final TestWindow WINDOW = new TestWindow();
    private static final String SAMPLE = """
            {
              "format": "losslab-scenario/1",
              "title": "Narrow valley",
              "surface": { "type": "quadratic", "kappa": 20, "angle": 30 },
              "start": [-2.5, 1.5],
              "steps": 5000,
              "runs": [
                { "label": "GD", "optimizer": { "type": "sgd", "lr": 0.05 } },
                { "label": "Heavy ball", "optimizer": { "type": "sgd", "lr": 0.02, "momentum": 0.9 } },
                { "label": "Adam", "optimizer": { "type": "adam", "lr": 0.05 } }
              ]
            }
            """;

    @TempDir
    Path dir;
    private MainController c;
    private Path sample;

    @Start
    void start(Stage stage) {
        c = WINDOW.show(stage);
    }

    @BeforeEach
    void openSample(FxRobot robot) throws Exception {
        sample = dir.resolve("valley.json");
        Files.writeString(sample, SAMPLE);
        assertTrue(fx(() -> c.open(sample)));
        awaitIdle();
    }

    private LabModel model() {
        return c.model();
    }

    /** Waits until the model has published results for its current scenario and the views drew them. */
    private void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !model().computingProperty().get()
                && model().snapshot() != null && model().snapshot().scenario().equals(model().scenario())
                && model().fieldProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    @Test
    void opensTheSampleAndDrawsIt() throws Exception {
        assertEquals("Narrow valley", fx(() -> model().scenario().title()));
        assertEquals(3, fx(() -> model().snapshot().trajectories().size()));
        assertEquals(5001, fx(() -> model().snapshot().trajectory(0).size()));
        long paints = fx(() -> c.plot().paints());
        assertTrue(paints > 0);
        assertTrue(fx(() -> c.stage().getTitle()).startsWith("valley.json"));
        ListView<?> runs = (ListView<?>) lookup("#runsList");
        assertEquals(3, fx(() -> runs.getItems().size()));
    }

    @Test
    void draggingTheLearningRateSliderRecomputesWhileItMoves(FxRobot robot) throws Exception {
        Trajectory before = fx(() -> model().snapshot().trajectory(0));
        double lrBefore = fx(() -> (Double) model().scenario().runs().get(0).optimizer().params().get("lr"));
        int[] published = {0};
        fx(() -> {
            model().snapshotProperty().addListener(x -> published[0]++);
            return null;
        });
        Node thumb = lookup("#lrSlider").lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY);
        for (int i = 0; i < 6; i++) {
            robot.moveBy(-8, 0);
            WaitForAsyncUtils.sleep(40, TimeUnit.MILLISECONDS);
        }
        robot.drop();
        awaitIdle();
        double lrAfter = fx(() -> (Double) model().scenario().runs().get(0).optimizer().params().get("lr"));
        assertTrue(lrAfter < lrBefore, lrAfter + " vs " + lrBefore);
        Trajectory after = fx(() -> model().snapshot().trajectory(0));
        assertNotEquals(before.x(3), after.x(3));
        assertTrue(published[0] >= 2, "paths were redrawn while the thumb moved: " + published[0]);
        String shown = fx(() -> ((Label) lookup("#lrSliderValue")).getText());
        assertEquals(lrAfter, Double.parseDouble(shown), 1e-12 + lrAfter * 1e-3);
    }

    @Test
    void clickingThePlotMovesTheStart(FxRobot robot) throws Exception {
        PlotLayout layout = fx(() -> c.plot().plotLayout());
        double px = layout.px(1.0), py = layout.py(-1.0);
        Point2D screen = fx(() -> c.plot().localToScreen(px, py));
        robot.clickOn(screen, MouseButton.PRIMARY);
        awaitIdle();
        var start = fx(() -> model().scenario().start());
        assertEquals(1.0, start.x(), 0.02);
        assertEquals(-1.0, start.y(), 0.02);
        Trajectory t = fx(() -> model().snapshot().trajectory(2));
        assertEquals(start.x(), t.x(0));
        assertEquals(start.y(), t.y(0));
    }

    @Test
    void addingARunAddsItsPath(FxRobot robot) throws Exception {
        robot.clickOn("#addRun");
        awaitIdle();
        assertEquals(4, fx(() -> model().scenario().runs().size()));
        assertEquals(4, fx(() -> model().snapshot().trajectories().size()));
        assertEquals(3, fx(() -> model().selected()));
        ListView<?> runs = (ListView<?>) lookup("#runsList");
        assertEquals(4, fx(() -> runs.getItems().size()));
    }

    @Test
    void exportsPngAndCsv() throws Exception {
        Path png = dir.resolve("plot.png");
        Path csv = dir.resolve("runs.csv");
        CompletableFuture<String> pngDone = new CompletableFuture<>();
        CompletableFuture<String> csvDone = new CompletableFuture<>();
        fx(() -> {
            c.exporter().exportPng(Exporter.Target.PLOT, 900, 600, png, pngDone::complete);
            c.exporter().exportCsv(csv, csvDone::complete);
            return null;
        });
        assertNull(pngDone.get(30, TimeUnit.SECONDS));
        assertNull(csvDone.get(30, TimeUnit.SECONDS));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(600, img.getHeight());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(TrajectoryCsv.HEADER, lines.get(0));
        assertEquals(1 + 3 * 5001, lines.size());
        assertEquals("0,GD,0,-2.5,1.5", lines.get(1).substring(0, "0,GD,0,-2.5,1.5".length()));
        assertTrue(lines.get(1).endsWith(","), "lr is empty at step 0");
        Path cli = dir.resolve("cli.csv");
        assertEquals(0, org.losslab.cli.Cli.run(new String[] {"run", sample.toString(), "--csv", cli.toString()},
                System.out, System.err));
        assertEquals(Files.readString(cli), Files.readString(csv), "the app exports what the command line writes");

        Path window = dir.resolve("window.png");
        CompletableFuture<String> winDone = new CompletableFuture<>();
        fx(() -> {
            c.exporter().exportPng(Exporter.Target.WINDOW, 683, 384, window, winDone::complete);
            return null;
        });
        assertNull(winDone.get(30, TimeUnit.SECONDS));
        assertEquals(683, ImageIO.read(window.toFile()).getWidth());
    }

    @Test
    void aFailedExportSaysWhyAndLeavesNoFile() throws Exception {
        Path png = dir.resolve("no-such-folder").resolve("plot.png");
        CompletableFuture<String> done = new CompletableFuture<>();
        fx(() -> {
            c.exporter().exportPng(Exporter.Target.CHARTS, 800, 300, png, done::complete);
            return null;
        });
        String problem = done.get(30, TimeUnit.SECONDS);
        assertNotNull(problem);
        assertTrue(problem.contains("does not exist"), problem);
        assertFalse(Files.exists(png.getParent()));
    }

    @Test
    void aBadScenarioShowsOneClearMessageAndKeepsTheCurrentOne() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, SAMPLE.replace("\"lr\": 0.05 } },", "\"lr\": -0.05 } },"));
        assertFalse(fx(() -> c.open(bad)));
        Label banner = (Label) lookup(".message-banner");
        assertTrue(fx(banner::isVisible));
        String text = fx(banner::getText);
        assertTrue(text.contains("bad.json: $.runs[0].optimizer.lr: must be ≥ 0"), text);
        assertEquals("Narrow valley", fx(() -> model().scenario().title()));
    }

    @Test
    void aBadFormulaIsShownInlineWithItsColumn(FxRobot robot) throws Exception {
        fx(() -> {
            @SuppressWarnings("unchecked")
            var box = (javafx.scene.control.ComboBox<String>) lookup("#surfaceType");
            box.setValue("expression");
            return null;
        });
        awaitIdle();
        assertEquals("expression", fx(() -> model().scenario().surface().type()));
        var field = (javafx.scene.control.TextField) lookup("#param-f");
        robot.clickOn(field).eraseText(20).write("x^2 + * y");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = (Label) lookup(".scenario-pane .error-text");
        String text = fx(error::getText);
        assertTrue(text.contains("column"), text);
        assertTrue(fx(error::isVisible));
        assertTrue(fx(() -> field.getStyleClass().contains("invalid")));
        assertEquals("x^2", fx(() -> model().scenario().surface().params().get("f")), "the last formula that parsed");
    }

    @Test
    void spaceAndArrowsDrivePlayback(FxRobot robot) throws Exception {
        fx(() -> {
            c.plot().requestFocus();
            model().playback().seek(100);
            return null;
        });
        robot.type(KeyCode.RIGHT);
        assertEquals(101L, fx(() -> model().playback().step()));
        robot.type(KeyCode.LEFT, 2);
        assertEquals(99L, fx(() -> model().playback().step()));
        robot.type(KeyCode.SPACE);
        assertTrue(fx(() -> model().playback().playing()));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        robot.type(KeyCode.SPACE);
        assertFalse(fx(() -> model().playback().playing()));
        assertTrue(fx(() -> model().playback().step()) > 99L);
    }

    @Test
    void everyControlIsOnScreenAt1366x768() throws Exception {
        double sliders = fx(() -> lookup("#lrSlider").getParent().getParent().getLayoutBounds().getHeight());
        fx(() -> model().moveStart(0.5, 0.5));
        awaitIdle();
        assertEquals(sliders, fx(() -> lookup("#lrSlider").getParent().getParent().getLayoutBounds().getHeight()),
                "the slider bar keeps its height");
        assertTrue(fx(() -> c.plot().getHeight()) > 300, "the plot gets the room left");
        for (String id : List.of("#lrSlider", "#momentumSlider", "#temperatureSlider", "#warmupSlider", "#samSlider",
                "#stepsSlider", "#linkRuns", "#playPause", "#stepForward", "#timeline", "#speed", "#chart-loss",
                "#chart-learning_rate", "#chart-grad_norm", "#runTable", "#plotView", "#addRun", "#removeRun")) {
            Node n = lookup(id);
            Bounds b = fx(() -> n.localToScene(n.getLayoutBounds()));
            assertTrue(b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= 1366.5 && b.getMaxY() <= 768.5,
                    id + " at " + b);
            assertTrue(b.getWidth() > 10 && b.getHeight() > 10, id + " is too small: " + b);
        }
    }

    @Test
    void themesAndPresentationMode() throws Exception {
        fx(() -> {
            c.setTheme(Theme.DARK);
            return null;
        });
        assertTrue(fx(() -> c.stage().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css"))));
        assertEquals(Theme.DARK.plotStyle(false), fx(() -> c.plot().plotStyleProperty().get()));
        fx(() -> {
            c.setPresentation(true);
            return null;
        });
        assertTrue(fx(() -> c.stage().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("presentation.css"))));
        assertEquals(1.5, fx(() -> c.plot().plotStyleProperty().get().fontScale()));
    }

    @Test
    void twoSurfacesSideBySide() throws Exception {
        fx(() -> {
            c.views().setMode(ViewArea.Mode.TWO_SURFACES);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> {
            var other = c.views().compare();
            return other != null && other.view().paints() > 0;
        }));
        assertNotNull(fx(() -> c.views().secondary()));
        fx(() -> {
            model().moveStart(0.5, 0.5);
            return null;
        });
        awaitIdle();
        assertEquals(0.5, fx(() -> c.views().compare().view().scene().startX()));
    }

    @Test
    void everyHyperparameterOfEveryOptimizerHasAnEditorWithItsHelp() throws Exception {
        fx(() -> {
            c.showSideTab(1);
            return null;
        });
        for (String type : org.losslab.format.OptimizerCatalog.types()) {
            fx(() -> {
                @SuppressWarnings("unchecked")
                var box = (javafx.scene.control.ComboBox<String>) lookup("#optimizerType");
                box.setValue(type);
                return null;
            });
            awaitIdle();
            assertEquals(type, fx(() -> model().scenario().runs().get(0).optimizer().type()));
            for (var p : org.losslab.format.OptimizerCatalog.schema(type).params()) {
                String tip = fx(() -> {
                    Node editor = findEditor(p.name());
                    assertNotNull(editor, type + "." + p.name());
                    var control = editor instanceof javafx.scene.layout.HBox box
                            ? (javafx.scene.control.Control) box.getChildren().get(0) : (javafx.scene.control.Control) editor;
                    return control.getTooltip().getText();
                });
                assertTrue(tip.startsWith(p.help()), type + "." + p.name() + ": " + tip);
            }
        }
    }

    /** The editor of an optimizer parameter in the run editor's first form. */
    private Node findEditor(String name) {
        var form = (ParamForm) c.stage().getScene().lookup(".run-editor .param-form");
        return form.editor(name);
    }

    private Node lookup(String query) throws Exception {
        Node n = fx(() -> c.stage().getScene().lookup(query));
        assertNotNull(n, query);
        return n;
    }
}

