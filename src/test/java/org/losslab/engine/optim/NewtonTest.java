package org.losslab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Newton's edge cases: singular and non-finite Hessians are divergences, not exceptions. */
class NewtonTest {

    /** f = x + ½y²: the Hessian diag(0, 1) is singular and the gradient has a component along its null space. */
    static final Objective RAMP = new Objective() {
        @Override
        public double valueAndGradient(int run, double[] p, double[] g) {
            g[0] = 1;
            g[1] = p[1];
            return p[0] + 0.5 * p[1] * p[1];
        }

        @Override
        public void hessian(int run, double[] p, double[] h) {
            h[0] = 0;
            h[1] = 0;
            h[2] = 0;
            h[3] = 1;
        }
    };

    @Test
    void singularHessianDiverges() {
        double[] theta = step(new Newton.Config(1, 0, false), RAMP, 0.5, 2);
        assertFalse(Double.isFinite(theta[0]), "θ_x = " + theta[0]);
        theta = step(new Newton.Config(1, 0, true), RAMP, 0.5, 2);
        assertFalse(Double.isFinite(theta[0]), "saddle-free θ_x = " + theta[0]);
    }

    @Test
    void dampingMakesTheSingularSystemSolvable() {
        double[] theta = step(new Newton.Config(1, 0.5, false), RAMP, 0.5, 2);
        // (H + ½I)⁻¹g = (1/½, 2/1.5)
        assertArrayEquals(new double[] {0.5 - 2, 2 - 2 / 1.5}, theta, 1e-15);
    }

    @Test
    void nonFiniteHessianGivesNaNNotAnException() {
        Objective nan = new Objective() {
            @Override
            public double valueAndGradient(int run, double[] p, double[] g) {
                g[0] = g[1] = 1;
                return 0;
            }

            @Override
            public void hessian(int run, double[] p, double[] h) {
                java.util.Arrays.fill(h, Double.NaN);
            }
        };
        for (boolean saddleFree : new boolean[] {false, true}) {
            double[] theta = step(new Newton.Config(1, 0, saddleFree), nan, 1, 1);
            assertTrue(Double.isNaN(theta[0]) && Double.isNaN(theta[1]), "saddleFree " + saddleFree);
        }
    }

    @Test
    void saddleFreeStepsAwayFromASaddle() {
        // At (0, 0.1) on ½x² − ½y² plain Newton jumps onto the saddle; |H| = I descends, away from it.
        Objective saddle = new Objective() {
            @Override
            public double valueAndGradient(int run, double[] p, double[] g) {
                g[0] = p[0];
                g[1] = -p[1];
                return 0.5 * p[0] * p[0] - 0.5 * p[1] * p[1];
            }

            @Override
            public void hessian(int run, double[] p, double[] h) {
                h[0] = 1;
                h[1] = 0;
                h[2] = 0;
                h[3] = -1;
            }
        };
        assertArrayEquals(new double[] {0, 0}, step(new Newton.Config(1, 0, false), saddle, 0, 0.1), 0.0);
        assertArrayEquals(new double[] {0, 0.2}, step(new Newton.Config(1, 0, true), saddle, 0, 0.1), 1e-16);
    }

    private static double[] step(Newton.Config config, Objective f, double x, double y) {
        Optimizer opt = OptimizerConfig.create(2, config);
        double[] theta = {x, y}, grad = new double[2];
        double[] loss = {f.valueAndGradient(0, theta, grad)};
        opt.step(1, theta, grad, loss, new double[] {config.lr()}, f);
        assertEquals(1, opt.steps());
        return theta;
    }
}
