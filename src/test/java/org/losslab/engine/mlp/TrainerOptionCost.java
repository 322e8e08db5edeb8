package org.losslab.engine.mlp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.update.RunSettings;

/**
 * Not a test: the cost per update of each network option on the trainer benchmark's network
 * (2-16-16-1 tanh, Adam, 1,000 training points), full batch and at batch 32, by thread CPU time
 * (best of several rounds, after a warmup), so a loaded machine disturbs it less than wall-clock time.
 * Run: {@code java -cp "target/classes:target/test-classes:target/lib/*" org.losslab.engine.mlp.TrainerOptionCost}
 */
public final class TrainerOptionCost {
    private TrainerOptionCost() {
    }

    static Training setup(HiddenBlock block, TrainingOptions options, int batchSize) {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {16, 16}, Activation.TANH,
                Output.SIGMOID, 1, true, block);
        // 1,250 points, a fifth held out: 1,000 training points as in bench-train, and a test set for early stopping.
        DataSpec data = new DataSpec(DataKind.SPIRALS, 1250, 0.05, 0.2, 2, false, 0, 1);
        RunSettings run = RunSettings.of(new Adam.Config(0.01, 0.9, 0.999, 1e-8, 0, false, false)).withBatchSize(batchSize);
        return new Training(arch, data.split(), Init.XAVIER.weights(arch, 1), Long.MAX_VALUE, 1, List.of(run), options);
    }

    /** Microseconds of thread CPU time per update, the best of {@code rounds} rounds of {@code steps}. */
    static double cost(Training training, int steps, int rounds) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Trainer t = training.trainer(0, Runnable::run);
        t.step(steps);
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            t.step(steps);
            best = Math.min(best, (mx.getCurrentThreadCpuTime() - t0) / 1e3 / steps);
        }
        return best;
    }

    public static void main(String[] args) {
        Object[][] options = {
            {"plain", HiddenBlock.PLAIN, TrainingOptions.NONE},
            {"batch norm", new HiddenBlock(Normalization.BATCH, 0), TrainingOptions.NONE},
            {"layer norm", new HiddenBlock(Normalization.LAYER, 0), TrainingOptions.NONE},
            {"dropout 0.2", new HiddenBlock(Normalization.NONE, 0.2), TrainingOptions.NONE},
            {"early stopping (every 1)", HiddenBlock.PLAIN,
                    TrainingOptions.NONE.withEarlyStopping(new EarlyStopping(Integer.MAX_VALUE, 1, 0))},
        };
        System.out.println("µs of CPU per update, 2-16-16-1 tanh, Adam, 1000 training points (250 test)");
        System.out.printf("%-26s %12s %12s%n", "option", "full batch", "batch 32");
        for (Object[] o : options) {
            double full = cost(setup((HiddenBlock) o[1], (TrainingOptions) o[2], 0), 300, 8);
            double mini = cost(setup((HiddenBlock) o[1], (TrainingOptions) o[2], 32), 3000, 8);
            System.out.printf("%-26s %12.1f %12.2f%n", o[0], full, mini);
        }
        // MC dropout costs per picture, not per update: T passes over the trainer's 96 × 96 raster.
        Training drop = setup(new HiddenBlock(Normalization.NONE, 0.2), TrainingOptions.NONE, 0);
        Trainer t = drop.trainer(0, Runnable::run);
        int n = 96 * 96;
        double[] x1 = new double[n], x2 = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = -1.5 + 3.0 * (i % 96) / 95;
            x2[i] = -1.5 + 3.0 * (i / 96) / 95;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 6; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            t.mcDropout(n, x1, x2, 30);
            best = Math.min(best, (mx.getCurrentThreadCpuTime() - t0) / 1e6);
        }
        System.out.printf("MC dropout picture, 30 passes over 96×96 points: %.1f ms of CPU%n", best);
    }
}
