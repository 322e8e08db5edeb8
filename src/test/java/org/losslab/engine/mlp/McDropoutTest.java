package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** MC dropout: the mean and spread of T passes, exactly as sampled pass by pass, and reproducible. */
class McDropoutTest {
    static final Architecture SOFTMAX = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {12, 8},
            Activation.TANH, Output.SOFTMAX, 3, true, new HiddenBlock(Normalization.BATCH, 0.25));

    @Test
    void meanAndSpreadAreThoseOfThePassesOneByOne() {
        double[] theta = BlockNetworkBackpropTest.perturbed(SOFTMAX, 4);
        BlockNetwork net = new BlockNetwork(SOFTMAX, 1);
        int n = 300, passes = 7, units = 3;
        double[] x1 = new double[n], x2 = new double[n];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < n; i++) {
            x1[i] = 3 * r.nextDouble() - 1.5;
            x2[i] = 3 * r.nextDouble() - 1.5;
        }
        PredictiveSpread p = McDropout.predict(net, theta, n, x1, x2, passes, new SplittableRandom(9));
        double[][] each = new double[passes][units * n];
        SplittableRandom same = new SplittableRandom(9);
        for (int t = 0; t < passes; t++) {
            net.sample(theta, n, x1, x2, each[t], same);
        }
        for (int i = 0; i < n; i++) {
            int best = 0;
            double[] m = new double[units];
            for (int c = 0; c < units; c++) {
                for (int t = 0; t < passes; t++) {
                    m[c] += each[t][c * n + i] / passes;
                }
                assertEquals(m[c], p.meanAt(c, i), 1e-14, "mean");
                best = m[c] > m[best] ? c : best;
            }
            double v = 0;
            for (int t = 0; t < passes; t++) {
                v += Math.pow(each[t][best * n + i] - m[best], 2) / passes;
            }
            assertEquals(Math.sqrt(v), p.spreadAt(i), 1e-12, "spread of the chosen class");
            assertEquals(best, p.predicted(i, Output.SOFTMAX));
        }
        PredictiveSpread again = McDropout.predict(net, theta, n, x1, x2, passes, new SplittableRandom(9));
        assertArrayEquals(p.spread(), again.spread(), 0.0, "the same stream gives the same map");
        assertTrue(java.util.Arrays.stream(p.spread()).max().getAsDouble() > 0, "passes differ");
    }

    @Test
    void needsDropout() {
        Architecture norm = SOFTMAX.withBlock(new HiddenBlock(Normalization.LAYER, 0));
        BlockNetwork net = new BlockNetwork(norm, 1);
        assertThrows(IllegalArgumentException.class, () -> McDropout.predict(net, Init.XAVIER.weights(norm, 1), 1,
                new double[1], new double[1], 5, new SplittableRandom(1)));
    }

    @Test
    void summarySplitsTheSpreadByRightAndWrong() {
        Dataset d = new Dataset(new double[] {0, 0, 0}, new double[] {0, 0, 0}, new double[] {1, 0, 1}, 2);
        // P(class 1) means 0.9, 0.8, 0.3: right, wrong, wrong.
        PredictiveSpread p = new PredictiveSpread(3, 1, 10, new double[] {0.9, 0.8, 0.3}, new double[] {0.01, 0.2, 0.4});
        McDropout.Summary s = McDropout.summarize(p, d, Output.SIGMOID);
        assertEquals(1.0 / 3, s.accuracy(), 1e-15);
        assertEquals(0.61 / 3, s.meanSpread(), 1e-15);
        assertEquals(0.3, s.spreadWrong(), 1e-15);
        assertEquals(0.01, s.spreadRight(), 1e-15);
    }
}
