package org.losslab.app.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.losslab.app.model.JobThreads;
import org.losslab.app.model.ManualExecutor;
import org.losslab.engine.mlp.LossSlice;
import org.losslab.engine.mlp.Training;

/** The landscape slice as a job on its own: what it copies when started, cancel, and the checks before it starts. */
class LandscapeSliceTest {
    private final List<String> reports = new ArrayList<>();
    private final TrainingSession session = new TrainingSession(Runnable::run, Runnable::run, Runnable::run, reports::add);
    private final Training training = Setup.DEFAULT.config().training();

    LandscapeSliceTest() {
        session.start(training, Boundary.windowFor(training.data().train().bounds()));
    }

    private String compute(LandscapeSlice slice, int n, boolean pca) {
        return slice.compute(training, 0, session.curves().get(0), n, 0.5, pca, 3);
    }

    @Test
    void theSliceIsOfTheWeightsItWasStartedAtWhileTrainingGoesOn() {
        ManualExecutor coordinator = new ManualExecutor();
        LandscapeSlice slice = new LandscapeSlice(new JobThreads(coordinator, Runnable::run, 1), Runnable::run, reports::add);
        session.step(30);
        double lossThen = session.lastSnapshot().trainLoss();
        assertNull(compute(slice, 7, true));
        assertTrue(slice.runningProperty().get());
        assertEquals("", reports.get(reports.size() - 1), "a started slice clears the message line");
        session.step(30);
        coordinator.runAll();
        SliceResult s = slice.sliceProperty().get();
        assertEquals(30, s.step());
        assertEquals(lossThen, s.grid().at(3, 3), 1e-12);
        assertFalse(slice.runningProperty().get());
        assertEquals(1.0, slice.progressProperty().get());
        assertTrue(s.pca());
    }

    @Test
    void aSliceCanBeCancelledAndThenShowsNothing() throws Exception {
        ExecutorService driver = Executors.newSingleThreadExecutor();
        ExecutorService rows = Executors.newSingleThreadExecutor();
        java.util.concurrent.ConcurrentLinkedQueue<Runnable> fx = new java.util.concurrent.ConcurrentLinkedQueue<>();
        LandscapeSlice big = new LandscapeSlice(new JobThreads(driver, rows, 1), fx::add, reports::add);
        try {
            assertNull(compute(big, 400, false));
            assertTrue(big.runningProperty().get());
            big.cancel();
            assertFalse(big.runningProperty().get());
            driver.shutdown();
            assertTrue(driver.awaitTermination(60, TimeUnit.SECONDS));
            Runnable r;
            while ((r = fx.poll()) != null) {
                r.run();
            }
            assertNull(big.sliceProperty().get(), "a cancelled slice is not shown");
            assertTrue(big.progressProperty().get() < 1);
        } finally {
            driver.shutdownNow();
            rows.shutdownNow();
        }
    }

    @Test
    void clearForgetsTheSlice() {
        LandscapeSlice slice = new LandscapeSlice(new JobThreads(Runnable::run, Runnable::run, 1), Runnable::run, reports::add);
        session.step(5);
        assertNull(compute(slice, 3, false));
        assertNotNull(slice.sliceProperty().get());
        slice.clear();
        assertNull(slice.sliceProperty().get());
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingRuns() {
        ManualExecutor coordinator = new ManualExecutor();
        LandscapeSlice slice = new LandscapeSlice(new JobThreads(coordinator, Runnable::run, 1), Runnable::run, reports::add);
        assertTrue(compute(slice, 9, true).contains("PCA"), "PCA needs a path");
        assertTrue(compute(slice, 1, false).contains("grid size"));
        assertTrue(compute(slice, 401, false).contains("grid size"));
        assertTrue(slice.compute(training, 0, session.curves().get(0), 9, Double.NaN, false, 3).contains("range"));
        assertEquals(0, coordinator.waiting());
        assertFalse(slice.runningProperty().get());
        String notStarted = slice.compute(training, 0, new RunCurves(10, 1), 9, 1, false, 3);
        assertEquals("the run has not started yet", notStarted);
        assertEquals(notStarted, reports.get(reports.size() - 1), "each refusal is reported too");
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
