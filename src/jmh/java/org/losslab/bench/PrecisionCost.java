package org.losslab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.optim.Precision;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Stepper;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.update.LowPrecision;
import org.losslab.engine.update.RunSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the {@code precision} run option per update: one run of SGD with momentum or Adam on
 * Rosenbrock through the {@link Stepper}, as {@link EngineThroughput}'s {@code sgdMomentumStepper}
 * and {@code adamStepper}, in float64 (no link: the general path), in float32, bfloat16 and float16
 * (the optimizers' low-precision path: every tensor operation rounded) and in float16 with master
 * weights (the float64 step on a master copy, rounded into the model). Adam's ε is 10⁻⁴ so that no
 * run divides by a v that float16 flushed to zero.
 *
 * <p>Run with JMH ({@code java -jar target/benchmarks.jar PrecisionCost}) or, on a shared machine,
 * by thread CPU time, best of 20: {@code java -cp target/benchmarks.jar org.losslab.bench.PrecisionCost}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PrecisionCost.STEPS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PrecisionCost {
    static final int STEPS = 200_000;
    private static final Rosenbrock SURFACE = new Rosenbrock(EngineThroughput.A, EngineThroughput.B);
    private static final int[] INDEX = {0};

    /** float64, float32, bfloat16, float16, or float16+master. */
    @Param({"float64", "float32", "bfloat16", "float16", "float16+master"})
    public String precision;

    private List<RunSettings> sgd, adam;

    @Setup
    public void setUp() {
        sgd = runs(new Sgd.Config(EngineThroughput.SGD_LR, EngineThroughput.MOMENTUM, 0, false, 0), precision);
        adam = runs(new Adam.Config(EngineThroughput.ADAM_LR, 0.9, 0.999, 1e-4, 0, false, false), precision);
    }

    static List<RunSettings> runs(OptimizerConfig o, String precision) {
        RunSettings r = RunSettings.of(o, EngineThroughput.X0, EngineThroughput.Y0);
        boolean master = precision.endsWith("+master");
        Precision p = Precision.of(master ? precision.substring(0, precision.indexOf('+')) : precision);
        return List.of(p == Precision.FLOAT64 ? r : r.with(new LowPrecision.Config(p, master, 1)));
    }

    static double run(List<RunSettings> runs) {
        Stepper s = new Stepper(SURFACE, runs, INDEX, STEPS, 0);
        s.run(null, Cancellation.NEVER);
        return s.lastLoss(0);
    }

    @Benchmark
    public double sgdMomentum() {
        return run(sgd);
    }

    @Benchmark
    public double adam() {
        return run(adam);
    }

    public static void main(String[] args) {
        Map<String, List<RunSettings>> bodies = new LinkedHashMap<>();
        for (String p : List.of("float64", "float32", "bfloat16", "float16", "float16+master")) {
            bodies.put("sgdMomentum " + p, runs(new Sgd.Config(EngineThroughput.SGD_LR, EngineThroughput.MOMENTUM, 0,
                    false, 0), p));
        }
        for (String p : List.of("float64", "float32", "bfloat16", "float16", "float16+master")) {
            bodies.put("adam " + p, runs(new Adam.Config(EngineThroughput.ADAM_LR, 0.9, 0.999, 1e-4, 0, false, false), p));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Map.Entry<String, List<RunSettings>> b : bodies.entrySet()) {
            long best = Long.MAX_VALUE;
            double loss = 0;
            for (int i = 0; i < 30; i++) {
                long t0 = threads.getCurrentThreadCpuTime();
                loss = run(b.getValue());
                long dt = threads.getCurrentThreadCpuTime() - t0;
                if (i >= 10) {
                    best = Math.min(best, dt);
                }
            }
            double ns = (double) best / STEPS;
            System.out.printf("%-28s %6.1f ns/update  (final loss %.6g)%n", b.getKey(), ns, loss);
        }
    }
}
