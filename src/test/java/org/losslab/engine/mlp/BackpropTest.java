package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backpropagation against central finite differences, for every activation and every output. */
class BackpropTest {

    static List<Arguments> cases() {
        List<Arguments> a = new java.util.ArrayList<>();
        for (Activation act : Activation.values()) {
            for (Output out : Output.values()) {
                for (int classes : new int[] {0, 2, 3}) {
                    if (out != Output.LINEAR && classes == 0 || out == Output.SIGMOID && classes != 2) {
                        continue;
                    }
                    a.add(Arguments.of(act, out, classes));
                }
            }
        }
        return a;
    }

    @ParameterizedTest(name = "{0} {1} classes={2}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(Activation act, Output out, int classes) {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2, Feature.X1_X2, Feature.SIN_X2),
                new int[] {5, 4}, act, out, out.units(classes), true);
        // 300 examples: more than one chunk, so chunked accumulation is exercised.
        Dataset d = data(300, classes, 11);
        Examples ex = new Examples(arch, d);
        double[] theta = Init.XAVIER.weights(arch, 5);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.3 * (r.nextDouble() - 0.5); // nonzero biases, away from symmetric points
        }
        Network net = new Network(arch);
        double[] g = new double[theta.length];
        double f = net.evaluate(theta, ex, null, 0, ex.n, g);
        assertTrue(Double.isFinite(f));
        double worst = 0;
        for (int p = 0; p < theta.length; p++) {
            double h = 1e-6;
            double[] tp = theta.clone(), tm = theta.clone();
            tp[p] += h;
            tm[p] -= h;
            double fd = (net.evaluate(tp, ex, null, 0, ex.n, null) - net.evaluate(tm, ex, null, 0, ex.n, null)) / (2 * h);
            // ReLU kinks make finite differences wrong only when a pre-activation sits within h of 0.
            double err = Math.abs(fd - g[p]) / Math.max(1e-3, Math.abs(g[p]));
            worst = Math.max(worst, err);
        }
        assertTrue(worst < 1e-5, "worst relative error " + worst);
        // A minibatch given by indices agrees with the same examples taken in full.
        int[] idx = {5, 17, 200, 3, 299};
        double[] gb = new double[theta.length];
        double fb = net.evaluate(theta, ex, idx, 1, 4, gb);
        Dataset sub = d.subset(idx, 1, 4);
        double[] gs = new double[theta.length];
        double fs = net.evaluate(theta, new Examples(arch, sub), null, 0, 3, gs);
        assertEquals(fs, fb, 1e-15);
        for (int p = 0; p < theta.length; p++) {
            assertEquals(gs[p], gb[p], 1e-15);
        }
    }

    static Dataset data(int n, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n], x2 = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = 2 * r.nextDouble() - 1;
            x2[i] = 2 * r.nextDouble() - 1;
            y[i] = classes == 0 ? Math.sin(3 * x1[i]) + x2[i] : r.nextInt(classes);
        }
        return new Dataset(x1, x2, y, classes);
    }
}
