package org.losslab.app.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.losslab.app.TestWindow.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.losslab.app.FxWatchdog;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.MainController;
import org.losslab.app.TestWindow;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.engine.mlp.DataKind;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.render.ChartScene;
import org.losslab.render.PlotScene;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The network trainer in the real window, headless, at the smallest supported screen (1366 × 768). */
@ExtendWith(ApplicationExtension.class)
class TrainerPaneTest {
    /** Training and the loss slice run while the FX thread stays free (never blocked over 50 ms). */
    @RegisterExtension
    final FxWatchdog watchdog = new FxWatchdog();
    /** The window's threads, as the app makes them; shared by the class's tests. */
    @RegisterExtension
    static final TestWindow WINDOW = new TestWindow();
    @TempDir
    Path dir;
    private MainController c;
    private TrainerPane pane;

    @Start
    void start(Stage stage) {
        c = WINDOW.show(stage);
    }

    @BeforeEach
    void openTrainer(FxRobot robot) throws Exception {
        fx(() -> {
            c.showTrainer(true);
            return null;
        });
        pane = fx(c::trainer);
        assertNotNull(pane);
        waitUntil(() -> model().session().lastSnapshot() != null);
    }

    private TrainerModel model() {
        return pane.model();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }

    private long step() throws Exception {
        return fx(() -> model().session().lastSnapshot().step());
    }

    /** Picks a data type in the DATA form's combo box, as a user would. */
    @SuppressWarnings("unchecked")
    private void pickData(FxRobot robot, String type) throws Exception {
        ComboBox<String> box = (ComboBox<String>) robot.lookup("#trainerPane .combo-box").queryAll().stream()
                .filter(n -> n instanceof ComboBox<?> cb && cb.getItems().contains("spirals")).findFirst().orElseThrow();
        fx(() -> {
            box.setValue(type);
            return null;
        });
    }

    @Test
    void leavingTheTrainerBringsBackTheLandscapeViewsAndTheirTabs(FxRobot robot) throws Exception {
        fx(() -> {
            c.showTrainer(false);
            return null;
        });
        Node centre = fx(() -> ((javafx.scene.layout.BorderPane) robot.lookup(".root").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.layout.BorderPane).findFirst().orElseThrow()).getCenter());
        assertTrue(centre instanceof TabPane, "the centre is the tab pane of landscape and analysis views: " + centre);
        assertTrue(fx(() -> ((TabPane) centre).getTabs().size()) >= 2, "landscape and analysis tabs");
        assertTrue(fx(() -> robot.lookup(".center-box").tryQuery().isPresent()
                && robot.lookup(".center-box").query().getScene() != null), "the 2-D views are back in the window");
    }

    @Test
    void twoSpiralsTrainDeterministicallyTheLossFallsAndTheBoundaryChanges(FxRobot robot) throws Exception {
        pickData(robot, "moons");
        assertEquals(DataKind.MOONS, fx(() -> model().setup().current().data().kind()));
        pickData(robot, "spirals");
        assertEquals(DataKind.SPIRALS, fx(() -> model().setup().current().data().kind()));
        waitUntil(() -> model().session().lastSnapshot() != null && model().session().boundaryProperty().get() != null);
        fx(() -> {
            pane.paintNow();
            return null;
        });
        int[] before = fx(() -> pane.boundaryView().lastPixels().clone());
        double loss0 = fx(() -> model().session().lastSnapshot().trainLoss());

        watchdog.watch("training");
        robot.clickOn("#playTraining");
        // Off the button, as a user watching the boundary: the button's tooltip would pop up after a
        // second, and showing the first tooltip costs the FX thread ~0.7 s of CSS on a cold JVM. That
        // is not the training under watch here (reported to the app's owners).
        robot.moveTo("#boundaryView");
        waitUntil(() -> model().session().lastSnapshot().step() >= 300);
        robot.clickOn("#playTraining");
        waitUntil(() -> !model().session().playingProperty().get());
        watchdog.assertNeverBlocked();
        long k = step();
        TrainSnapshot trained = fx(() -> model().session().lastSnapshot());
        assertTrue(trained.trainLoss() < 0.8 * loss0, "loss fell from " + loss0 + " to " + trained.trainLoss());
        waitUntil(() -> model().session().boundaryProperty().get() != null && model().session().boundaryProperty().get().step() == trained.step());
        fx(() -> {
            pane.paintNow();
            return null;
        });
        int[] after = fx(() -> pane.boundaryView().lastPixels());
        assertFalse(java.util.Arrays.equals(before, after), "the boundary image changed");

        // Reset and replay the same number of steps: the same weights, bit for bit.
        robot.clickOn("#resetTraining");
        waitUntil(() -> model().session().lastSnapshot() != null && model().session().lastSnapshot().step() == 0);
        fx(() -> {
            model().session().step((int) k);
            return null;
        });
        waitUntil(() -> model().session().lastSnapshot().step() == k);
        assertArrayEquals(trained.weights(), fx(() -> model().session().lastSnapshot().weights()));
        assertEquals(trained.trainLoss(), fx(() -> model().session().lastSnapshot().trainLoss()));
    }

    @Test
    void pauseStepAndReset(FxRobot robot) throws Exception {
        watchdog.watch("training");
        robot.clickOn("#playTraining");
        waitUntil(() -> model().session().lastSnapshot().step() >= 5);
        robot.clickOn("#playTraining");
        waitUntil(() -> !model().session().playingProperty().get());
        watchdog.assertNeverBlocked();
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
        long paused = step();
        Thread.sleep(200);
        assertEquals(paused, step(), "a paused run does not move");
        assertTrue(paused < model().setup().current().steps(), "paused before the end, at " + paused);
        robot.clickOn("#stepTraining");
        waitUntil(() -> model().session().lastSnapshot().step() == paused + 1);
        fx(() -> {
            pane.requestFocus();
            return null;
        });
        robot.press(javafx.scene.input.KeyCode.RIGHT).release(javafx.scene.input.KeyCode.RIGHT);
        waitUntil(() -> model().session().lastSnapshot().step() == paused + 2);
        robot.clickOn("#resetTraining");
        waitUntil(() -> model().session().lastSnapshot() != null && model().session().lastSnapshot().step() == 0);
        assertEquals(1, fx(() -> model().session().curves().get(0).train().size()));
    }

    @Test
    void aSecondRunTrainsBesideTheFirstAndBothCurvesShow(FxRobot robot) throws Exception {
        robot.clickOn("#addRun");
        waitUntil(() -> model().setup().current().runs().size() == 2 && model().session().curves().size() == 2);
        // The new run is shown: give it plain SGD through the generated optimizer editor.
        @SuppressWarnings("unchecked")
        ComboBox<String> type = (ComboBox<String>) robot.lookup("#trainOptimizerType").query();
        fx(() -> {
            type.setValue("sgd");
            return null;
        });
        assertEquals("sgd", fx(() -> model().setup().current().runs().get(1).optimizer().type()));
        assertEquals("adam", fx(() -> model().setup().current().runs().get(0).optimizer().type()));
        watchdog.watch("training two runs");
        fx(() -> {
            model().session().step(40);
            return null;
        });
        waitUntil(() -> model().session().curves().get(0).step() == 40 && model().session().curves().get(1).step() == 40);
        watchdog.assertNeverBlocked();
        ChartScene loss = fx(() -> pane.charts().get(0).scene());
        long withData = loss.paths().stream().filter(p -> p.trajectory().size() == 41).count();
        assertEquals(4, withData, "train and test curves of both runs");
        PlotScene.Path a = loss.paths().get(0), b = loss.paths().get(2);
        assertTrue(a.color() != b.color(), "runs in different colours");
        assertTrue(a.trajectory().loss(40) != b.trajectory().loss(40), "different optimizers, different curves");
    }

    @Test
    void aLossSliceIsComputedInTheBackgroundAndShownIn2d(FxRobot robot) throws Exception {
        fx(() -> {
            model().session().step(60);
            return null;
        });
        waitUntil(() -> model().session().lastSnapshot().step() == 60);
        robot.clickOn("#landscapeTab");
        TextField grid = robot.lookup("#param-grid").query();
        fx(() -> {
            grid.setText("15");
            return null;
        });
        long paints = fx(() -> pane.landscape().sliceView().paints());
        watchdog.watch("the loss slice");
        robot.clickOn("#computeSlice");
        waitUntil(() -> model().slice().sliceProperty().get() != null && !model().slice().runningProperty().get());
        watchdog.assertNeverBlocked();
        assertEquals(1.0, fx(() -> model().slice().progressProperty().get()));
        assertEquals(15, fx(() -> model().slice().sliceProperty().get().grid().n()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> pane.landscape().sliceView().paints() > paints));
        PlotScene scene = fx(() -> pane.landscape().sliceView().scene());
        assertNotNull(scene.field());
        assertEquals(1, scene.paths().size());
        assertTrue(scene.paths().get(0).trajectory().size() >= 2, "the training path is projected onto the slice");
        // The centre of the grid is θ* itself: its loss is the run's training loss there.
        var g = fx(() -> model().slice().sliceProperty().get().grid());
        assertEquals(fx(() -> model().session().lastSnapshot().trainLoss()), g.at(7, 7), 1e-9);
    }

    @Test
    void aBadCsvGivesOneClearMessageAndKeepsTheData(FxRobot robot) throws Exception {
        Path bad = dir.resolve("points.csv");
        Files.writeString(bad, "x1,x2,label\n0.5,0.25,1\n0.1,oops,0\n");
        assertFalse(fx(() -> pane.importCsv(bad)));
        String m = fx(pane::message);
        assertTrue(m.contains("points.csv") && m.contains("line 3") && m.contains("oops"), m);
        assertEquals(1, m.lines().count(), "one line");
        assertEquals(DataKind.SPIRALS, fx(() -> model().setup().current().data().kind()));

        Path good = dir.resolve("good.csv");
        Files.writeString(good, "0,0,0\n1,1,1\n0,1,1\n1,0,0\n0.2,0.1,0\n0.9,0.8,1\n");
        assertTrue(fx(() -> pane.importCsv(good)));
        assertEquals(DataKind.CSV, fx(() -> model().setup().current().data().kind()));
        assertEquals("", fx(pane::message));
    }

    @Test
    void aSampleConfigLoadsAndABadOneSaysWhere(FxRobot robot) throws Exception {
        Path sample = Path.of("sample-landscapes/mlp-blobs-optimizers.json");
        assertTrue(fx(() -> pane.openConfig(sample)), fx(pane::message));
        assertEquals(DataKind.BLOBS, fx(() -> model().setup().current().data().kind()));
        assertEquals(4, fx(() -> model().setup().current().runs().size()));
        assertEquals(4, fx(() -> model().session().curves().size()));
        assertEquals("L-BFGS", fx(() -> model().setup().label(3)));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"format\": \"losslab-train/1\", \"steps\": 10, \"data\": { \"type\": \"moons\" }, \"runs\": [] }");
        assertFalse(fx(() -> pane.openConfig(bad)));
        String m = fx(pane::message);
        assertTrue(m.contains("bad.json") && m.contains("$.runs"), m);
        assertEquals(4, fx(() -> model().setup().current().runs().size()), "the loaded setup stays");
    }

    @Test
    void theTrainerFitsTheSmallScreenAndEveryHyperparameterHasATooltip(FxRobot robot) throws Exception {
        for (String id : new String[] {"#playTraining", "#stepTraining", "#resetTraining", "#boundaryView", "#trainChart-loss"}) {
            Node n = robot.lookup(id).query();
            Bounds b = fx(() -> n.localToScene(n.getBoundsInLocal()));
            assertTrue(b.getMinX() >= 0 && b.getMaxX() <= 1366 && b.getMinY() >= 0 && b.getMaxY() <= 768, id + " at " + b);
            assertTrue(b.getWidth() > 10 && b.getHeight() > 10, id + " is " + b);
        }
        long untipped = fx(() -> robot.lookup("#trainerPane .param-form .text-field, #trainerPane .param-form .check-box, #trainerPane .param-form .combo-box")
                .queryAll().stream().filter(n -> ((javafx.scene.control.Control) n).getTooltip() == null).count());
        assertEquals(0, untipped);
        TabPane tabs = robot.lookup("#trainerTabs").query();
        assertTrue(tabs.getTabs().stream().map(javafx.scene.control.Tab::getText).toList()
                .containsAll(java.util.List.of("Network", "Landscape", "Sharpness", "Architecture", "Ensemble")));
        assertEquals(5, tabs.getTabs().size());
    }

    @Test
    void sharpnessIsMeasuredAtItsCadenceAndChartedAgainstTwoOverEta(FxRobot robot) throws Exception {
        robot.clickOn("#sharpnessTab");
        TextField every = robot.lookup("#param-every").query();
        fx(() -> {
            every.setText("5");
            return null;
        });
        assertEquals(5, fx(() -> model().setup().current().options().sharpness().every()));
        waitUntil(() -> model().session().lastSnapshot() != null && model().session().lastSnapshot().step() == 0);
        fx(() -> {
            model().session().step(20);
            return null;
        });
        waitUntil(() -> model().session().lastSnapshot().step() == 20);
        var runs = fx(() -> pane.sharpness().view().runs());
        assertEquals(1, runs.size());
        assertArrayEquals(new long[] {0, 5, 10, 15, 20}, runs.get(0).steps());
        var series = runs.get(0).series();
        for (int k = 0; k < series.size(); k++) {
            assertTrue(series.sharpness()[k] > 0, "λmax at step " + runs.get(0).step(k));
        }
        // Adam at lr 0.02: its line is 2/η = 100 (the limit of gradient descent at that rate).
        assertEquals(100, series.limit()[1], 1e-9);
        fx(() -> {
            every.setText("0");
            return null;
        });
        assertEquals(null, fx(() -> model().setup().current().options().sharpness()));
    }
}
