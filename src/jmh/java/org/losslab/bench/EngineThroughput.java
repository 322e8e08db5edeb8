package org.losslab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Stepper;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.update.RunSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Updates per second of one run on Rosenbrock (a = 1, b = 100) from (−1.5, 2), on one thread: the
 * engine's general path ({@link Stepper}, one run, stride 1) with recording off (sink null) and
 * into a {@link Trajectory}, beside a hand-written loop of the same arithmetic (the "plain loop").
 * The target is the general path within 1.5× of the plain loop.
 *
 * <p>Each invocation performs {@value #STEPS} updates from the same start, so every invocation
 * times the same path; the score is in updates per second ({@code ops/s}).
 *
 * <p>Run: {@code ./mvnw -B -q -Pbench package -DskipTests && java -jar target/benchmarks.jar -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(EngineThroughput.STEPS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineThroughput {
    static final int STEPS = 1_000_000;
    static final double X0 = -1.5, Y0 = 2.0;
    static final double A = 1, B = 100;

    // Small enough rates that 10⁶ updates never diverge from (−1.5, 2): heavy ball is stable for
    // η·λmax < 2(1 + μ) with λmax ≈ 1900 at the start.
    static final double SGD_LR = 1e-4, MOMENTUM = 0.9;
    static final double ADAM_LR = 1e-3, BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;

    private final Rosenbrock surface = new Rosenbrock(A, B);
    private final List<RunSettings> sgd = List.of(RunSettings.of(new Sgd.Config(SGD_LR, MOMENTUM, 0, false, 0), X0, Y0));
    private final List<RunSettings> adam =
            List.of(RunSettings.of(new Adam.Config(ADAM_LR, BETA1, BETA2, EPS, 0, false, false), X0, Y0));
    private final int[] index = {0};

    /** A fresh, presized trajectory per invocation, made outside the timed call. */
    @State(Scope.Thread)
    public static class Recording {
        Trajectory trajectory;

        @Setup(Level.Invocation)
        public void freshTrajectory() {
            trajectory = new Trajectory(STEPS + 1);
        }
    }

    // --- The engine's general path. ---

    @Benchmark
    public double sgdMomentumStepper() {
        Stepper s = new Stepper(surface, sgd, index, STEPS, 0);
        s.run(null, Cancellation.NEVER);
        return s.lastLoss(0);
    }

    @Benchmark
    public double sgdMomentumStepperRecording(Recording rec) {
        Stepper s = new Stepper(surface, sgd, index, STEPS, 0);
        s.run(rec.trajectory, Cancellation.NEVER);
        return s.lastLoss(0);
    }

    @Benchmark
    public double adamStepper() {
        Stepper s = new Stepper(surface, adam, index, STEPS, 0);
        s.run(null, Cancellation.NEVER);
        return s.lastLoss(0);
    }

    @Benchmark
    public double adamStepperRecording(Recording rec) {
        Stepper s = new Stepper(surface, adam, index, STEPS, 0);
        s.run(rec.trajectory, Cancellation.NEVER);
        return s.lastLoss(0);
    }

    // --- The optimizer alone, driven by a bare loop: what the Stepper adds around it. ---

    @Benchmark
    public double sgdMomentumOptimizerOnly() {
        return optimizerOnly(new Sgd.Config(SGD_LR, MOMENTUM, 0, false, 0), SGD_LR);
    }

    @Benchmark
    public double adamOptimizerOnly() {
        return optimizerOnly(new Adam.Config(ADAM_LR, BETA1, BETA2, EPS, 0, false, false), ADAM_LR);
    }

    private double optimizerOnly(OptimizerConfig config, double rate) {
        var opt = OptimizerConfig.create(2, 1, List.of(config));
        double[] theta = {X0, Y0};
        double[] grad = new double[2];
        double[] loss = new double[1];
        double[] lr = {rate};
        surface.evaluate(1, 1, theta, 0, loss, grad);
        for (int k = 0; k < STEPS; k++) {
            opt.step(1, theta, grad, loss, lr, null);
            surface.evaluate(1, 1, theta, k + 1, loss, grad);
        }
        return loss[0];
    }

    // --- Plain loops: the same arithmetic written out by hand, no arrays, no calls. ---

    /** Heavy ball as torch.optim.SGD: b ← μb + g (b₁ = g); θ ← θ − η·b, with torch's FMAs. */
    @Benchmark
    public double sgdMomentumPlainLoop() {
        double x = X0, y = Y0, bx = 0, by = 0, f = 0;
        for (int k = 0; k < STEPS; k++) {
            double u = A - x, v = y - x * x;
            f = u * u + B * v * v;
            double gx = -2 * u - 4 * B * x * v;
            double gy = 2 * B * v;
            bx = k == 0 ? gx : Math.fma(1, gx, bx * MOMENTUM);
            by = k == 0 ? gy : Math.fma(1, gy, by * MOMENTUM);
            x = Math.fma(-SGD_LR, bx, x);
            y = Math.fma(-SGD_LR, by, y);
        }
        return f + x + y;
    }

    /** Adam as torch.optim.Adam, bias corrections by Math.pow each step as torch computes them. */
    @Benchmark
    public double adamPlainLoop() {
        double x = X0, y = Y0, mx = 0, my = 0, vx = 0, vy = 0, f = 0;
        for (int k = 1; k <= STEPS; k++) {
            double u = A - x, v = y - x * x;
            f = u * u + B * v * v;
            double gx = -2 * u - 4 * B * x * v;
            double gy = 2 * B * v;
            double stepSize = ADAM_LR / (1 - Math.pow(BETA1, k));
            double bc2Sqrt = Math.sqrt(1 - Math.pow(BETA2, k));
            mx = Math.fma(1 - BETA1, gx, mx * BETA1);
            my = Math.fma(1 - BETA1, gy, my * BETA1);
            vx = Math.fma((1 - BETA2) * gx, gx, vx * BETA2);
            vy = Math.fma((1 - BETA2) * gy, gy, vy * BETA2);
            x += -stepSize * mx / (Math.sqrt(vx) / bc2Sqrt + EPS);
            y += -stepSize * my / (Math.sqrt(vy) / bc2Sqrt + EPS);
        }
        return f + x + y;
    }

    /**
     * Adam with the bias-correction powers kept as running products (β^t = β·β^(t−1)): what the
     * two Math.pow calls per update cost. Rounds differently from torch after many steps, so it
     * is a yardstick only, not a candidate for the engine.
     */
    @Benchmark
    public double adamPlainLoopRunningPowers() {
        double x = X0, y = Y0, mx = 0, my = 0, vx = 0, vy = 0, f = 0, p1 = 1, p2 = 1;
        for (int k = 1; k <= STEPS; k++) {
            double u = A - x, v = y - x * x;
            f = u * u + B * v * v;
            double gx = -2 * u - 4 * B * x * v;
            double gy = 2 * B * v;
            p1 *= BETA1;
            p2 *= BETA2;
            double stepSize = ADAM_LR / (1 - p1);
            double bc2Sqrt = Math.sqrt(1 - p2);
            mx = Math.fma(1 - BETA1, gx, mx * BETA1);
            my = Math.fma(1 - BETA1, gy, my * BETA1);
            vx = Math.fma((1 - BETA2) * gx, gx, vx * BETA2);
            vy = Math.fma((1 - BETA2) * gy, gy, vy * BETA2);
            x += -stepSize * mx / (Math.sqrt(vx) / bc2Sqrt + EPS);
            y += -stepSize * my / (Math.sqrt(vy) / bc2Sqrt + EPS);
        }
        return f + x + y;
    }
}
