package org.losslab.engine.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.update.RunSettings;

/** The quantities lesson checks measure, on paths whose values are known, and the comparisons. */
class QuantitiesTest {
    /** θ_k = (r^k, 0), f = ½x², η_k = 0.1·(1 + k mod 3) from k = 1; the last point non-finite if diverged. */
    static Trajectory geometric(double r, int n, boolean diverge) {
        Trajectory t = new Trajectory(n + 1);
        for (int k = 0; k <= n; k++) {
            double x = diverge && k == n ? Double.POSITIVE_INFINITY : Math.pow(r, k);
            t.point(0, k, x, 0, 0.5 * x * x, Math.abs(x), k == 0 ? Double.NaN : 0.1 * (1 + k % 3));
        }
        return t;
    }

    static double m(PathQuantity q, Trajectory t, MeasureArgs a) {
        return q.measure(List.of(t), 0, a);
    }

    @Test
    void pathQuantitiesOnAKnownPath() {
        Trajectory t = geometric(0.5, 40, false);
        MeasureArgs none = MeasureArgs.NONE;
        MeasureArgs origin = new MeasureArgs(-1, 0, -1, 1e-6, new double[] {0, 0}, -1, null);
        assertEquals(0.5, m(PathQuantity.CONTRACTION, t, origin), 1e-12);
        assertEquals(10, m(PathQuantity.STEPS_TO, t, origin));   // ½·4^−k ≤ 1e-6 first at k = 10
        assertEquals(Double.POSITIVE_INFINITY, m(PathQuantity.DIVERGED_AT, t, none));
        assertEquals(0, m(PathQuantity.LOSS_INCREASES, t, none));
        assertEquals(0.5, m(PathQuantity.STEP_LENGTH, t, none));
        assertEquals(0.125, m(PathQuantity.LOSS_AT, t, new MeasureArgs(1, 0, -1, Double.NaN, null, -1, null)));
        assertEquals(2, m(PathQuantity.LR_ARGMAX, t, none));
        assertEquals(26, m(PathQuantity.LR_INCREASES, t, none));   // every step but those after k ≡ 2 (mod 3), from k = 2
        assertEquals(Math.pow(0.5, 40), m(PathQuantity.DISTANCE, t, origin));
        double mean = 0;
        for (int k = 0; k <= 40; k++) {
            mean += Math.pow(0.5, k) / 41;
        }
        assertEquals(mean, m(PathQuantity.MEAN_DISTANCE, t, origin), 1e-15);
        assertEquals(0, PathQuantity.MAX_DEVIATION.measure(List.of(t, geometric(0.5, 40, false)), 0,
                new MeasureArgs(-1, 0, -1, Double.NaN, null, 1, null)));
        Trajectory d = geometric(2, 12, true);
        assertEquals(12, m(PathQuantity.DIVERGED_AT, d, none));
        assertEquals(1, m(PathQuantity.DIVERGED, d, none));
        assertEquals(12, m(PathQuantity.LOSS_INCREASES, d, none));   // the last, infinite, loss counts too
    }

    @Test
    void comparisonsAndNaN() {
        assertTrue(Comparison.LESS_THAN.holds(1, 2, 0));
        assertFalse(Comparison.LESS_THAN.holds(2, 2, 0));
        assertTrue(Comparison.AT_MOST.holds(2, 2, 0));
        assertTrue(Comparison.NEAR.holds(1.04, 1, 0.05));
        assertFalse(Comparison.NEAR.holds(1.06, 1, 0.05));
        assertTrue(Comparison.NEAR.holds(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0));
        for (Comparison c : Comparison.values()) {
            assertFalse(c.holds(Double.NaN, 1, 0.5), c.key());
            assertFalse(c.holds(1, Double.NaN, 0.5), c.key());
        }
    }

    @Test
    void actionsReadSettingsAndPaths() {
        RunSettings r = RunSettings.of(new Sgd.Config(0.25, 0.5, 0, false, 0), 0, 0).withWarmupSteps(10);
        assertTrue(Action.LR_ABOVE.done(r, null, 0.2));
        assertFalse(Action.LR_BELOW.done(r, null, 0.2));
        assertTrue(Action.MOMENTUM_ABOVE.done(r, null, 0.4));
        assertTrue(Action.WARMUP_AT_LEAST.done(r, null, 10));
        assertFalse(Action.DIVERGES.done(r, null, Double.NaN));
        assertTrue(Action.DIVERGES.done(r, geometric(2, 5, true), Double.NaN));
        assertTrue(Action.SETTLES.done(r, geometric(0.5, 40, false), 1e-20));
        assertFalse(Action.SETTLES.done(r, geometric(0.5, 4, false), 1e-20));
    }
}
