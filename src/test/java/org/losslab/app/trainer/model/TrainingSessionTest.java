package org.losslab.app.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.app.model.ManualExecutor;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.surface.Window;

/**
 * The training session with its worker and the FX thread as queues the test runs by hand, so
 * every interleaving below is exactly the one written.
 */
class TrainingSessionTest {
    private final ManualExecutor worker = new ManualExecutor();
    private final ManualExecutor fx = new ManualExecutor();
    private final List<String> problems = new ArrayList<>();
    private final TrainingSession s = new TrainingSession(worker, Runnable::run, fx::execute, problems::add);
    private final Training training = Setup.DEFAULT.withRuns(List.of(Setup.DEFAULT.runs().get(0), Setup.DEFAULT.runs().get(0)))
            .config().training();
    private final Window window = Boundary.windowFor(training.data().train().bounds());

    private void runWorker() {
        worker.runAll();
    }

    private void runFx() {
        fx.runAll();
    }

    @Test
    void nothingReachesTheViewsUntilTheFxThreadDrains() {
        s.start(training, window);
        assertNull(s.lastSnapshot());
        runWorker();
        assertNull(s.lastSnapshot(), "the worker published, the FX thread has not taken it yet");
        assertEquals(1, fx.waiting(), "one drain is scheduled for everything the worker published");
        long frame = s.frameProperty().get();
        runFx();
        assertEquals(0, s.lastSnapshot().step());
        assertEquals(2, s.curves().size());
        assertEquals(0, s.boundaryProperty().get().step());
        assertTrue(s.frameProperty().get() > frame);
    }

    @Test
    void stepsOfAnOlderGenerationAreDroppedOnArrival() {
        s.start(training, window);
        runWorker();
        runFx();
        s.step(7);
        runWorker();
        s.start(training, window);
        runFx();
        assertEquals(0, s.curves().get(0).train().size(), "the old generation's seven steps were dropped");
        assertNull(s.boundaryProperty().get(), "and so was its boundary");
        runWorker();
        runFx();
        assertEquals(0, s.lastSnapshot().step());
        s.step(7);
        runWorker();
        runFx();
        assertEquals(7, s.lastSnapshot().step());
        assertEquals(7, s.stepProperty().get());
    }

    @Test
    void aRestartReplaysTheSameWeights() {
        s.start(training, window);
        s.step(25);
        runWorker();
        runFx();
        double[] first = s.lastSnapshot().weights();
        s.start(training, window);
        s.step(25);
        runWorker();
        runFx();
        assertArrayEquals(first, s.lastSnapshot().weights());
    }

    @Test
    void playingStopsAtTheBudgetAndPauseStopsTheLoop() {
        Training shortOne = Setup.DEFAULT.withSteps(12).config().training();
        s.setSpeed(0);
        s.start(shortOne, window);
        runWorker();
        runFx();
        s.play();
        assertTrue(s.playingProperty().get());
        s.pause();
        runWorker();
        runFx();
        assertEquals(0, s.lastSnapshot().step(), "paused before the loop ran: not one step");
        s.play();
        runWorker();
        assertTrue(s.playingProperty().get(), "the FX thread has not heard yet");
        runFx();
        assertFalse(s.playingProperty().get());
        assertTrue(s.finished());
        assertEquals(12, s.lastSnapshot().step());
        s.play();
        assertEquals(0, worker.waiting(), "a finished training does not play");
    }

    @Test
    void theShownRunsBoundaryIsPublished() {
        s.start(training, window);
        s.step(3);
        runWorker();
        runFx();
        assertEquals(0, s.boundaryProperty().get().run());
        s.showRun(1);
        assertEquals(1, s.shownRun());
        runWorker();
        runFx();
        assertEquals(1, s.boundaryProperty().get().run());
        assertEquals(3, s.boundaryProperty().get().step());
        s.showRun(5);
        assertEquals(1, s.shownRun(), "clamped to the runs there are");
        Training one = Setup.DEFAULT.config().training();
        s.start(one, window);
        assertEquals(0, s.shownRun(), "a training with fewer runs shows its first");
    }

    @Test
    void theSpeedLimitIsKeptAndZeroMeansNoLimit() {
        assertEquals(TrainingSession.DEFAULT_SPEED, s.speed());
        s.setSpeed(-3);
        assertEquals(0, s.speed());
        s.setSpeed(1000);
        assertEquals(1000, s.speed());
        assertTrue(problems.isEmpty());
    }
}
