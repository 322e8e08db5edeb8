package org.losslab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Adam's bias correction: on by default (torch), off gives steps η(1 − β₁ᵗ)/√(1 − β₂ᵗ) for a steady gradient. */
class AdamBiasCorrectionTest {

    /** The first {@code steps} step lengths along x for a constant gradient g = 1. */
    static double[] steps(Adam.Config c, int steps) {
        Optimizer o = c.newBatch(1, 1, List.of(c));
        double[] theta = {0}, grad = {1}, loss = {0}, lr = {c.lr()};
        double[] out = new double[steps];
        for (int k = 0; k < steps; k++) {
            double before = theta[0];
            o.step(1, theta, grad, loss, lr, null);
            out[k] = before - theta[0];
        }
        return out;
    }

    @Test
    void correctedStepsAreTheRateFromTheFirstUpdate() {
        double[] s = steps(new Adam.Config(0.01, 0.9, 0.999, 0, 0, false, false), 50);
        for (double v : s) {
            assertEquals(0.01, v, 1e-15);
        }
    }

    @Test
    void uncorrectedStepsCarryBothBiases() {
        for (double[] betas : new double[][] {{0.9, 0.999}, {0.99, 0.999}, {0.9, 0.9}}) {
            Adam.Config c = new Adam.Config(0.01, betas[0], betas[1], 0, 0, false, false).withBiasCorrection(false);
            double[] s = steps(c, 200);
            for (int t = 1; t <= 200; t++) {
                double expected = 0.01 * (1 - Math.pow(betas[0], t)) / Math.sqrt(1 - Math.pow(betas[1], t));
                assertEquals(expected, s[t - 1], 1e-15 + 1e-12 * expected, "betas " + betas[0] + ", " + betas[1] + ", t " + t);
            }
        }
        // The first step: 3.2 times too long for the defaults, 0.32 times (too short) with β₂ = β₁ = 0.9.
        assertEquals(0.1 / Math.sqrt(0.001), steps(new Adam.Config(1, 0.9, 0.999, 0, 0, false, false, false), 1)[0], 1e-12);
        assertEquals(Math.sqrt(0.1), steps(new Adam.Config(1, 0.9, 0.9, 0, 0, false, false, false), 1)[0], 1e-12);
    }

    @Test
    void defaultIsOnAndABatchAgrees() {
        assertEquals(true, Adam.Config.adam().biasCorrection());
        assertEquals(true, Adam.Config.adamW().biasCorrection());
        Adam.Config on = Adam.Config.adam();
        assertThrows(IllegalArgumentException.class, () -> new Adam(2, 2, List.of(on, on.withBiasCorrection(false))));
    }
}
