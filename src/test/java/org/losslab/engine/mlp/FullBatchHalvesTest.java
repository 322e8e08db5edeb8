package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.update.RunSettings;

/** Large full batches are evaluated in two halves on two cores; the sum must be the same mean. */
class FullBatchHalvesTest {
    final Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {16, 16}, Activation.TANH,
            Output.SIGMOID, 1, true);
    final DataSpec data = new DataSpec(DataKind.SPIRALS, 1000, 0.05, 0, 2, false, 0, 1);

    @Test
    void twoHalvesGiveTheWholeMeanAndGradient() {
        Examples ex = new Examples(arch, data.split().train());
        double[] theta = Init.XAVIER.weights(arch, 3);
        int n = ex.n, mid = 512;
        double[] whole = new double[arch.parameterCount()], a = new double[whole.length], b = new double[whole.length];
        Network net = new Network(arch), other = new Network(arch);
        double loss = net.evaluate(theta, ex, null, 0, n, whole);
        int correct = net.correct();
        double sum = net.accumulate(theta, ex, null, 0, mid, 1.0 / n, a) + other.accumulate(theta, ex, null, mid, n, 1.0 / n, b);
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        assertEquals(loss, sum / n, 1e-15 * Math.abs(loss));
        assertEquals(correct, net.correct() + other.correct());
        for (int i = 0; i < a.length; i++) {
            assertEquals(whole[i], a[i], 1e-13 * Math.max(1e-3, Math.abs(whole[i])), "weight " + i);
        }
    }

    @Test
    void trainingOnTwoHalvesIsDeterministic() {
        Training training = new Training(arch, data.split(), Init.XAVIER.weights(arch, 1), Long.MAX_VALUE, 1,
                List.of(RunSettings.of(new Adam.Config(0.01, 0.9, 0.999, 1e-8, 0, false, false))));
        Trainer first = training.trainer(0), second = training.trainer(0);
        first.step(200);
        second.step(200);
        assertArrayEquals(first.snapshot().weights(), second.snapshot().weights());
        first.reset();
        first.step(200);
        assertArrayEquals(second.snapshot().weights(), first.snapshot().weights());
    }

    @Test
    void whereTheSecondHalfRunsDoesNotChangeTheWeights() {
        Training training = new Training(arch, data.split(), Init.XAVIER.weights(arch, 1), Long.MAX_VALUE, 1,
                List.of(RunSettings.of(new Adam.Config(0.01, 0.9, 0.999, 1e-8, 0, false, false))));
        Trainer pool = training.trainer(0), inline = training.trainer(0, Runnable::run);
        pool.step(50);
        inline.step(50);
        assertArrayEquals(pool.snapshot().weights(), inline.snapshot().weights());
    }
}
