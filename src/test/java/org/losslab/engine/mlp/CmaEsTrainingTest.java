package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.optim.CmaEs;
import org.losslab.engine.update.RunSettings;

/**
 * CMA-ES trains a network too: it searches all P weights at once with a P × P covariance, using only
 * loss values on the update's batch. A tiny network (P = 13) on two blobs learns from chance to a
 * near-perfect fit, and a run replays exactly from its seed.
 */
class CmaEsTrainingTest {
    private static Training tiny(long seed) {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {3}, Activation.TANH, Output.SIGMOID,
                1, true);
        DataSpec data = new DataSpec(DataKind.BLOBS, 200, 0.1, 0.5, 2, false, 0, 3);
        return new Training(arch, data.split(), Init.XAVIER.weights(arch, 4), 300, seed,
                List.of(RunSettings.of(new CmaEs.Config(1, 0, 0.5))));
    }

    @Test
    void learnsTwoBlobsFromLossValuesAlone() {
        Trainer t = tiny(1).trainer(0);
        assertEquals(13, t.weights().length);
        TrainSnapshot before = t.snapshot();
        assertEquals(300, t.step(300));
        TrainSnapshot after = t.snapshot();
        assertFalse(after.diverged());
        assertTrue(after.trainLoss() < 0.25 * before.trainLoss(), before.trainLoss() + " → " + after.trainLoss());
        assertTrue(after.testAccuracy() >= 0.95, "test accuracy " + after.testAccuracy());
    }

    @Test
    void aSeedReplaysItsSamples() {
        Trainer a = tiny(9).trainer(0), b = tiny(9).trainer(0), c = tiny(10).trainer(0);
        a.step(20);
        b.step(20);
        c.step(20);
        assertEquals(List.of(), diff(a.weights(), b.weights()));
        assertFalse(diff(a.weights(), c.weights()).isEmpty());
        a.reset();
        a.step(20);
        assertEquals(List.of(), diff(a.weights(), b.weights()));
    }

    private static List<Integer> diff(double[] x, double[] y) {
        return java.util.stream.IntStream.range(0, x.length).filter(i -> x[i] != y[i]).boxed().toList();
    }
}
