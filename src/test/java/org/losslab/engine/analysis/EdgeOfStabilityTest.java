package org.losslab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Adagrad;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.RmsProp;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Simulation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.update.RunSettings;

class EdgeOfStabilityTest {

    @Test
    void gradientDescentCrossesTwoOverLrExactlyWhereItDiverges() {
        double kappa = 20;
        Quadratic q = new Quadratic(kappa, 25);
        for (double factor : new double[] {0.9, 0.99, 1.01, 1.1}) {
            double lr = factor * 2 / kappa;
            EdgeOfStability.Series s = EdgeOfStability.of(q, RunSettings.of(new Sgd.Config(lr, 0, 0, false, 0), 1, 2), 0,
                    20_000, 0, Cancellation.NEVER);
            assertFalse(s.adaptive());
            assertEquals(kappa, s.sharpness()[0], 1e-12);
            assertEquals(2 / lr, s.limit()[1], 1e-9);
            if (factor < 1) {
                assertEquals(-1, s.firstAboveLimit());
                assertEquals(-1, s.divergedAt());
            } else {
                assertEquals(1, s.firstAboveLimit());
                assertTrue(s.divergedAt() > 0, "above 2/λ gradient descent blows up");
            }
        }
        // Heavy ball moves the limit to 2(1 + β)/η.
        assertEquals(2 * 1.9 / 0.1, EdgeOfStability.limit(new Sgd.Config(0.1, 0.9, 0, false, 0), 0.1, 5), 1e-12);
    }

    /** On f = ½(x² + κy²) Adam's denominators can be recomputed from the trajectory: g = (x, κy). */
    @Test
    void adamsPreconditionedSharpnessFollowsItsSecondMoment() {
        double kappa = 50, lr = 0.05, b2 = 0.99, eps = 1e-8;
        Quadratic q = new Quadratic(kappa, 0);
        RunSettings run = RunSettings.of(new Adam.Config(lr, 0.9, b2, eps, 0, false, false), 1.5, -1);
        int steps = 300;
        EdgeOfStability.Series s = EdgeOfStability.of(q, run, 0, steps, 0, Cancellation.NEVER);
        Trajectory t = new Trajectory(steps + 1);
        new Simulation(q, List.of(run), steps, 0).runOne(0, t, Cancellation.NEVER);
        assertTrue(s.adaptive());
        assertTrue(Double.isNaN(s.preconditioned()[0]));
        double v0 = 0, v1 = 0;
        for (int k = 1; k <= steps; k++) {
            double gx = t.x(k - 1), gy = kappa * t.y(k - 1);
            v0 = b2 * v0 + (1 - b2) * gx * gx;
            v1 = b2 * v1 + (1 - b2) * gy * gy;
            double bc = Math.sqrt(1 - Math.pow(b2, k));
            double d0 = Math.sqrt(v0) / bc + eps, d1 = Math.sqrt(v1) / bc + eps;
            double expected = Math.max(1 / d0, kappa / d1);
            assertEquals(expected, s.preconditioned()[k], 1e-9 * expected, "point " + k);
            assertEquals(38 / lr, s.limit()[k], 1e-9);
        }
    }

    @Test
    void rmsPropAndAdagradAreAdaptiveAndTheRestAreNot() {
        Rosenbrock r = new Rosenbrock(1, 100);
        EdgeOfStability.Series rms = EdgeOfStability.of(r, RunSettings.of(new RmsProp.Config(0.01, 0.99, 1e-8, 0, true, 0), -1, 1),
                0, 50, 0, Cancellation.NEVER);
        EdgeOfStability.Series ada = EdgeOfStability.of(r, RunSettings.of(new Adagrad.Config(0.1, 0.01, 1e-10, 0, 0), -1, 1),
                0, 50, 0, Cancellation.NEVER);
        for (EdgeOfStability.Series s : List.of(rms, ada)) {
            assertTrue(s.adaptive());
            for (int k = 1; k < s.size(); k++) {
                assertTrue(s.preconditioned()[k] > 0 && Double.isFinite(s.preconditioned()[k]));
            }
        }
        assertEquals(2 * (1 + 9 * 0.01) / 0.1, ada.limit()[10], 1e-9);
        // Rosenbrock's sharpness at (−1, 1): f_xx = 2 − 400(y − x²) + 800x² = 802, f_xy = 400, f_yy = 200.
        assertEquals(Curvature.lambdaMax(802, 400, 200), rms.sharpness()[0], 1e-9);
    }
}
