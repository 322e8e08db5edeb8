package org.losslab.engine.mlp;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.losslab.engine.Cancellation;
import org.losslab.engine.update.RunSettings;

/**
 * Everything a training session needs, as one immutable value: the network's shape, the data,
 * the shared initial weights and the runs to compare side by side. Every run starts from the same
 * weights and sees the same data, so their curves differ only by their update settings.
 *
 * @param architecture the network
 * @param data         training and test sets
 * @param initial      initial weights (copied)
 * @param steps        updates per run (the horizon of cosine, linear and one-cycle schedules)
 * @param seed         seed of minibatch order and Langevin noise (with the run index)
 * @param runs         the runs
 * @param options      what the training does besides the updates (sharpness, …)
 */
public record Training(Architecture architecture, DataSpec.Split data, double[] initial, long steps, long seed,
                       List<RunSettings> runs, TrainingOptions options) {

    public Training {
        Objects.requireNonNull(architecture);
        Objects.requireNonNull(data);
        Objects.requireNonNull(options);
        initial = initial.clone();
        runs = List.copyOf(runs);
        if (initial.length != architecture.parameterCount()) {
            throw new IllegalArgumentException("expected " + architecture.parameterCount() + " weights, got " + initial.length);
        }
        if (steps < 0 || runs.isEmpty()) {
            throw new IllegalArgumentException("need steps ≥ 0 and at least one run");
        }
        int classes = data.train().classes();
        if (data.test().classes() != classes) {
            throw new IllegalArgumentException("train and test sets differ in classes");
        }
        if (architecture.output() != Output.LINEAR && classes == 0) {
            throw new IllegalArgumentException("a " + architecture.output().id() + " output needs class labels");
        }
        if (architecture.output() == Output.SIGMOID && classes != 2) {
            throw new IllegalArgumentException("a sigmoid output needs 2 classes, the data has " + classes);
        }
        if (architecture.outputs() != architecture.output().units(classes)) {
            throw new IllegalArgumentException("output layer has " + architecture.outputs() + " units, the data needs "
                    + architecture.output().units(classes));
        }
        checkOptions(architecture, data, runs, options);
    }

    /**
     * What the options and a {@link HiddenBlock} ask: a test set for early stopping, dropout for MC
     * dropout; hidden layers to act on, no sharpness (Hessian-vector products are the plain
     * network's), and for batch normalization at least two examples in every batch.
     */
    private static void checkOptions(Architecture arch, DataSpec.Split data, List<RunSettings> runs, TrainingOptions options) {
        int n = data.train().size();
        HiddenBlock b = arch.block();
        if (options.ensemble() > 0 && data.test().size() == 0) {
            throw new IllegalArgumentException("an ensemble is compared with its members on the test set; the data has none");
        }
        if (options.earlyStopping() != null && data.test().size() == 0) {
            throw new IllegalArgumentException("early stopping watches the test loss; the data has no test set");
        }
        if (options.mcDropout() > 0 && b.dropout() == 0) {
            throw new IllegalArgumentException("MC dropout needs a network with dropout");
        }
        if (b.isPlain()) {
            return;
        }
        if (arch.layerCount() == 1) {
            throw new IllegalArgumentException(b.describe() + " acts between hidden layers; the network has none");
        }
        if (options.sharpness() != null) {
            throw new IllegalArgumentException("the sharpness is measured on plain networks, not with " + b.describe());
        }
        if (b.normalization() == Normalization.BATCH) {
            for (int r = 0; r < runs.size(); r++) {
                int size = runs.get(r).batchSize();
                boolean full = size <= 0 || size >= n;
                if (full ? n < 2 : n % size == 1) {
                    throw new IllegalArgumentException("run " + (r + 1) + ": batch normalization needs at least 2 examples in"
                            + " every batch; " + n + " training points" + (full ? "" : " in batches of " + size + " leave a last batch of 1"));
                }
            }
        }
    }

    /** A training with nothing besides the updates ({@link TrainingOptions#NONE}). */
    public Training(Architecture architecture, DataSpec.Split data, double[] initial, long steps, long seed,
                    List<RunSettings> runs) {
        this(architecture, data, initial, steps, seed, runs, TrainingOptions.NONE);
    }

    /** This training with other options. */
    public Training withOptions(TrainingOptions o) {
        return new Training(architecture, data, initial, steps, seed, runs, o);
    }

    @Override
    public double[] initial() {
        return initial.clone();
    }

    /** A trainer for run {@code i}, evaluating the second half of a full batch on the common pool. */
    public Trainer trainer(int i) {
        return trainer(i, ForkJoinPool.commonPool());
    }

    /**
     * A trainer for run {@code i} whose full batches are evaluated in two halves, the second on
     * {@code halves} (the split is fixed, so the weights do not depend on where it runs).
     */
    public Trainer trainer(int i, Executor halves) {
        return new Trainer(this, i, Objects.requireNonNull(halves, "halves"));
    }

    /** Receives the metrics of one run at one step. */
    @FunctionalInterface
    public interface Sink {
        void row(int run, TrainSnapshot s);
    }

    /**
     * Trains every run in turn for {@link #steps} updates, reporting step 0, every {@code every}-th
     * step, every step whose sharpness is recorded, the last step and the step at which a run
     * diverged or early stopping ended it.
     *
     * @return false if cancelled
     */
    public boolean run(Sink sink, long every, Cancellation cancel) {
        for (int r = 0; r < runs.size(); r++) {
            Trainer t = trainer(r);
            sink.row(r, t.snapshot());
            long last = 0;
            while (!t.diverged() && !t.stoppedEarly() && t.step() < steps) {
                if (cancel.isCancelled()) {
                    return false;
                }
                t.step(1);
                long k = t.step();
                boolean sharp = options.sharpness() != null && options.sharpness().at(k);
                if ((k % every == 0 || sharp || k == steps || t.diverged() || t.stoppedEarly()) && k != last) {
                    sink.row(r, t.snapshot());
                    last = k;
                }
            }
        }
        return true;
    }
}
