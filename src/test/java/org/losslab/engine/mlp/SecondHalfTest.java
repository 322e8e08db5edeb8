package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.update.RunSettings;

/** The second half of a full batch gives the same sums whichever thread computes it, and starts no thread. */
class SecondHalfTest {
    final Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {16, 16}, Activation.TANH,
            Output.SIGMOID, 1, true);
    final DataSpec data = new DataSpec(DataKind.SPIRALS, 1000, 0.05, 0, 2, false, 0, 1);
    final Examples ex = new Examples(arch, data.split().train());
    final double[] theta = Init.XAVIER.weights(arch, 3);

    /** {loss, correct, gradient…} of the half 512..n computed through a SecondHalf on {@code on}. */
    private double[] half(java.util.concurrent.Executor on, Runnable beforeJoin) {
        double[] g = new double[arch.parameterCount()];
        SecondHalf h = new SecondHalf(new Network(arch), g);
        h.start(on, theta, ex, 512, ex.n, 1.0 / ex.n);
        beforeJoin.run();
        double loss = h.join();
        double[] r = new double[g.length + 2];
        r[0] = loss;
        r[1] = h.correct();
        System.arraycopy(g, 0, r, 2, g.length);
        return r;
    }

    @Test
    void theCallerTheExecutorAndALateRunGiveTheSameHalf() throws Exception {
        double[] g = new double[arch.parameterCount()];
        Network direct = new Network(arch);
        double loss = direct.accumulate(theta, ex, null, 512, ex.n, 1.0 / ex.n, g);
        double[] expected = new double[g.length + 2];
        expected[0] = loss;
        expected[1] = direct.correct();
        System.arraycopy(g, 0, expected, 2, g.length);

        assertArrayEquals(expected, half(Runnable::run, () -> { }), "run inline by execute");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(expected, half(pool, () -> { }), "on another thread");
            }
        } finally {
            pool.shutdown();
        }
        // An executor that has not started the task by the join: the caller computes the half, and the
        // run that comes afterwards finds it taken and changes nothing.
        ArrayDeque<Runnable> queued = new ArrayDeque<>();
        double[] g2 = new double[arch.parameterCount()];
        SecondHalf h = new SecondHalf(new Network(arch), g2);
        h.start(queued::add, theta, ex, 512, ex.n, 1.0 / ex.n);
        assertEquals(loss, h.join());
        double[] after = g2.clone();
        queued.poll().run();
        assertArrayEquals(g, after);
        assertArrayEquals(g, g2, "a late run adds nothing");
    }

    @Test
    void fullBatchUpdatesStartNoThreads() {
        Training training = new Training(arch, data.split(), Init.XAVIER.weights(arch, 1), Long.MAX_VALUE, 1,
                List.of(RunSettings.of(new Adam.Config(0.01, 0.9, 0.999, 1e-8, 0, false, false))));
        Trainer t = training.trainer(0);
        t.step(5);
        long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        t.step(100);
        long more = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - started;
        assertTrue(more < 10, more + " threads started in 100 full-batch updates");
    }
}
