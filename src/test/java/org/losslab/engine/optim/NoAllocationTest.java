package org.losslab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Optimizer#step} allocates nothing once warm: thousands of updates of a batch must not
 * allocate more than a few hundred bytes (the measurement's own noise). Saddle-free Newton is
 * checked in 2-D, where it does not use EJML.
 */
class NoAllocationTest {

    static Stream<OptimizerConfig> configs() {
        return Stream.of(
                new Sgd.Config(1e-3, 0.9, 0, true, 0.01),
                new Sgd.Config(1e3, 0, 0, false, 0.01, Sgd.LineSearch.ARMIJO),
                new Adam.Config(1e-2, 0.9, 0.999, 1e-8, 0, false, false, false),
                new Adam.Config(1e-2, 0.9, 0.999, 1e-8, 0.01, true, false),
                new RmsProp.Config(1e-3, 0.9, 1e-8, 0.5, true, 0.01),
                new Adagrad.Config(0.05, 0.01, 1e-10, 0.1, 0.01),
                new NAdam.Config(2e-3, 0.9, 0.999, 1e-8, 0.004, 0.01),
                new Lbfgs.Config(0.5, 5, Lbfgs.LineSearch.NONE, 1e-30, 1e-30),
                new Lbfgs.Config(1, 5, Lbfgs.LineSearch.STRONG_WOLFE, 1e-30, 1e-30),
                new Newton.Config(0.5, 1, false), new Newton.Config(0.5, 1, true), new CmaEs.Config(1, 0, 0.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void stepAllocatesNothing(OptimizerConfig config) {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final int dim = 2, n = 3, stride = 4;
        Optimizer opt = OptimizerConfig.create(dim, stride, List.of(config, config, config));
        Objective f = OptimizerFixtures.ROSEN;
        double[] theta = new double[dim * stride], grad = new double[dim * stride];
        double[] loss = new double[stride], lr = new double[stride];
        double[] p = new double[dim], g = new double[dim];
        java.util.Arrays.fill(lr, config.lr() * 1e-3);
        long thread = Thread.currentThread().getId();
        long allocated = 0;
        for (int round = 0; round < 2; round++) {
            java.util.Arrays.fill(theta, 0.3);
            opt.reset();
            long before = mx.getThreadAllocatedBytes(thread);
            for (int t = 0; t < 20_000; t++) {
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < dim; c++) {
                        p[c] = theta[c * stride + r];
                    }
                    loss[r] = f.valueAndGradient(r, p, g);
                    for (int c = 0; c < dim; c++) {
                        grad[c * stride + r] = g[c];
                    }
                }
                opt.step(n, theta, grad, loss, lr, f);
            }
            allocated = mx.getThreadAllocatedBytes(thread) - before;
        }
        assertTrue(allocated < 1024, config.type() + " allocated " + allocated + " bytes in 20000 updates");
    }
}
