package org.losslab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer against PyTorch 1.13 float64 (src/test/python/optim_reference.py): each case
 * steps one run from the same start with the same per-step learning rates and must reproduce
 * every coordinate of every step to 1e-12, relative or absolute. On the machine that made the
 * data every case agrees bit for bit except saddle-free Newton in 5-D (EJML's eigenvectors,
 * ~1e-13); the tolerance leaves room for a JVM whose Math.pow differs from glibc's in the last
 * bit (Adam's and NAdam's bias corrections).
 */
class TorchTrajectoryTest {
    static final double TOL = 1e-12;

    static Stream<OptimizerFixtures.Case> cases() {
        return OptimizerFixtures.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorch(OptimizerFixtures.Case c) {
        List<OptimizerFixtures.Point> expected = OptimizerFixtures.trajectory(c);
        assertTrue(expected.size() > 10, "trajectory of " + c);
        int dim = c.dim();
        Objective f = OptimizerFixtures.objective(c.objective());
        Optimizer opt = OptimizerConfig.create(dim, c.config());
        assertEquals(c.type(), c.config().type());

        double[] theta = c.start().clone(), grad = new double[dim], loss = new double[1], lr = new double[1];
        assertEquals(0, expected.get(0).step());
        for (int k = 1; k < expected.size(); k++) {
            OptimizerFixtures.Point p = expected.get(k);
            assertEquals(k, p.step());
            loss[0] = f.valueAndGradient(0, theta, grad);
            lr[0] = p.lr();
            opt.step(1, theta, grad, loss, lr, f);
            for (int i = 0; i < dim; i++) {
                double want = p.theta()[i], got = theta[i];
                if (!(Math.abs(got - want) <= TOL * Math.max(1, Math.abs(want)))) {
                    fail(c + " step " + k + " coordinate " + i + ": torch " + want + ", got " + got);
                }
            }
        }
        assertEquals(expected.size() - 1, opt.steps());
    }
}
