package org.losslab.format.train;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.mlp.Architecture;
import org.losslab.engine.mlp.DataSpec;
import org.losslab.engine.mlp.Dataset;
import org.losslab.engine.mlp.Init;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.mlp.TrainingOptions;
import org.losslab.engine.mlp.Whitening;
import org.losslab.engine.random.Seeds;
import org.losslab.format.RunSpec;

/**
 * A training config file ({@code "format": "losslab-train/1"}, see docs/train-format.md) as read
 * and checked by {@link TrainConfigReader}: immutable, and turned into the engine's
 * {@link Training} by {@link #training()}.
 *
 * @param imported the points of a CSV data file (null for generated data)
 * @param options  what the training does besides the updates (sharpness, …)
 */
public record TrainConfig(String title, String description, DataSpec data, Dataset imported, Architecture network,
                          Init init, long steps, long seed, List<RunSpec> runs, TrainingOptions options) {
    public static final String FORMAT = "losslab-train/1";
    /** Purpose tag of the initial weights' random stream (see {@link Seeds}). */
    static final int INIT_STREAM = 3;

    public TrainConfig {
        runs = List.copyOf(runs);
        java.util.Objects.requireNonNull(options, "options");
    }

    /** A config with nothing besides the updates. */
    public TrainConfig(String title, String description, DataSpec data, Dataset imported, Architecture network,
                       Init init, long steps, long seed, List<RunSpec> runs) {
        this(title, description, data, imported, network, init, steps, seed, runs, TrainingOptions.NONE);
    }

    /** Legend labels: the given ones, else the optimizer type. */
    public List<String> labels() {
        return runs.stream().map(RunSpec::displayLabel).toList();
    }

    /** Run colours: the given ones, else the palette's. */
    public List<String> colors() {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            c.add(runs.get(i).displayColor(i));
        }
        return c;
    }

    /** Purpose tag of an ensemble member's own seed (minibatch order, noise, dropout; see {@link Seeds}). */
    static final int MEMBER_STREAM = 23;

    /**
     * The trainings of the members of a deep ensemble ({@code options().ensemble()} of them): member 0
     * is {@link #training()} itself; member m ≥ 1 has its own initial weights (the init stream of
     * index m) and its own seed of minibatch order, noise and dropout; the data are the same.
     */
    public List<Training> members() {
        Training first = training();
        List<Training> all = new ArrayList<>(List.of(first));
        for (int m = 1; m < options.ensemble(); m++) {
            all.add(new Training(network, first.data(), init.weights(network, Seeds.of(seed, m, INIT_STREAM)), steps,
                    Seeds.of(seed, m, MEMBER_STREAM), first.runs(), options));
        }
        return all;
    }

    /** The data split (PCA-whitened if the options say so), the network and its initial weights, and the runs, ready to train. */
    public Training training() {
        DataSpec.Split split = imported != null ? data.split(imported) : data.split();
        if (options.whiten()) {
            split = Whitening.whiten(split);
        }
        double[] w = init.weights(network, Seeds.of(seed, 0, INIT_STREAM));
        return new Training(network, split, w, steps, seed, runs.stream().map(r -> r.toRunSettings(null)).toList(), options);
    }
}
