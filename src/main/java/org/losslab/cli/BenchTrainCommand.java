package org.losslab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.losslab.engine.mlp.Activation;
import org.losslab.engine.mlp.Architecture;
import org.losslab.engine.mlp.DataKind;
import org.losslab.engine.mlp.DataSpec;
import org.losslab.engine.mlp.Feature;
import org.losslab.engine.mlp.Init;
import org.losslab.engine.mlp.Output;
import org.losslab.engine.mlp.Trainer;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.update.RunSettings;

/**
 * {@code losslab bench-train [--seconds S] [--python PATH]}: training speed of a 2-16-16-1 tanh
 * network with a sigmoid/BCE output on 1,000 points of two spirals, float64, Adam(lr = 0.01), in
 * updates per second, full batch and at batch size 32; then the same in PyTorch (torch.nn +
 * torch.optim.Adam, a plain loop without DataLoader) when {@code python} can import torch, and the
 * ratios. Speed is measured here, never in unit tests.
 *
 * <p>Each figure is given twice: per second of wall-clock time, and per second of the process's CPU
 * time (every thread: our full batch runs in two halves on two cores, PyTorch's kernels use every
 * core). On a machine shared with other work the wall-clock figures swing with the load; the CPU
 * figures count only the work each side did, so their ratios are the steadier comparison.
 */
final class BenchTrainCommand {
    static final String USAGE = "losslab bench-train [--seconds S] [--python PATH]";
    private static final String DEFAULT_PYTHON = "/usr/bin/python3";

    private BenchTrainCommand() {
    }

    static void run(List<String> argv, PrintStream out) throws UsageException, IOException {
        Args a = Args.parse(argv, Set.of("--seconds", "--python"), USAGE);
        if (!a.positional.isEmpty()) {
            throw new UsageException("bench-train takes no files; usage: " + USAGE);
        }
        double seconds;
        try {
            seconds = a.option("--seconds") == null ? 3 : Double.parseDouble(a.option("--seconds"));
        } catch (NumberFormatException e) {
            throw new UsageException("--seconds " + a.option("--seconds") + ": not a number");
        }
        if (!(seconds > 0 && seconds <= 600)) {
            throw new UsageException("--seconds must be more than 0 and at most 600");
        }
        String python = a.option("--python") == null ? DEFAULT_PYTHON : a.option("--python");

        out.println("2-16-16-1 tanh, sigmoid + BCE, 1000 points, float64, Adam(lr=0.01)");
        double[] full = measure(0, seconds);
        double[] mini = measure(32, seconds);
        out.printf("losslab   full batch: %,10.0f steps/s   batch 32: %,10.0f steps/s%n", full[0], mini[0]);
        double[] torch = torch(python, seconds, out);
        if (torch != null) {
            out.printf("PyTorch   full batch: %,10.0f steps/s   batch 32: %,10.0f steps/s%n", torch[0], torch[1]);
            out.printf("ratio     full batch: %10.2f×          batch 32: %10.2f×%n", full[0] / torch[0], mini[0] / torch[1]);
        }
        out.printf("losslab   full batch: %,10.0f steps/CPU-s batch 32: %,10.0f steps/CPU-s%n", full[1], mini[1]);
        if (torch != null) {
            out.printf("PyTorch   full batch: %,10.0f steps/CPU-s batch 32: %,10.0f steps/CPU-s%n", torch[2], torch[3]);
            out.printf("CPU ratio full batch: %10.2f×          batch 32: %10.2f×%n", full[1] / torch[2], mini[1] / torch[3]);
        }
    }

    static Training setup(int batchSize) {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {16, 16}, Activation.TANH,
                Output.SIGMOID, 1, true);
        DataSpec data = new DataSpec(DataKind.SPIRALS, 1000, 0.05, 0, 2, false, 0, 1);
        RunSettings run = RunSettings.of(new Adam.Config(0.01, 0.9, 0.999, 1e-8, 0, false, false)).withBatchSize(batchSize);
        return new Training(arch, data.split(), Init.XAVIER.weights(arch, 1), Long.MAX_VALUE, 1, List.of(run));
    }

    /** {updates per second, updates per CPU-second of the process}, after a warmup for the JIT. */
    static double[] measure(int batchSize, double seconds) {
        Trainer t = setup(batchSize).trainer(0);
        timed(t, Math.min(2, seconds));
        return timed(t, seconds);
    }

    private static double[] timed(Trainer t, double seconds) {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime(), end = start + (long) (seconds * 1e9);
        long steps = 0;
        long now;
        int chunk = 64;
        do {
            steps += t.step(chunk);
            now = System.nanoTime();
        } while (now < end);
        long cpu = processCpuNanos() - cpuStart;
        return new double[] {steps / ((now - start) * 1e-9), cpu > 0 ? steps / (cpu * 1e-9) : Double.NaN};
    }

    /** CPU time of every thread of this process (NaN figures where the platform does not tell it). */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** {full, batch 32} steps/s and {full, batch 32} steps per CPU-second of PyTorch, or null if it cannot run. */
    private static double[] torch(String python, double seconds, PrintStream out) throws IOException {
        String script;
        try (InputStream in = BenchTrainCommand.class.getResourceAsStream("bench_train_torch.py")) {
            if (in == null) {
                throw new IOException("bench_train_torch.py is missing from the build");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = Files.createTempFile("losslab-bench", ".py");
        try {
            Files.writeString(file, script);
            Process p = new ProcessBuilder(python, file.toString(), Double.toString(seconds)).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10L + (long) (6 * seconds), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                out.println("PyTorch   not measured: " + python + " failed: " + text.lines().reduce((x, y) -> y).orElse(""));
                return null;
            }
            String[] f = text.lines().reduce((x, y) -> y).orElse("").trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3])};
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            out.println("PyTorch   not measured: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
