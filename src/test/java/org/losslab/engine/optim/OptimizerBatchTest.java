package org.losslab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A batch is only a faster way to step runs: runs with different hyperparameters stepped together
 * must be bit-identical to the same runs stepped alone, also after {@link Optimizer#moveRun}
 * compacts the batch, and {@link Optimizer#reset} must return to a fresh optimizer.
 */
class OptimizerBatchTest {
    static final int DIM = 3, STEPS = 25;
    static final Objective F = OptimizerFixtures.ROSEN;

    static Stream<Arguments> batches() {
        return Stream.of(
                Arguments.of("sgd", List.of(
                        new Sgd.Config(1e-3, 0.9, 0, false, 0),
                        new Sgd.Config(5e-4, 0.5, 0.1, false, 0.01),
                        new Sgd.Config(2e-3, 0, 0, false, 0))),
                Arguments.of("adam", List.of(
                        Adam.Config.adam().withLr(0.01),
                        new Adam.Config(0.02, 0.8, 0.99, 1e-8, 0.1, false, false),
                        new Adam.Config(0.05, 0.9, 0.999, 1e-6, 0, false, false))),
                Arguments.of("rmsprop", List.of(
                        RmsProp.Config.defaults(),
                        new RmsProp.Config(1e-3, 0.9, 1e-6, 0.5, true, 0.02),
                        new RmsProp.Config(2e-3, 0.99, 1e-8, 0.9, false, 0),
                        new RmsProp.Config(5e-3, 0.95, 1e-8, 0, true, 0.1))),
                Arguments.of("adagrad", List.of(
                        Adagrad.Config.defaults().withLr(0.1),
                        new Adagrad.Config(0.05, 0.01, 1e-8, 0.1, 0),
                        new Adagrad.Config(0.2, 0, 1e-10, 0, 0.05))),
                Arguments.of("nadam", List.of(
                        NAdam.Config.defaults().withLr(0.01),
                        new NAdam.Config(0.005, 0.85, 0.98, 1e-7, 0.01, 0.05),
                        new NAdam.Config(0.02, 0.9, 0.999, 1e-8, 0, 0))),
                Arguments.of("lbfgs", List.of(
                        Lbfgs.Config.defaults().withLr(0.5),
                        new Lbfgs.Config(1, 3, Lbfgs.LineSearch.STRONG_WOLFE, 1e-7, 1e-9),
                        new Lbfgs.Config(1, 10, Lbfgs.LineSearch.STRONG_WOLFE, 1e-7, 1e-3))),
                Arguments.of("newton", List.of(
                        Newton.Config.defaults().withLr(0.5),
                        new Newton.Config(1, 10, false),
                        new Newton.Config(0.8, 1, true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void batchEqualsRunsSteppedAlone(String type, List<OptimizerConfig> configs) {
        int n = configs.size(), stride = n + 2;
        Optimizer batch = OptimizerConfig.create(DIM, stride, configs);
        double[] theta = startBatch(n, stride);
        for (int t = 0; t < STEPS; t++) {
            step(batch, configs, n, stride, theta, t);
        }
        for (int r = 0; r < n; r++) {
            assertArrayEquals(alone(configs.get(r), r, STEPS), column(theta, stride, r), type + " run " + r);
        }
        assertEquals(configs.get(0) instanceof Newton.Config, batch.needsHessian());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void moveRunKeepsTheRunsState(String type, List<OptimizerConfig> configs) {
        int n = configs.size(), stride = n;
        Optimizer batch = OptimizerConfig.create(DIM, stride, configs);
        double[] theta = startBatch(n, stride);
        int k = 10;
        for (int t = 0; t < k; t++) {
            step(batch, configs, n, stride, theta, t);
        }
        // Run 1 is dropped: the last run moves into its slot, as a compacting sweep does.
        batch.moveRun(n - 1, 1);
        for (int c = 0; c < DIM; c++) {
            theta[c * stride + 1] = theta[c * stride + n - 1];
        }
        int[] slotToRun = new int[n - 1];
        for (int s = 0; s < n - 1; s++) {
            slotToRun[s] = s == 1 ? n - 1 : s;
        }
        for (int t = k; t < STEPS; t++) {
            step(batch, configs, n - 1, stride, theta, t, slotToRun);
        }
        for (int s = 0; s < n - 1; s++) {
            assertArrayEquals(alone(configs.get(slotToRun[s]), slotToRun[s], STEPS), column(theta, stride, s),
                    type + " slot " + s);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void resetStartsAfresh(String type, List<OptimizerConfig> configs) {
        int n = configs.size(), stride = n + 1;
        Optimizer batch = OptimizerConfig.create(DIM, stride, configs);
        double[] theta = startBatch(n, stride);
        for (int t = 0; t < 7; t++) {
            step(batch, configs, n, stride, theta, t);
        }
        batch.reset();
        assertEquals(0, batch.steps());
        theta = startBatch(n, stride);
        for (int t = 0; t < STEPS; t++) {
            step(batch, configs, n, stride, theta, t);
        }
        for (int r = 0; r < n; r++) {
            assertArrayEquals(alone(configs.get(r), r, STEPS), column(theta, stride, r), type + " run " + r);
        }
    }

    /** θ of run r stepped alone (stride 1) for the given number of updates. */
    private static double[] alone(OptimizerConfig config, int r, int steps) {
        Optimizer opt = OptimizerConfig.create(DIM, config);
        double[] theta = start(r);
        for (int t = 0; t < steps; t++) {
            double[] lr = {rate(config, r, t)};
            double[] grad = new double[DIM], loss = new double[1];
            OptimizerFixtures.evaluate(F, DIM, 1, 1, theta, grad, loss);
            opt.step(1, theta, grad, loss, lr, F);
        }
        assertFalse(Arrays.equals(start(r), theta), "run " + r + " never moved");
        return theta;
    }

    private static void step(Optimizer batch, List<OptimizerConfig> configs, int n, int stride, double[] theta, int t) {
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        step(batch, configs, n, stride, theta, t, identity);
    }

    /** One batch update; slot s carries run slotToRun[s] and its learning rate. */
    private static void step(Optimizer batch, List<OptimizerConfig> configs, int n, int stride, double[] theta, int t,
                             int[] slotToRun) {
        double[] grad = new double[DIM * stride], loss = new double[stride], lr = new double[stride];
        OptimizerFixtures.evaluate(F, DIM, stride, n, theta, grad, loss);
        for (int s = 0; s < n; s++) {
            lr[s] = rate(configs.get(slotToRun[s]), slotToRun[s], t);
        }
        batch.step(n, theta, grad, loss, lr, F);
    }

    /** A rate that changes every step and differs per run, as a schedule with warmup would. */
    private static double rate(OptimizerConfig config, int r, int t) {
        return config.lr() * (1 + 0.5 * Math.sin(0.9 * t + r));
    }

    private static double[] start(int r) {
        return new double[] {-1.2 + 0.1 * r, 1.0 - 0.05 * r, 0.5 + 0.02 * r};
    }

    private static double[] startBatch(int n, int stride) {
        double[] theta = new double[DIM * stride];
        for (int r = 0; r < n; r++) {
            double[] s = start(r);
            for (int c = 0; c < DIM; c++) {
                theta[c * stride + r] = s[c];
            }
        }
        return theta;
    }

    private static double[] column(double[] theta, int stride, int r) {
        double[] out = new double[DIM];
        for (int c = 0; c < DIM; c++) {
            out[c] = theta[c * stride + r];
        }
        return out;
    }
}
