package org.losslab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Simulation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.update.RunSettings;

/** SGD's Armijo backtracking: a safe step found by itself past 2/L, and no change where η is safe. */
class ArmijoTest {
    static final Quadratic Q = new Quadratic(10, 0);   // L = λmax = 10, so 2/L = 0.2

    static Trajectory run(Surface s, Sgd.Config c, long steps) {
        return new Simulation(s, List.of(RunSettings.of(c, -2.5, 0.3)), steps, 0).run(Runnable::run, Cancellation.NEVER).get(0);
    }

    static Sgd.Config gd(double lr) {
        return new Sgd.Config(lr, 0, 0, false, 0);
    }

    @Test
    void findsASafeStepWherePlainGradientDescentDiverges() {
        Trajectory plain = run(Q, gd(0.5), 1000);   // |1 − 0.5·10| = 4 per step: overflow after ~500
        Trajectory armijo = run(Q, gd(0.5).withLineSearch(Sgd.LineSearch.ARMIJO), 200);
        assertTrue(plain.diverged());
        assertFalse(armijo.diverged());
        assertTrue(armijo.loss(200) < 1e-12, "final loss " + armijo.loss(200));
        int ch = armijo.channel(Sgd.ARMIJO_CHANNEL);
        double[] g = new double[2];
        for (int k = 1; k <= 200; k++) {
            double eta = armijo.channel(ch, k);
            // Each accepted step is a halving of the scheduled rate and satisfies the condition.
            double halvings = Math.log(0.5 / eta) / Math.log(2);
            assertEquals(Math.rint(halvings), halvings, 1e-12, "step " + k);
            double f0 = armijo.loss(k - 1);
            double gg = armijo.gradNorm(k - 1) * armijo.gradNorm(k - 1);
            assertTrue(armijo.loss(k) <= f0 - Armijo.C * eta * gg + 1e-300, "step " + k);
            // and the one before it (twice as long) did not, unless it was the scheduled rate itself.
            if (eta < 0.5) {
                double x = armijo.x(k - 1), y = armijo.y(k - 1);
                double[] p = {x, y};
                double[] f = new double[1];
                Q.evaluate(1, 1, p, 0, f, g);
                double tx = x - 2 * eta * g[0], ty = y - 2 * eta * g[1];
                double[] fp = new double[1];
                Q.value(1, 1, new double[] {tx, ty}, 0, fp);
                assertTrue(fp[0] > f0 - Armijo.C * 2 * eta * gg, "step " + k + " took more halvings than needed");
            }
        }
        // From this start one halving is enough: 0.25 > 2/L still decreases f, because most of it lies
        // along the flat axis. Armijo asks for decrease, not for stability in every direction.
        assertEquals(0.25, armijo.channel(ch, 1));
    }

    @Test
    void aSafeScheduledRateIsTakenAsItIsBitForBit() {
        Trajectory plain = run(Q, gd(0.05), 300);
        Trajectory armijo = run(Q, gd(0.05).withLineSearch(Sgd.LineSearch.ARMIJO), 300);
        int ch = armijo.channel(Sgd.ARMIJO_CHANNEL);
        for (int k = 0; k <= 300; k++) {
            assertEquals(plain.x(k), armijo.x(k), "step " + k);
            assertEquals(plain.y(k), armijo.y(k), "step " + k);
            if (k > 0) {
                assertEquals(0.05, armijo.channel(ch, k));
                assertEquals(0.05, armijo.lr(k));   // the CSV's lr column stays the scheduled rate
            }
        }
        assertEquals(-1, plain.channel(Sgd.ARMIJO_CHANNEL));
    }

    @Test
    void stopsAfterThirtyHalvings() {
        // 1e12·2⁻³⁰ ≈ 931 is still far past 2/L: the search gives up there and the run diverges.
        Trajectory t = run(Q, gd(1e12).withLineSearch(Sgd.LineSearch.ARMIJO), 50);
        assertEquals(1e12 * Math.pow(0.5, Armijo.MAX_HALVINGS), t.channel(t.channel(Sgd.ARMIJO_CHANNEL), 1));
        assertTrue(t.diverged());
    }

    @Test
    void withWeightDecayTheConditionIsOnTheDecayedObjective() {
        // φ = f + ½λ‖θ‖² is a quadratic with curvatures 1 + λ and 10 + λ: the search must still converge
        // to φ's minimum (the origin) from a rate far past 2/(10 + λ).
        Trajectory t = run(Q, new Sgd.Config(3, 0, 0, false, 2, Sgd.LineSearch.ARMIJO), 400);
        assertFalse(t.diverged());
        assertEquals(0, t.x(400), 1e-9);
        assertEquals(0, t.y(400), 1e-9);
    }

    @Test
    void needsMomentumZeroAndOneLineSearchPerBatch() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd.Config(0.1, 0.9, 0, false, 0, Sgd.LineSearch.ARMIJO));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(2, 2, List.of(gd(0.1), gd(0.1).withLineSearch(Sgd.LineSearch.ARMIJO))));
    }
}
