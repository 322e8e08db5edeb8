package org.losslab.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Stepper;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.update.Asam;
import org.losslab.engine.update.ClipNorm;
import org.losslab.engine.update.ClipValue;
import org.losslab.engine.update.ElasticNetPenalty;
import org.losslab.engine.update.EvolutionStrategyGradient;
import org.losslab.engine.update.LangevinNoise;
import org.losslab.engine.update.Lookahead;
import org.losslab.engine.update.RunSettings;
import org.losslab.engine.update.Sam;
import org.losslab.engine.update.StochasticWeightAveraging;

/**
 * {@code losslab bench-methods [--steps N] [--batch N]}: the cost per update of each run option,
 * on the general path ({@link Stepper}, no trajectory sink) with SGD + momentum on Rosenbrock from
 * (−1.5, 2) (lr 1e-4, stable for the whole run): ns per run-update, best of 15 timings by the
 * thread's CPU time after 10 warm-up calls, for one run and for a batch of runs, and the extra cost
 * over the plain update. One JVM times all options in turn, so call sites see several link types,
 * as in the app.
 */
final class BenchMethodsCommand {
    static final String USAGE = "losslab bench-methods [--steps N] [--batch N]";
    private static final int WARMUP = 10, MEASURED = 15;

    private BenchMethodsCommand() {
    }

    /** The options timed, each as what it adds to a plain run. */
    static Map<String, UnaryOperator<RunSettings>> options() {
        Map<String, UnaryOperator<RunSettings>> m = new LinkedHashMap<>();
        m.put("none", r -> r);
        m.put("clipNorm 10", r -> r.with(new ClipNorm.Config(10)));
        m.put("clipValue 1", r -> r.with(new ClipValue.Config(1)));
        m.put("l1 1e-3, l2 1e-3", r -> r.with(new ElasticNetPenalty.Config(1e-3, 1e-3)));
        m.put("samRho 0.01", r -> r.with(new Sam.Config(0.01)));
        m.put("samAdaptive, ρ 0.01", r -> r.with(new Asam.Config(0.01)));
        m.put("noiseTemperature 1e-6", r -> r.with(new LangevinNoise.Config(1e-6)));
        m.put("lookahead k 5, α 0.5", r -> r.with(new Lookahead.Config(5, 0.5)));
        m.put("swa start 0", r -> r.with(new StochasticWeightAveraging.Config(0, 1, Double.NaN, 10, true)));
        m.put("swa start 0, swaLr", r -> r.with(new StochasticWeightAveraging.Config(0, 1, 5e-5, 10, true)));
        m.put("gradientEstimator es n 10", r -> r.with(new EvolutionStrategyGradient.Config(10, 0.01, true, true)));
        return m;
    }

    static void run(List<String> argv, PrintStream out) throws UsageException {
        Args a = Args.parse(argv, Set.of("--steps", "--batch"), USAGE);
        if (!a.positional.isEmpty()) {
            throw new UsageException("bench-methods takes no file; usage: " + USAGE);
        }
        int steps = count(a, "--steps", 200_000, 1_000, 100_000_000);
        int batch = count(a, "--batch", 64, 2, 65_536);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Rosenbrock surface = new Rosenbrock(1, 100);
        RunSettings plain = RunSettings.of(new Sgd.Config(1e-4, 0.9, 0, false, 0), -1.5, 2);
        out.printf("losslab: ns per run-update (thread CPU time, best of %d), SGD momentum on Rosenbrock, %,d updates%n",
                MEASURED, steps);
        out.printf("%-28s %12s %10s %14s %10s%n", "option", "1 run", "extra", batch + " runs", "extra");
        double base1 = 0, baseB = 0;
        double checksum = 0;
        for (Map.Entry<String, UnaryOperator<RunSettings>> e : options().entrySet()) {
            RunSettings r = e.getValue().apply(plain);
            double[] one = time(cpu, surface, List.of(r), steps);
            List<RunSettings> many = java.util.Collections.nCopies(batch, r);
            double[] b = time(cpu, surface, many, Math.max(1_000, steps / batch));
            checksum += one[1] + b[1];
            if (e.getKey().equals("none")) {
                base1 = one[0];
                baseB = b[0];
            }
            out.printf("%-28s %9.1f ns %+8.1f ns %11.1f ns %+8.1f ns%n", e.getKey(), one[0], one[0] - base1, b[0], b[0] - baseB);
        }
        out.println("checksum " + checksum);
    }

    /** {ns per run-update, a result to keep the work alive}. */
    private static double[] time(ThreadMXBean cpu, Rosenbrock surface, List<RunSettings> runs, int steps) {
        int[] index = new int[runs.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        long best = Long.MAX_VALUE;
        double keep = 0;
        for (int k = 0; k < WARMUP + MEASURED; k++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            Stepper s = new Stepper(surface, runs, index, steps, 1);
            s.run(null, Cancellation.NEVER);
            keep += s.lastLoss(0);
            long dt = cpu.getCurrentThreadCpuTime() - t0;
            if (k >= WARMUP) {
                best = Math.min(best, dt);
            }
        }
        return new double[] {(double) best / ((double) steps * runs.size()), keep};
    }

    private static int count(Args a, String option, int def, int min, int max) throws UsageException {
        String v = a.option(option);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(option + " " + v + ": must be a whole number from " + min + " to " + max);
    }
}
