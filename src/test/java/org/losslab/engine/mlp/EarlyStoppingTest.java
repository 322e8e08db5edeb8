package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.update.RunSettings;

/**
 * Early stopping: the rule (improvement by more than minDelta, patience counted in checks), the stop
 * step, the restored best weights and running statistics, and that a run without it is unchanged.
 */
class EarlyStoppingTest {
    static Training training(HiddenBlock block, EarlyStopping rule) {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {32, 32}, Activation.RELU,
                Output.SIGMOID, 1, true, block);
        DataSpec spec = new DataSpec(DataKind.CIRCLES, 200, 0.15, 0.5, 2, false, 0.2, 5);
        RunSettings adam = RunSettings.of(new Adam.Config(0.02, 0.9, 0.999, 1e-8, 0, false, false));
        TrainingOptions o = rule == null ? TrainingOptions.NONE : TrainingOptions.NONE.withEarlyStopping(rule);
        return new Training(arch, spec.split(), Init.XAVIER.weights(arch, 3), 1500, 5, List.of(adam), o);
    }

    @Test
    void theMonitorCountsChecksWithoutImprovement() {
        EarlyStopping.Monitor m = new EarlyStopping.Monitor(new EarlyStopping(2, 1, 0.1), 1, 0);
        double[] th = {0};
        assertFalse(m.check(0, 1.0, th, null));
        th[0] = 1;
        assertFalse(m.check(1, 0.95, th, null), "not better by more than minDelta: one bad check");
        th[0] = 2;
        assertFalse(m.check(2, 0.85, th, null), "better by 0.15: the best, the count starts over");
        assertEquals(2, m.bestStep());
        assertFalse(m.check(3, 0.8, th, null));
        assertTrue(m.check(4, 0.9, th, null), "two checks in a row without improvement");
        th[0] = 9;
        m.restore(th, null);
        assertEquals(2, th[0]);
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0, 1, 0));
    }

    @Test
    void stopsAtTheFirstCheckPastPatienceWithTheBestWeightsRestored() {
        EarlyStopping rule = new EarlyStopping(20, 5, 0);
        Training t = training(HiddenBlock.PLAIN, rule);
        List<TrainSnapshot> rows = new ArrayList<>();
        t.run((r, s) -> rows.add(s), 5, Cancellation.NEVER);
        TrainSnapshot last = rows.get(rows.size() - 1);
        assertTrue(last.stoppedEarly(), "the label noise makes the test loss turn up");
        assertTrue(last.step() < t.steps());
        assertEquals(last.step() - last.bestStep(), 5L * rule.patience(), "patience checks of 5 steps after the best");
        // The replay: the best check's weights and test loss are the stopped run's.
        Trainer replay = training(HiddenBlock.PLAIN, null).trainer(0);
        replay.step((int) last.bestStep());
        TrainSnapshot best = replay.snapshot();
        assertArrayEquals(best.weights(), last.weights(), 0.0, "restored weights");
        assertEquals(best.testLoss(), last.testLoss(), 0.0);
        double min = rows.stream().filter(s -> s.step() % 5 == 0).mapToDouble(TrainSnapshot::testLoss).min().getAsDouble();
        assertEquals(min, last.testLoss(), 0.0, "the best of all checks");
        // Without early stopping the same run trains on to a worse test loss.
        replay.step((int) (t.steps() - replay.step()));
        assertTrue(replay.snapshot().testLoss() > last.testLoss() * 1.5, replay.snapshot().testLoss() + " vs " + last.testLoss());
        assertFalse(best.stoppedEarly());
        assertEquals(-1, best.bestStep(), "no early stopping, no best step");
    }

    @Test
    void batchNormRestoresTheRunningStatisticsToo() {
        Training t = training(new HiddenBlock(Normalization.BATCH, 0), new EarlyStopping(10, 5, 0));
        Trainer stopped = t.trainer(0);
        stopped.step((int) t.steps());
        assertTrue(stopped.stoppedEarly());
        long best = stopped.snapshot().bestStep();
        Trainer replay = training(new HiddenBlock(Normalization.BATCH, 0), null).trainer(0);
        replay.step((int) best);
        assertArrayEquals(replay.runningStatistics(), stopped.runningStatistics(), 0.0);
        assertEquals(replay.snapshot().testLoss(), stopped.snapshot().testLoss(), 0.0);
        assertEquals(0, stopped.step(5), "a stopped run takes no more steps");
        stopped.reset();
        assertFalse(stopped.stoppedEarly());
    }

    @Test
    void needsATestSet() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {4}, Activation.TANH,
                Output.SIGMOID, 1, true);
        DataSpec spec = new DataSpec(DataKind.MOONS, 50, 0.1, 0, 2, false, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> new Training(arch, spec.split(), Init.XAVIER.weights(arch, 1), 10, 1,
                List.of(RunSettings.of(new Adam.Config(0.01, 0.9, 0.999, 1e-8, 0, false, false))),
                TrainingOptions.NONE.withEarlyStopping(new EarlyStopping(3, 1, 0))));
    }
}
