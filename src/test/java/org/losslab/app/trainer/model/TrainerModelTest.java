package org.losslab.app.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.losslab.engine.mlp.DataKind;
import org.losslab.engine.mlp.DataSpec;
import org.losslab.engine.mlp.LossSlice;
import org.losslab.engine.mlp.Output;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.format.Typed;

/** The view model with every thread replaced by "run now", so each command completes in the call. */
class TrainerModelTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final TrainerModel m = new TrainerModel(Runnable::run, Runnable::run, pool, Runnable::run);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void stepsAreRecordedOnePointPerStepAndReplayIdentically() {
        assertEquals(0, m.lastSnapshot().step());
        double loss0 = m.lastSnapshot().trainLoss();
        m.step(120);
        TrainSnapshot s = m.lastSnapshot();
        assertEquals(120, s.step());
        assertEquals(121, m.curves().get(0).train().size());
        assertEquals(121, m.curves().get(0).testAccuracy().size());
        assertTrue(s.trainLoss() < loss0, s.trainLoss() + " < " + loss0);
        assertEquals(s.trainLoss(), m.curves().get(0).train().loss(120));
        assertEquals(120, m.boundaryProperty().get().step());
        m.reset();
        assertEquals(0, m.lastSnapshot().step());
        assertEquals(0, m.boundaryProperty().get().step(), "the boundary is that of the initial weights again");
        m.step(120);
        assertArrayEquals(s.weights(), m.lastSnapshot().weights());
    }

    @Test
    void playRunsToTheStepBudgetAndStops() {
        m.setSteps(40);
        m.play();
        assertFalse(m.playingProperty().get());
        assertTrue(m.finished());
        assertEquals(40, m.lastSnapshot().step());
        m.play();
        assertEquals(41, m.curves().get(0).train().size(), "a finished training does not go on");
    }

    @Test
    void runsTrainSideBySideFromTheSameWeights() {
        assertNull(m.addRun());
        assertNull(m.editRun(1, r -> r.withOptimizer(new Typed("sgd", Map.of("lr", 0.1)))));
        m.step(10);
        RunCurves a = m.curves().get(0), b = m.curves().get(1);
        assertEquals(a.train().loss(0), b.train().loss(0));
        assertNotEquals(a.train().loss(10), b.train().loss(10));
        assertEquals(2, m.config().runs().size());
        assertNull(m.removeRun(1));
        assertEquals(1, m.curves().size());
        assertNotNull(m.removeRun(0), "the last run stays");
    }

    @Test
    void theOutputFollowsTheDataAndAMismatchIsRejectedWithAReason() {
        assertNull(m.setData(new DataSpec(DataKind.BLOBS, 300, 0.05, 0.5, 4, false, 0, 1)));
        assertEquals(Output.SOFTMAX, m.output());
        assertEquals(4, m.training().architecture().outputs());
        String p = m.setOutput(Output.SIGMOID);
        assertNotNull(p);
        assertTrue(p.contains("sigmoid"), p);
        assertEquals(Output.SOFTMAX, m.config().network().output(), "the setup is unchanged");
        assertNull(m.setData(new DataSpec(DataKind.CURVE, 200, 0.1, 0.25, 0, false, 0, 1)));
        assertEquals(Output.LINEAR, m.output());
        m.step(5);
        assertNotNull(m.boundaryProperty().get().curve(), "a regression shows its fitted curve");
    }

    @Test
    void aNewtonRunOnABigNetworkIsRefusedUpFront() {
        assertNull(m.setHidden(new int[] {64, 64}));
        String p = m.editRun(0, r -> r.withOptimizer(new Typed("newton", Map.of("lr", 1.0))));
        assertNotNull(p);
        assertTrue(p.contains("Newton"), p);
        assertEquals("adam", m.runs().get(0).optimizer().type());
    }

    @Test
    void aSliceThroughTheWeightsHasTheirLossAtItsCentreAndTheProjectedPath() throws Exception {
        m.step(50);
        assertNull(m.computeSlice(9, 0.5, false, 3));
        SliceResult s = m.sliceProperty().get();
        assertNotNull(s);
        assertEquals(1.0, m.sliceProgressProperty().get());
        assertFalse(m.sliceRunningProperty().get());
        assertEquals(m.lastSnapshot().trainLoss(), s.grid().at(4, 4), 1e-12);
        var path = s.path();
        assertEquals(0, path.x(path.size() - 1), 1e-9, "the path ends at θ*, the centre");
        assertEquals(0, path.y(path.size() - 1), 1e-9);
        assertEquals(m.lastSnapshot().trainLoss(), path.loss(path.size() - 1));
        assertNull(m.computeSlice(9, 0.5, true, 3));
        SliceResult p = m.sliceProperty().get();
        assertTrue(p.pca());
        assertTrue(p.explained()[0] >= p.explained()[1] && p.explained()[0] > 0.3, "the first PCA direction explains most");
    }

    @Test
    void aSliceCanBeCancelledAndThenShowsNothing() throws Exception {
        ExecutorService driver = Executors.newSingleThreadExecutor();
        ExecutorService rows = Executors.newSingleThreadExecutor();
        java.util.concurrent.ConcurrentLinkedQueue<Runnable> fx = new java.util.concurrent.ConcurrentLinkedQueue<>();
        TrainerModel big = new TrainerModel(Runnable::run, driver, rows, fx::add);
        try {
            runAll(fx);
            assertNull(big.computeSlice(400, 1, false, 3));
            assertTrue(big.sliceRunningProperty().get());
            big.cancelSlice();
            assertFalse(big.sliceRunningProperty().get());
            driver.shutdown();
            assertTrue(driver.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS));
            runAll(fx);
            assertNull(big.sliceProperty().get(), "a cancelled slice is not shown");
            assertTrue(big.sliceProgressProperty().get() < 1);
        } finally {
            driver.shutdownNow();
            rows.shutdownNow();
        }
    }

    private static void runAll(java.util.Queue<Runnable> q) {
        Runnable r;
        while ((r = q.poll()) != null) {
            r.run();
        }
    }

    @Test
    void pcaBeforeTrainingAndBadGridsAreRefusedWithAReason() {
        assertNotNull(m.computeSlice(9, 1, true, 3));
        assertTrue(m.errorProperty().get().contains("PCA"));
        assertNotNull(m.computeSlice(1, 1, false, 3));
        assertNotNull(m.computeSlice(9, -1, false, 3));
    }

    @Test
    void theGridSurfaceIsExactAtItsNodesAndBilinearBetween() {
        double[] loss = {0, 1, 2, 10, 11, 12, 20, 21, 22};
        var g = new LossSlice.Grid(-1, 1, -1, 1, 3, loss);
        GridSurface s = new GridSurface(g);
        assertEquals(11, s.value(0, 0, 0), 1e-12);
        assertEquals(22, s.value(1, 1, 0), 1e-12);
        // f = 11 + x + 10·y on this grid: gradient (1, 10) everywhere.
        double[] grad = new double[2];
        assertEquals(11 + 0.25 + 10 * -0.5, s.valueAndGradient(0.25, -0.5, 0, grad), 1e-12);
        assertEquals(1, grad[0], 1e-12);
        assertEquals(10, grad[1], 1e-12);
    }
}
