package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.Lbfgs;
import org.losslab.engine.optim.Newton;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.schedule.CosineSchedule;
import org.losslab.engine.update.RunSettings;

class TrainingTest {

    /** The documented config of sample-landscapes/mlp-two-spirals.json, Adam run. */
    @Test
    void twoSpiralsReachNinetyFivePercentTestAccuracy() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {16, 16}, Activation.TANH,
                Output.SIGMOID, 1, true);
        DataSpec data = new DataSpec(DataKind.SPIRALS, 1000, 0.02, 0.5, 2, false, 0, 1);
        Training training = new Training(arch, data.split(), Init.XAVIER.weights(arch, 7), 3000, 1,
                List.of(RunSettings.of(new Adam.Config(0.02, 0.9, 0.999, 1e-8, 0, false, false))));
        Trainer t = training.trainer(0);
        double start = t.snapshot().testAccuracy();
        t.step(3000);
        TrainSnapshot s = t.snapshot();
        assertTrue(start < 0.7, "starts near chance: " + start);
        assertTrue(s.testAccuracy() >= 0.95, "test accuracy " + s.testAccuracy());
    }

    /**
     * The textbook memorization experiment with a deep linear network (no biases, identity
     * activations): 7 inputs (every feature) at 7 random points form a basis of R⁷, so a full-rank
     * product W₃W₂W₁ fits any targets exactly, including random one-hot labels; a width-1 bottleneck
     * caps the rank at 1 and cannot; and on fresh points the interpolating network is at chance.
     */
    @Test
    void deepLinearNetworkMemorizesRandomLabelsOnlyWithoutABottleneck() {
        List<Feature> all = List.of(Feature.values());
        int k = 4;
        DataSpec.Split split = new DataSpec.Split(randomLabels(7, k, 11), randomLabels(4000, k, 12));
        TrainSnapshot wide = trainLinear(all, new int[] {64, 64}, k, split);
        TrainSnapshot narrow = trainLinear(all, new int[] {64, 1}, k, split);
        assertTrue(wide.trainLoss() < 1e-6, "wide network fits the random labels: " + wide.trainLoss());
        assertEquals(1.0, wide.trainAccuracy());
        assertTrue(narrow.trainLoss() > 0.05, "rank-1 bottleneck cannot: " + narrow.trainLoss());
        // 4000 fresh points: chance is 1/4, standard error ≈ 0.007.
        assertTrue(Math.abs(wide.testAccuracy() - 0.25) < 0.04, "no better than chance: " + wide.testAccuracy());
    }

    private static TrainSnapshot trainLinear(List<Feature> features, int[] hidden, int k, DataSpec.Split split) {
        Architecture arch = new Architecture(features, hidden, Activation.IDENTITY, Output.LINEAR, k, false);
        // The features are far from orthogonal (x1 and sin x1 nearly coincide), so the fit is ill-conditioned:
        // L-BFGS with a line search gets there in a few hundred updates where Adam needs tens of thousands.
        Training training = new Training(arch, split, Init.ORTHOGONAL.weights(arch, 5), 1000, 0,
                List.of(RunSettings.of(new Lbfgs.Config(1, 20, Lbfgs.LineSearch.STRONG_WOLFE, 1e-12, 1e-15))));
        Trainer t = training.trainer(0);
        t.step(1000);
        return t.snapshot();
    }

    private static Dataset randomLabels(int n, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n], x2 = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = 4 * r.nextDouble() - 2;
            x2[i] = 4 * r.nextDouble() - 2;
            y[i] = i < k ? i : r.nextInt(k);
        }
        return new Dataset(x1, x2, y, k);
    }

    @Test
    void sameSeedSameWeightsAndResetReplays() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {6}, Activation.RELU, Output.SIGMOID, 1, true);
        DataSpec data = new DataSpec(DataKind.MOONS, 200, 0.1, 0.3, 2, false, 0.1, 4);
        RunSettings run = RunSettings.of(new Sgd.Config(0.1, 0.9, 0, false, 1e-3)).withSchedule(new CosineSchedule(null, 0))
                .withWarmupSteps(5).withNoiseTemperature(0.001).withSamRho(0.05).withClipNorm(1.0).withBatchSize(16);
        Training training = new Training(arch, data.split(), Init.HE.weights(arch, 2), 100, 9, List.of(run, run));
        Trainer a = training.trainer(0), b = training.trainer(0), other = training.trainer(1);
        a.step(100);
        b.step(60);
        b.step(40);
        assertArrayEquals(a.weights(), b.weights());
        other.step(100);
        assertFalse(java.util.Arrays.equals(a.weights(), other.weights()), "run 1 has its own batches and noise");
        double[] after = a.weights();
        a.reset();
        assertArrayEquals(training.initial(), a.weights());
        a.step(100);
        assertArrayEquals(after, a.weights());
        TrainSnapshot s = a.snapshot();
        assertEquals(100, s.step());
        // 140 training points in batches of 16: 9 batches an epoch, the last of 12 points.
        assertEquals(11 + 16.0 / 140, s.epoch(), 1e-12);
    }

    @Test
    void secondOrderMethodsTrainThroughTheObjective() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {4}, Activation.TANH, Output.SIGMOID, 1, true);
        DataSpec data = new DataSpec(DataKind.CIRCLES, 200, 0.05, 0.5, 2, false, 0, 3);
        Training training = new Training(arch, data.split(), Init.XAVIER.weights(arch, 1), 50, 0, List.of(
                RunSettings.of(new Lbfgs.Config(1, 10, Lbfgs.LineSearch.STRONG_WOLFE, 1e-7, 1e-9)),
                RunSettings.of(new Newton.Config(1, 1.0, false))));
        for (int r = 0; r < 2; r++) {
            Trainer t = training.trainer(r);
            double before = t.snapshot().trainLoss();
            t.step(50);
            TrainSnapshot s = t.snapshot();
            assertFalse(s.diverged());
            assertTrue(s.trainLoss() < (r == 0 ? 0.5 : 0.95) * before, "run " + r + ": " + before + " → " + s.trainLoss());
        }
    }

    @Test
    void divergenceIsAResultNotAnError() {
        Architecture arch = new Architecture(List.of(Feature.X1), new int[] {4}, Activation.IDENTITY, Output.LINEAR, 1, true);
        DataSpec data = new DataSpec(DataKind.CURVE, 50, 0.1, 0, 0, false, 0, 1);
        Training training = new Training(arch, data.split(), Init.XAVIER.weights(arch, 1), 1000, 0,
                List.of(RunSettings.of(new Sgd.Config(50, 0, 0, false, 0))));
        Trainer t = training.trainer(0);
        int done = t.step(1000);
        assertTrue(t.diverged());
        assertTrue(done < 1000);
        assertTrue(t.snapshot().diverged());
        assertEquals(0, t.step(10), "a diverged run takes no more steps");
    }
}
