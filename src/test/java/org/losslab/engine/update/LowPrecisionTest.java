package org.losslab.engine.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.Precision;
import org.losslab.engine.optim.RmsProp;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Simulation;
import org.losslab.engine.sim.Stepper;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.expr.ExpressionSurface;

/** The low-precision link on surfaces: stalls, rounding of every point, master weights and loss scaling. */
class LowPrecisionTest {
    private static final Surface VALLEY = new Quadratic(50, 25);

    private static Trajectory run(Surface s, RunSettings r, long steps) {
        return new Simulation(s, List.of(r), steps, 3).run(Runnable::run, Cancellation.NEVER).get(0);
    }

    private static RunSettings sgd(double lr, LowPrecision.Config c) {
        RunSettings r = RunSettings.of(new Sgd.Config(lr, 0, 0, false, 0), -2.5, 2.0);
        return c == null ? r : r.with(c);
    }

    private static double last(Trajectory t, String channel) {
        return t.channel(t.channel(channel), t.size() - 1);
    }

    @Test
    void float16WithoutMasterWeightsStallsWhereFloat64Converges() {
        Trajectory f64 = run(VALLEY, sgd(3e-4, null), 20_000);
        Trajectory f16 = run(VALLEY, sgd(3e-4, LowPrecision.Config.of(Precision.FLOAT16)), 20_000);
        assertTrue(f64.loss(f64.size() - 1) < 1e-4, "float64 converges: " + f64.loss(f64.size() - 1));
        double stuck = f16.loss(f16.size() - 1);
        assertTrue(stuck > 0.1, "float16 stops on the valley floor: " + stuck);
        // Once stalled, every later update is lost: θ never changes again and each update counts.
        int from = f16.size() - 1;
        while (from > 0 && f16.x(from - 1) == f16.x(from) && f16.y(from - 1) == f16.y(from)) {
            from--;
        }
        assertTrue(from < 2000, "stalls early, at step " + from);
        assertEquals(f16.size() - 1 - from, last(f16, "precision.stalled"), 0.0, "every update since counted");
        assertEquals(1.0, last(f16, "precision.frozen"), 0.0, "both coordinates frozen");
        assertEquals(0.0, f16.channel(f16.channel("precision.stalled"), 0), 0.0);
    }

    @Test
    void everyPointIsAValueOfTheFormatNoiseIncluded() {
        for (Precision p : List.of(Precision.FLOAT32, Precision.BFLOAT16, Precision.FLOAT16)) {
            RunSettings r = RunSettings.of(new Adam.Config(0.01, 0.9, 0.999, 1e-3, 0, false, false), 1.234567, -0.7654321)
                    .withNoiseTemperature(1e-3).with(LowPrecision.Config.of(p));
            Trajectory t = run(VALLEY, r, 300);
            for (int k = 0; k < t.size(); k++) {
                assertEquals(p.round(t.x(k)), t.x(k), 0.0, p + " x at " + k);
                assertEquals(p.round(t.y(k)), t.y(k), 0.0, p + " y at " + k);
            }
            assertEquals(p.round(1.234567), t.x(0), 0.0, "the start is rounded too");
        }
    }

    /** Master weights by hand: w ← w − η·F(∇f(F(w))) in float64, the model F(w). */
    @Test
    void masterWeightsApplyTheUpdateToAFloat64Copy() {
        double lr = 3e-4;
        Trajectory t = run(VALLEY, sgd(lr, new LowPrecision.Config(Precision.FLOAT16, true, 1)), 2000);
        Precision f = Precision.FLOAT16;
        double[] w = {f.round(-2.5), f.round(2.0)}, p = new double[2], g = new double[2], loss = new double[1];
        for (int k = 0; k < t.size(); k++) {
            p[0] = f.round(w[0]);
            p[1] = f.round(w[1]);
            assertEquals(p[0], t.x(k), 0.0, "x at " + k);
            assertEquals(p[1], t.y(k), 0.0, "y at " + k);
            VALLEY.evaluate(1, 1, p, k, loss, g);
            w[0] = Math.fma(-lr, f.round(g[0]), w[0]);
            w[1] = Math.fma(-lr, f.round(g[1]), w[1]);
        }
        assertTrue(t.loss(t.size() - 1) < t.loss(0) / 10, "and it makes progress");
    }

    @Test
    void lossScalingKeepsGradientsThatFloat16WouldFlushToZero() {
        // ∇f = 2·10⁻⁸·θ: below float16's least subnormal 6·10⁻⁸ (half of it rounds to 0), so the
        // gradient is 0 in float16 and nothing moves; scaled by 2¹⁶ it survives and is unscaled in float64.
        Surface tiny = ExpressionSurface.parse("1e-8*(x^2 + y^2)", Map.of());
        RunSettings base = RunSettings.of(new Sgd.Config(1e6, 0, 0, false, 0), 1.0, 0.5);
        Trajectory unscaled = run(tiny, base.with(new LowPrecision.Config(Precision.FLOAT16, true, 1)), 200);
        Trajectory scaled = run(tiny, base.with(new LowPrecision.Config(Precision.FLOAT16, true, 65536)), 200);
        int n = unscaled.size() - 1;
        assertEquals(1.0, unscaled.x(n), 0.0, "a zero gradient: no update at all");
        assertEquals(0.0, last(unscaled, "precision.stalled"), 0.0, "which is not a stalled update");
        assertTrue(scaled.x(n) < 0.05 && scaled.loss(n) < scaled.loss(0) / 100, "scaled: " + scaled.x(n));
    }

    @Test
    void float64IsNoLinkAndOtherOptimizersNeedMasterWeights() {
        assertTrue(LowPrecision.Config.of(Precision.FLOAT64).isIdentity());
        RunSettings r = sgd(0.01, LowPrecision.Config.of(Precision.FLOAT64));
        assertTrue(r.transforms().isEmpty(), "float64 leaves the run as it was");
        RunSettings rms = RunSettings.of(new RmsProp.Config(0.01, 0.99, 1e-8, 0, false, 0), 1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> new Stepper(VALLEY, List.of(rms.with(LowPrecision.Config.of(Precision.FLOAT16))), new int[] {0}, 1, 0));
        Trajectory t = run(VALLEY, rms.with(new LowPrecision.Config(Precision.FLOAT16, true, 1)), 50);
        assertTrue(t.loss(50) < t.loss(0));
        assertThrows(IllegalArgumentException.class, () -> new LowPrecision.Config(Precision.FLOAT16, false, 8));
    }

    /** The link and the optimizers' low-precision paths allocate nothing per update. */
    @Test
    void updatesAllocateNothing() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (LowPrecision.Config c : List.of(LowPrecision.Config.of(Precision.FLOAT16),
                new LowPrecision.Config(Precision.BFLOAT16, true, 64))) {
            for (RunSettings r : List.of(sgd(1e-3, c), RunSettings.of(new Adam.Config(1e-3, 0.9, 0.999, 1e-3, 0.01, true, true),
                    -2.5, 2.0).with(c))) {
                long allocated = 0;
                for (int round = 0; round < 2; round++) {
                    Stepper s = new Stepper(VALLEY, List.of(r), new int[] {0}, 50_000, 0);
                    long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                    s.run(null, Cancellation.NEVER);
                    allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
                }
                assertTrue(allocated < 1024, c + " " + r.optimizer().type() + " allocated " + allocated + " bytes");
            }
        }
    }
}
