package org.losslab.app.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.app.model.JobThreads;
import org.losslab.app.model.ManualExecutor;
import org.losslab.engine.mlp.Activation;
import org.losslab.engine.mlp.DataKind;
import org.losslab.engine.mlp.DataSpec;
import org.losslab.engine.mlp.Output;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.format.Palette;
import org.losslab.format.Typed;

/**
 * The trainer's three parts joined, with every thread replaced by "run now", so each command
 * completes in the call: edits restart the training, slices go through the shown run, problems
 * reach one message line.
 */
class TrainerModelTest {
    private final TrainerModel m = new TrainerModel(Runnable::run, Runnable::run, new JobThreads(Runnable::run, Runnable::run, 2),
            Runnable::run);

    @Test
    void stepsAreRecordedOnePointPerStepAndReplayIdentically() {
        assertEquals(0, m.session().lastSnapshot().step());
        double loss0 = m.session().lastSnapshot().trainLoss();
        m.session().step(120);
        TrainSnapshot s = m.session().lastSnapshot();
        assertEquals(120, s.step());
        assertEquals(121, m.session().curves().get(0).train().size());
        assertEquals(121, m.session().curves().get(0).testAccuracy().size());
        assertTrue(s.trainLoss() < loss0, s.trainLoss() + " < " + loss0);
        assertEquals(s.trainLoss(), m.session().curves().get(0).train().loss(120));
        assertEquals(120, m.session().boundaryProperty().get().step());
        m.reset();
        assertEquals(0, m.session().lastSnapshot().step());
        assertEquals(0, m.session().boundaryProperty().get().step(), "the boundary is that of the initial weights again");
        m.session().step(120);
        assertArrayEquals(s.weights(), m.session().lastSnapshot().weights());
    }

    @Test
    void playRunsToTheStepBudgetAndStops() {
        m.setup().setSteps(40);
        m.session().play();
        assertFalse(m.session().playingProperty().get());
        assertTrue(m.session().finished());
        assertEquals(40, m.session().lastSnapshot().step());
        m.session().play();
        assertEquals(41, m.session().curves().get(0).train().size(), "a finished training does not go on");
    }

    @Test
    void anEditStartsTheTrainingOverAndKeepsPlayingIfItWas() {
        // A training whose play loop only runs when the test says so, to catch the session mid-play.
        ManualExecutor worker = new ManualExecutor();
        TrainerModel t = new TrainerModel(worker, Runnable::run, new JobThreads(Runnable::run, Runnable::run, 1), Runnable::run);
        worker.runAll();
        t.session().step(30);
        worker.runAll();
        assertEquals(30, t.session().lastSnapshot().step());
        t.session().play();
        assertTrue(t.session().playingProperty().get());
        assertNull(t.setup().setActivation(Activation.RELU));
        assertTrue(t.session().playingProperty().get(), "still playing after the edit");
        assertEquals(0, t.session().stepProperty().get(), "from step 0 of the new setup");
        assertEquals(Activation.RELU, t.session().training().architecture().activation());
        t.session().pause();
        worker.runAll();
        assertEquals(0, t.session().lastSnapshot().step(), "the play loop of the old setup was dropped");
    }

    @Test
    void runsTrainSideBySideFromTheSameWeights() {
        assertNull(m.addRun());
        assertNull(m.setup().editRun(1, r -> r.withOptimizer(new Typed("sgd", Map.of("lr", 0.1)))));
        m.session().step(10);
        RunCurves a = m.session().curves().get(0), b = m.session().curves().get(1);
        assertEquals(a.train().loss(0), b.train().loss(0));
        assertNotEquals(a.train().loss(10), b.train().loss(10));
        assertEquals(2, m.setup().config().runs().size());
        m.session().showRun(1);
        assertNull(m.setup().removeRun(1));
        assertEquals(1, m.session().curves().size());
        assertEquals(0, m.session().shownRun(), "the shown run went with its run");
        assertNotNull(m.setup().removeRun(0), "the last run stays");
    }

    @Test
    void anAddedRunCopiesTheShownOne() {
        assertNull(m.setup().editRun(0, r -> r.withOptimizer(new Typed("sgd", Map.of("lr", 0.1)))));
        assertNull(m.addRun());
        assertNull(m.setup().editRun(1, r -> r.withOptimizer(new Typed("rmsprop", Map.of("lr", 0.01)))));
        m.session().showRun(1);
        assertNull(m.addRun());
        assertEquals("rmsprop", m.setup().current().runs().get(2).optimizer().type());
        assertEquals(Palette.run(2), m.setup().color(2), "in the next colour");
        assertNotEquals(m.setup().color(1), m.setup().color(2));
    }

    @Test
    void theOutputFollowsTheDataAndAMismatchIsRejectedWithAReason() {
        assertNull(m.setup().setData(new DataSpec(DataKind.BLOBS, 300, 0.05, 0.5, 4, false, 0, 1)));
        assertEquals(Output.SOFTMAX, m.setup().current().output());
        assertEquals(4, m.setup().training().architecture().outputs());
        String p = m.setup().setOutput(Output.SIGMOID);
        assertNotNull(p);
        assertTrue(p.contains("sigmoid"), p);
        assertEquals(p, m.errorProperty().get(), "the problem is on the message line");
        assertEquals(Output.SOFTMAX, m.setup().config().network().output(), "the setup is unchanged");
        assertNull(m.setup().setData(new DataSpec(DataKind.CURVE, 200, 0.1, 0.25, 0, false, 0, 1)));
        assertEquals("", m.errorProperty().get(), "an accepted edit clears the line");
        assertEquals(Output.LINEAR, m.setup().current().output());
        m.session().step(5);
        assertNotNull(m.session().boundaryProperty().get().curve(), "a regression shows its fitted curve");
    }

    @Test
    void aSliceThroughTheWeightsHasTheirLossAtItsCentreAndTheProjectedPath() {
        m.session().step(50);
        assertNull(m.computeSlice(9, 0.5, false, 3));
        SliceResult s = m.slice().sliceProperty().get();
        assertNotNull(s);
        assertEquals(1.0, m.slice().progressProperty().get());
        assertFalse(m.slice().runningProperty().get());
        assertEquals(m.session().lastSnapshot().trainLoss(), s.grid().at(4, 4), 1e-12);
        var path = s.path();
        assertEquals(0, path.x(path.size() - 1), 1e-9, "the path ends at θ*, the centre");
        assertEquals(0, path.y(path.size() - 1), 1e-9);
        assertEquals(m.session().lastSnapshot().trainLoss(), path.loss(path.size() - 1));
        assertNull(m.computeSlice(9, 0.5, true, 3));
        SliceResult p = m.slice().sliceProperty().get();
        assertTrue(p.pca());
        assertTrue(p.explained()[0] >= p.explained()[1] && p.explained()[0] > 0.3, "the first PCA direction explains most");
    }

    @Test
    void aSliceGoesThroughTheShownRunAndAResetForgetsIt() {
        assertNull(m.addRun());
        assertNull(m.setup().editRun(1, r -> r.withOptimizer(new Typed("sgd", Map.of("lr", 0.5)))));
        m.session().step(20);
        m.session().showRun(1);
        assertNull(m.computeSlice(5, 0.5, false, 3));
        SliceResult s = m.slice().sliceProperty().get();
        assertEquals(1, s.run());
        assertEquals(m.session().curves().get(1).last().trainLoss(), s.grid().at(2, 2), 1e-12);
        m.reset();
        assertNull(m.slice().sliceProperty().get(), "the weights the slice went through are gone");
    }

    @Test
    void pcaBeforeTrainingAndBadGridsAreRefusedWithAReason() {
        assertNotNull(m.computeSlice(9, 1, true, 3));
        assertTrue(m.errorProperty().get().contains("PCA"));
        assertNotNull(m.computeSlice(1, 1, false, 3));
        assertNotNull(m.computeSlice(9, -1, false, 3));
    }
}
