package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation through batch normalization, layer normalization and dropout against central
 * finite differences of the same loss, in training mode (batch statistics, a fixed dropout mask) and
 * in evaluation mode (running statistics), for several activations and every output; and the
 * bookkeeping of the modes: running statistics updated once per update, masks reused within one.
 */
class BlockNetworkBackpropTest {

    static List<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (Normalization norm : Normalization.values()) {
            for (double p : new double[] {0, 0.3}) {
                if (norm == Normalization.NONE && p == 0) {
                    continue;
                }
                for (Activation act : new Activation[] {Activation.TANH, Activation.GELU, Activation.RELU}) {
                    a.add(Arguments.of(norm, p, act, Output.SIGMOID, 2));
                }
                a.add(Arguments.of(norm, p, Activation.SIGMOID, Output.SOFTMAX, 3));
                a.add(Arguments.of(norm, p, Activation.TANH, Output.LINEAR, 0));
                a.add(Arguments.of(norm, p, Activation.LEAKY_RELU, Output.LINEAR, 3));
            }
        }
        return a;
    }

    @ParameterizedTest(name = "{0} dropout {1} {2} {3} classes={4}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(Normalization norm, double p, Activation act, Output out, int classes) {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2, Feature.X1_X2), new int[] {5, 4}, act, out,
                out.units(classes), true, new HiddenBlock(norm, p));
        // 300 examples: a training pass grows the stride past 256, an evaluation pass takes two chunks.
        Examples ex = new Examples(arch, BackpropTest.data(300, classes, 7));
        double[] theta = perturbed(arch, 5);
        BlockNetwork net = new BlockNetwork(arch, 9);

        net.train(true);
        net.beginUpdate();
        assertFiniteDifferences(net, theta, ex, "training mode");
        int[] idx = {5, 17, 200, 3, 299, 42};
        net.beginUpdate();
        double[] g = new double[theta.length];
        net.evaluate(theta, ex, idx, 1, 6, g);
        assertFiniteDifferences(net, theta, ex, idx, 1, 6, "training mode, minibatch");

        net.train(false);
        if (norm == Normalization.BATCH) {
            // Layer by layer its means then its variances (widths 5 and 4).
            double[] stats = new double[net.runningStatisticsCount()];
            SplittableRandom r = new SplittableRandom(1);
            int k = 0;
            for (int width : new int[] {5, 4}) {
                for (int j = 0; j < width; j++) {
                    stats[k++] = r.nextDouble() - 0.5;
                }
                for (int j = 0; j < width; j++) {
                    stats[k++] = 0.5 + r.nextDouble();
                }
            }
            net.setRunningStatistics(stats);
        }
        assertFiniteDifferences(net, theta, ex, "evaluation mode");
    }

    private static void assertFiniteDifferences(BlockNetwork net, double[] theta, Examples ex, String mode) {
        assertFiniteDifferences(net, theta, ex, null, 0, ex.n, mode);
    }

    private static void assertFiniteDifferences(BlockNetwork net, double[] theta, Examples ex, int[] idx, int from, int to,
                                                String mode) {
        double[] g = new double[theta.length];
        double f = net.evaluate(theta, ex, idx, from, to, g);
        assertTrue(Double.isFinite(f), mode);
        double worst = 0;
        for (int q = 0; q < theta.length; q++) {
            double h = 1e-6;
            double[] tp = theta.clone(), tm = theta.clone();
            tp[q] += h;
            tm[q] -= h;
            double fd = (net.evaluate(tp, ex, idx, from, to, null) - net.evaluate(tm, ex, idx, from, to, null)) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - g[q]) / Math.max(1e-3, Math.abs(g[q])));
        }
        assertTrue(worst < 1e-5, mode + ": worst relative error " + worst);
        // The finite differences did not change the pass: the same loss again.
        assertEquals(f, net.evaluate(theta, ex, idx, from, to, null), 0.0, mode);
    }

    static double[] perturbed(Architecture arch, long seed) {
        double[] theta = Init.XAVIER.weights(arch, seed);
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.3 * (r.nextDouble() - 0.5); // biases, γ and β away from 0 and 1
        }
        return theta;
    }

    @Test
    void runningStatisticsFoldOncePerUpdateWithUnbiasedVariance() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {1}, Activation.IDENTITY,
                Output.LINEAR, 1, true, new HiddenBlock(Normalization.BATCH, 0));
        double[] x1 = {1, 2, 4}, x2 = {0, 0, 0};
        Examples ex = new Examples(arch, new Dataset(x1, x2, new double[3], 0));
        // θ = W1 (1×2), b1, W2 (1×1), b2, γ, β: z = x1 + 0.5.
        double[] theta = {1, 0, 0.5, 1, 0, 1, 0};
        BlockNetwork net = new BlockNetwork(arch, 1);
        double[] stats = new double[2];
        net.runningStatistics(stats);
        assertArrayEquals(new double[] {0, 1}, stats, 0.0, "torch starts at mean 0, variance 1");
        net.train(true);
        net.beginUpdate();
        net.evaluate(theta, ex, null, 0, 3, new double[theta.length]);
        net.evaluate(theta, ex, null, 0, 3, new double[theta.length]); // SAM's second pass: no second fold
        net.runningStatistics(stats);
        double mean = 7.0 / 3 + 0.5, unbiased = (sq(1 - 7.0 / 3) + sq(2 - 7.0 / 3) + sq(4 - 7.0 / 3)) / 2;
        assertEquals(0.1 * mean, stats[0], 1e-15);
        assertEquals(0.9 + 0.1 * unbiased, stats[1], 1e-15);
        net.beginUpdate();
        net.evaluate(theta, ex, null, 0, 3, null);
        net.runningStatistics(stats);
        assertEquals(0.9 * 0.1 * mean + 0.1 * mean, stats[0], 1e-15);
        // Evaluation mode reads them and changes nothing.
        net.train(false);
        net.evaluate(theta, ex, null, 0, 3, null);
        double[] again = new double[2];
        net.runningStatistics(again);
        assertArrayEquals(stats, again, 0.0);
        net.reset(1);
        net.runningStatistics(stats);
        assertArrayEquals(new double[] {0, 1}, stats, 0.0);
    }

    private static double sq(double v) {
        return v * v;
    }

    @Test
    void dropoutThinsInTrainingKeepsTheMeanAndIsOffInEvaluation() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {64}, Activation.TANH,
                Output.SIGMOID, 1, true, new HiddenBlock(Normalization.NONE, 0.4));
        Architecture plainArch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {64}, Activation.TANH,
                Output.SIGMOID, 1, true);
        double[] theta = perturbed(arch, 3);
        Examples ex = new Examples(arch, BackpropTest.data(200, 2, 4));
        BlockNetwork net = new BlockNetwork(arch, 5);
        Network plain = new Network(plainArch);
        double want = plain.evaluate(theta, ex, null, 0, ex.n, null);
        net.train(false);
        assertEquals(want, net.evaluate(theta, ex, null, 0, ex.n, null), 1e-12, "evaluation mode is the plain network");
        net.train(true);
        net.beginUpdate();
        double thinned = net.evaluate(theta, ex, null, 0, ex.n, null);
        assertNotEquals(want, thinned, "training mode drops units");
        assertEquals(thinned, net.evaluate(theta, ex, null, 0, ex.n, null), 0.0, "the same update reuses its mask");
        net.beginUpdate();
        assertNotEquals(thinned, net.evaluate(theta, ex, null, 0, ex.n, null), "a new update draws a new mask");

        // Inverted dropout keeps each activation's mean: the output logits' mean over many masks → the plain one.
        // One hidden layer feeding a linear output unit: E[logit] is exactly the plain logit.
        double[] x1 = {0.3}, x2 = {-0.7}, p = new double[1];
        plain.predict(theta, 1, x1, x2, p);
        double plainLogit = Math.log(p[0] / (1 - p[0]));
        SplittableRandom mc = new SplittableRandom(8);
        double sum = 0, sum2 = 0;
        int draws = 4000;
        for (int k = 0; k < draws; k++) {
            net.sample(theta, 1, x1, x2, p, mc);
            double logit = Math.log(p[0] / (1 - p[0]));
            sum += logit;
            sum2 += logit * logit;
        }
        double mean = sum / draws, sd = Math.sqrt(sum2 / draws - mean * mean);
        assertTrue(sd > 0, "MC dropout passes differ");
        assertEquals(plainLogit, mean, 4 * sd / Math.sqrt(draws), "E[logit] under inverted dropout");
    }

    @Test
    void thePlainNetworkRefusesABlock() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {3}, Activation.TANH,
                Output.SIGMOID, 1, true, new HiddenBlock(Normalization.LAYER, 0));
        assertThrows(IllegalArgumentException.class, () -> new Network(arch));
        assertEquals(Init.XAVIER.weights(arch.withBlock(HiddenBlock.PLAIN), 2).length + 6, arch.parameterCount());
        double[] w = Init.XAVIER.weights(arch, 2);
        assertArrayEquals(new double[] {1, 1, 1, 0, 0, 0}, java.util.Arrays.copyOfRange(w, arch.normOffset(0), w.length), 0.0,
                "γ starts at 1, β at 0");
    }
}
