package org.losslab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.losslab.engine.Cancellation;
import org.losslab.engine.WorkerThreads;
import org.losslab.engine.analysis.Sweep;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.format.InputException;
import org.losslab.format.sweep.SweepSpec;

/**
 * {@code losslab bench [--threads N] [--repeat N] [--python PATH|none]}: the sweep benchmark of
 * issue 5, a 256 × 256 grid of 1,000-step SGD-momentum runs on Rosenbrock from (−1.5, 2), lr
 * log-spaced 1e-4..1e-1 along x and momentum 0..0.99 along y, through the same path as
 * {@code losslab sweep}; then the same sweep in PyTorch (batched over all cells in float64 tensors,
 * in place) in the same run, and the ratio of the best times.
 */
final class BenchCommand {
    static final String USAGE = "losslab bench [--threads N] [--repeat N] [--python PATH|none]";

    static final String SPEC = """
            {
              "format": "losslab-sweep/1",
              "title": "Benchmark: SGD momentum on Rosenbrock",
              "scenario": {
                "format": "losslab-scenario/1",
                "surface": { "type": "rosenbrock", "a": 1, "b": 100 },
                "start": [-1.5, 2],
                "steps": 1000,
                "runs": [ { "optimizer": { "type": "sgd", "lr": 0.001, "momentum": 0.9 } } ]
              },
              "x": { "key": "optimizer.lr", "from": 1e-4, "to": 1e-1, "count": 256, "scale": "log" },
              "y": { "key": "optimizer.momentum", "from": 0, "to": 0.99, "count": 256 }
            }
            """;

    /** Warm-up before the timed sweeps: at least this long (and at least five sweeps). */
    private static final long WARMUP_NANOS = 3_000_000_000L;

    private BenchCommand() {
    }

    static void run(List<String> argv, PrintStream out) throws UsageException, InputException, IOException {
        Args a = Args.parse(argv, Set.of("--threads", "--repeat", "--python"), USAGE);
        if (!a.positional.isEmpty()) {
            throw new UsageException("bench takes no file; usage: " + USAGE);
        }
        int threads = SweepCommand.threads(a);
        int repeat = 10;
        if (a.option("--repeat") != null) {
            try {
                repeat = Integer.parseInt(a.option("--repeat"));
            } catch (NumberFormatException e) {
                repeat = -1;
            }
            if (repeat < 1 || repeat > 1000) {
                throw new UsageException("--repeat " + a.option("--repeat") + ": must be a whole number from 1 to 1000");
            }
        }
        String python = a.option("--python") != null ? a.option("--python") : "/usr/bin/python3";

        SweepSpec spec = SweepSpec.read(SPEC, "bench", null);
        Sweep sweep = spec.sweep(spec.scenario().buildSurface());
        ExecutorService pool = WorkerThreads.pool(threads, "bench");
        double[] times = new double[repeat];
        SweepResult r = null;
        double cold, warmed;
        int warmups = 0;
        try {
            // The first sweep, as a user's first `losslab sweep` meets it: interpreted set-up code,
            // the loops not yet compiled.
            long c0 = System.nanoTime();
            sweep.run(pool, threads, Cancellation.NEVER, (d, t) -> { });
            cold = (System.nanoTime() - c0) / 1e9;
            // Then warm up as JMH does, by time rather than by count: C2 compiles the per-cell set-up
            // (run settings, pipelines) only after a few seconds of sweeps.
            long warmStart = System.nanoTime(), warmEnd = warmStart + WARMUP_NANOS;
            while (warmups < 5 || System.nanoTime() < warmEnd) {
                sweep.run(pool, threads, Cancellation.NEVER, (d, t) -> { });
                warmups++;
            }
            warmed = (System.nanoTime() - warmStart) / 1e9;
            for (int k = 0; k < repeat; k++) {
                long t0 = System.nanoTime();
                r = sweep.run(pool, threads, Cancellation.NEVER, (d, t) -> { });
                times[k] = (System.nanoTime() - t0) / 1e9;
            }
        } finally {
            pool.shutdown();
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        long work = 0;
        for (int j = 0; j < r.height(); j++) {
            for (int i = 0; i < r.width(); i++) {
                work += r.diverged(i, j) ? r.divergedAt(i, j) : spec.scenario().steps();
            }
        }
        out.printf("losslab: 256 × 256 × 1,000 steps, %d threads: best %.4f s, median %.4f s over %d runs after %d warm-up"
                        + " sweeps (%.1f s; the first, cold: %.4f s); %d cells diverged; %,d run-updates (%.2f ns each per thread)%n",
                threads, sorted[0], sorted[repeat / 2], repeat, warmups + 1, cold + warmed, cold, r.divergedCount(), work,
                sorted[0] * threads * 1e9 / work);
        if (python.equals("none")) {
            return;
        }
        double torch = torch(python, threads, Math.min(repeat, 20), out);
        if (torch > 0) {
            out.printf("ratio: PyTorch best / losslab best = %.2f (losslab %.1f× %s)%n", torch / sorted[0],
                    Math.max(torch / sorted[0], sorted[0] / torch), torch >= sorted[0] ? "faster" : "slower");
        }
    }

    /** Runs the PyTorch version; returns its best time in seconds, or −1 if it could not run. */
    private static double torch(String python, int threads, int repeat, PrintStream out) throws IOException {
        Path script = Files.createTempFile("losslab-sweep-bench", ".py");
        try {
            try (InputStream in = BenchCommand.class.getResourceAsStream("sweep_bench.py")) {
                Files.write(script, in.readAllBytes());
            }
            Process p = new ProcessBuilder(python, script.toString(), Integer.toString(threads), Integer.toString(repeat),
                    "256", "1000").redirectErrorStream(true).start();
            String text;
            try (InputStream in = p.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                out.println("PyTorch: did not run (" + python + "): " + text.lines().reduce((x, y) -> y).orElse(""));
                return -1;
            }
            String[] f = text.lines().reduce((x, y) -> y).orElse("").split(" ");
            double best = Double.parseDouble(f[0]);
            out.printf("PyTorch %s: same sweep, %d threads, batched float64 tensors: best %.4f s over %d runs; %s cells diverged%n",
                    f[2], threads, best, repeat, f[1]);
            return best;
        } catch (IOException e) {
            out.println("PyTorch: did not run (" + python + "): " + e.getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
