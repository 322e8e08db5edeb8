package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.update.Asam;
import org.losslab.engine.update.ClipValue;
import org.losslab.engine.update.ElasticNetPenalty;
import org.losslab.engine.update.EvolutionStrategyGradient;
import org.losslab.engine.update.Lookahead;
import org.losslab.engine.update.RunSettings;
import org.losslab.engine.update.StochasticWeightAveraging;
import org.losslab.engine.update.TransformConfig;

/**
 * The new links in the network trainer: the same pipeline as on the surfaces, checked here against
 * plain SGD trainers doing the arithmetic by hand (SGD with lr 1 makes one step −g, which reads the
 * trainer's exact full-batch gradient off the weights).
 */
class MethodLinksTrainingTest {
    private static final Architecture ARCH = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {5}, Activation.TANH,
            Output.SIGMOID, 1, true);
    private static final DataSpec.Split DATA = new DataSpec(DataKind.MOONS, 120, 0.1, 0.25, 2, false, 0, 3).split();
    private static final double[] W0 = Init.XAVIER.weights(ARCH, 4);

    private static double[] weightsAfter(double[] initial, RunSettings run, int steps) {
        Trainer t = new Training(ARCH, DATA, initial, steps, 1, List.of(run)).trainer(0);
        t.step(steps);
        return t.weights();
    }

    private static RunSettings sgd(double lr, TransformConfig... links) {
        RunSettings r = RunSettings.of(new Sgd.Config(lr, 0, 0, false, 0));
        for (TransformConfig c : links) {
            r = r.with(c);
        }
        return r;
    }

    /** The full-batch gradient at w. */
    private static double[] gradient(double[] w) {
        double[] w1 = weightsAfter(w, sgd(1), 1), g = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            g[i] = w[i] - w1[i];
        }
        return g;
    }

    @Test
    void clipValueAndThePenaltiesRewriteTheNetworksGradient() {
        double[] g = gradient(W0);
        double[] clipped = weightsAfter(W0, sgd(0.1, new ClipValue.Config(0.02)), 1);
        double[] penalized = weightsAfter(W0, sgd(0.1, new ElasticNetPenalty.Config(0.03, 0.2)), 1);
        int clamps = 0;
        for (int i = 0; i < W0.length; i++) {
            double c = Math.max(-0.02, Math.min(0.02, g[i]));
            clamps += c != g[i] ? 1 : 0;
            assertEquals(W0[i] - 0.1 * c, clipped[i], 1e-15, "weight " + i);
            assertEquals(W0[i] - 0.1 * (g[i] + 0.03 * Math.signum(W0[i]) + 0.2 * W0[i]), penalized[i], 1e-14, "weight " + i);
        }
        assertTrue(clamps > 0 && clamps < W0.length, clamps + " of " + W0.length + " coordinates clamped");
    }

    @Test
    void asamTakesTheGradientAtTheScaledProbe() {
        double rho = 0.5;
        double[] g = gradient(W0), probe = W0.clone();
        double n = 0;
        for (int i = 0; i < g.length; i++) {
            double t = Math.abs(W0[i]) + 0.01;
            n += t * g[i] * (t * g[i]);
        }
        n = Math.sqrt(n);
        for (int i = 0; i < g.length; i++) {
            double t = Math.abs(W0[i]) + 0.01;
            probe[i] = W0[i] + rho * (t * (t * g[i])) / n;
        }
        double[] atProbe = gradient(probe), asam = weightsAfter(W0, sgd(0.1, new Asam.Config(rho)), 1);
        for (int i = 0; i < W0.length; i++) {
            assertEquals(W0[i] - 0.1 * atProbe[i], asam[i], 1e-13, "weight " + i);
        }
    }

    @Test
    void lookaheadPullsTheWeightsBackEveryK() {
        double[] fast = weightsAfter(W0, sgd(0.5), 3), la = weightsAfter(W0, sgd(0.5, new Lookahead.Config(3, 0.5)), 3);
        for (int i = 0; i < W0.length; i++) {
            assertEquals(W0[i] + 0.5 * (fast[i] - W0[i]), la[i], 1e-15, "weight " + i);
        }
        // In between, the fast weights are the optimizer's own.
        assertEquals(weightsAfter(W0, sgd(0.5), 2)[0], weightsAfter(W0, sgd(0.5, new Lookahead.Config(3, 0.5)), 2)[0]);
    }

    @Test
    void swaLeavesTheIterateAloneAndSwalrSetsTheRate() {
        RunSettings adam = RunSettings.of(new Adam.Config(0.05, 0.9, 0.999, 1e-8, 0, false, false));
        double[] plain = weightsAfter(W0, adam, 30);
        double[] averaged = weightsAfter(W0, adam.with(new StochasticWeightAveraging.Config(5, 2, Double.NaN, 10, true)), 30);
        for (int i = 0; i < W0.length; i++) {
            assertEquals(plain[i], averaged[i], "weight " + i);
        }
        Trainer t = new Training(ARCH, DATA, W0, 30, 1,
                List.of(adam.with(new StochasticWeightAveraging.Config(5, 1, 0.01, 2, false)))).trainer(0);
        t.step(6);
        assertEquals(0.05, t.snapshot().lr(), "update 5 runs at the schedule's rate");
        t.step(1);
        assertEquals(0.03, t.snapshot().lr(), 1e-15);
        t.step(3);
        assertEquals(0.01, t.snapshot().lr(), 1e-15);
    }

    @Test
    void theSwaModelIsTheEqualAverageOfTheAveragedWeights() {
        RunSettings adam = RunSettings.of(new Adam.Config(0.05, 0.9, 0.999, 1e-8, 0, false, false));
        Trainer plain = new Training(ARCH, DATA, W0, 30, 1, List.of(adam)).trainer(0);
        Trainer swa = new Training(ARCH, DATA, W0, 30, 1,
                List.of(adam.with(new StochasticWeightAveraging.Config(4, 3, Double.NaN, 10, true)))).trainer(0);
        double[] sum = new double[W0.length];
        int n = 0;
        swa.step(4);
        assertEquals(null, swa.swaWeights(), "nothing averaged before update 4");
        plain.step(4);
        for (int t = 4; t < 30; t++) {
            plain.step(1);
            swa.step(1);
            if ((t - 4) % 3 == 0) {
                double[] w = plain.weights();
                for (int i = 0; i < w.length; i++) {
                    sum[i] += w[i];
                }
                n++;
            }
        }
        double[] avg = swa.swaWeights();
        for (int i = 0; i < W0.length; i++) {
            assertEquals(sum[i] / n, avg[i], 1e-12, "weight " + i);
        }
        assertEquals(null, plain.swaWeights());
    }

    @Test
    void esTrainsTheNetworkFromLossValuesAlone() {
        RunSettings es = RunSettings.of(new Adam.Config(0.05, 0.9, 0.999, 1e-8, 0, false, false))
                .with(new EvolutionStrategyGradient.Config(20, 0.05, true, true));
        Trainer t = new Training(ARCH, DATA, W0, 300, 2, List.of(es)).trainer(0);
        double start = t.snapshot().trainLoss();
        t.step(300);
        double end = t.snapshot().trainLoss();
        assertTrue(end < 0.7 * start, "train loss " + start + " → " + end);
        Trainer again = new Training(ARCH, DATA, W0, 300, 2, List.of(es)).trainer(0);
        again.step(300);
        assertEquals(t.weights()[3], again.weights()[3], "one seed replays");
        Trainer other = new Training(ARCH, DATA, W0, 300, 3, List.of(es)).trainer(0);
        other.step(300);
        assertNotEquals(t.weights()[3], other.weights()[3]);
    }
}
