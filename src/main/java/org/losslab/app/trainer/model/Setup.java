package org.losslab.app.trainer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.losslab.engine.mlp.Activation;
import org.losslab.engine.mlp.Architecture;
import org.losslab.engine.mlp.DataKind;
import org.losslab.engine.mlp.DataSpec;
import org.losslab.engine.mlp.Dataset;
import org.losslab.engine.mlp.Feature;
import org.losslab.engine.mlp.HiddenBlock;
import org.losslab.engine.mlp.Init;
import org.losslab.engine.mlp.Output;
import org.losslab.engine.mlp.TrainingOptions;
import org.losslab.format.Palette;
import org.losslab.format.RunSpec;
import org.losslab.format.Typed;
import org.losslab.format.train.TrainConfig;

/**
 * The trainer's settings as the forms edit them, one immutable value. Unlike a {@link TrainConfig}
 * it can hold a combination that does not make a network yet (a sigmoid output on four classes),
 * so an edit is a new value, checked whole by {@link SetupEditor}, and a refused edit leaves the
 * old value untouched: nothing to undo.
 *
 * @param imported     the imported points of a CSV data kind, or null
 * @param importedName the imported file's name, or null
 * @param hidden       hidden layer widths (copied)
 * @param seed         one seed for the points, the initial weights, minibatch order and noise
 * @param options      what the training does besides the updates (sharpness, …)
 * @param block        normalization and dropout of the hidden layers
 */
public record Setup(DataSpec data, Dataset imported, String importedName, List<Feature> features, int[] hidden,
                    Activation activation, Output output, Init init, boolean bias, long steps, long seed,
                    List<RunSpec> runs, TrainingOptions options, HiddenBlock block) {
    /** The Playground's opening: two spirals, two hidden layers of 12, Adam. */
    public static final Setup DEFAULT = new Setup(new DataSpec(DataKind.SPIRALS, 600, 0.02, 0.5, 3, false, 0, 1), null,
            null, List.of(Feature.X1, Feature.X2), new int[] {12, 12}, Activation.TANH, Output.SIGMOID, Init.XAVIER, true,
            2000, 1, List.of(new RunSpec(null, Palette.run(0), new Typed("adam", Map.of("lr", 0.02)), null, 0, 0, 0, null,
                    null, null)), TrainingOptions.NONE);

    /** Settings of a plain network (no normalization, no dropout). */
    public Setup(DataSpec data, Dataset imported, String importedName, List<Feature> features, int[] hidden,
                 Activation activation, Output output, Init init, boolean bias, long steps, long seed,
                 List<RunSpec> runs, TrainingOptions options) {
        this(data, imported, importedName, features, hidden, activation, output, init, bias, steps, seed, runs, options,
                HiddenBlock.PLAIN);
    }

    public Setup {
        java.util.Objects.requireNonNull(options, "options");
        java.util.Objects.requireNonNull(block, "block");
        features = List.copyOf(features);
        hidden = hidden.clone();
        runs = List.copyOf(runs);
    }

    /** Every setting of a training config (docs/train-format.md); {@code name} is shown for imported points. */
    public static Setup of(TrainConfig c, String name) {
        Architecture a = c.network();
        return new Setup(c.data(), c.imported(), c.imported() != null ? name : null, a.features(), a.hidden(),
                a.activation(), a.output(), c.init(), a.bias(), c.steps(), c.seed(), c.runs(), c.options(), a.block());
    }

    /**
     * The training config of these settings.
     *
     * @throws IllegalArgumentException when they do not make a network for this data
     */
    public TrainConfig config() {
        return new TrainConfig("", "", data, imported, network(), init, steps, seed, runs, options);
    }

    /**
     * The network of these settings, its output layer sized to the data.
     *
     * @throws IllegalArgumentException when the layers do not make one
     */
    public Architecture network() {
        return new Architecture(features, hidden, activation, output, output.units(data.classCount()), bias, block);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** Output kinds that fit the data: linear (MSE) for regression; sigmoid only with two classes. */
    public static List<Output> outputsFor(int classes) {
        if (classes == 0) {
            return List.of(Output.LINEAR);
        }
        return classes == 2 ? List.of(Output.SIGMOID, Output.SOFTMAX, Output.LINEAR) : List.of(Output.SOFTMAX, Output.LINEAR);
    }

    /** Another data recipe: a kind other than CSV drops the imported points, and the output follows the classes. */
    public Setup withData(DataSpec d) {
        boolean keep = d.kind() == DataKind.CSV;
        List<Output> fit = outputsFor(d.classCount());
        return new Setup(d, keep ? imported : null, keep ? importedName : null, features, hidden, activation,
                fit.contains(output) ? output : fit.get(0), init, bias, steps, seed, runs, options, block);
    }

    /** Imported points as the data, with the test split, label noise and seed of the current recipe. */
    public Setup withImported(Dataset points, String name) {
        Setup s = new Setup(data, points, name, features, hidden, activation, output, init, bias, steps, seed, runs, options, block);
        return s.withData(new DataSpec(DataKind.CSV, points.size(), 0, data.testFraction(), points.classes(),
                data.randomLabels(), points.classes() == 0 ? 0 : data.labelNoise(), data.seed()));
    }

    public Setup withFeatures(List<Feature> f) {
        return new Setup(data, imported, importedName, f, hidden, activation, output, init, bias, steps, seed, runs, options, block);
    }

    public Setup withHidden(int[] widths) {
        return new Setup(data, imported, importedName, features, widths, activation, output, init, bias, steps, seed, runs, options, block);
    }

    public Setup withActivation(Activation a) {
        return new Setup(data, imported, importedName, features, hidden, a, output, init, bias, steps, seed, runs, options, block);
    }

    public Setup withOutput(Output o) {
        return new Setup(data, imported, importedName, features, hidden, activation, o, init, bias, steps, seed, runs, options, block);
    }

    public Setup withInit(Init i) {
        return new Setup(data, imported, importedName, features, hidden, activation, output, i, bias, steps, seed, runs, options, block);
    }

    public Setup withSteps(long s) {
        return new Setup(data, imported, importedName, features, hidden, activation, output, init, bias, s, seed, runs, options, block);
    }

    /** The one seed, for the points too. */
    public Setup withSeed(long s) {
        DataSpec d = new DataSpec(data.kind(), data.points(), data.noise(), data.testFraction(), data.classes(),
                data.randomLabels(), data.labelNoise(), s);
        return new Setup(d, imported, importedName, features, hidden, activation, output, init, bias, steps, s, runs, options, block);
    }

    public Setup withOptions(TrainingOptions o) {
        return new Setup(data, imported, importedName, features, hidden, activation, output, init, bias, steps, seed, runs, o, block);
    }

    /** Other normalization and dropout of the hidden layers. */
    public Setup withBlock(HiddenBlock b) {
        return new Setup(data, imported, importedName, features, hidden, activation, output, init, bias, steps, seed, runs, options, b);
    }

    public Setup withRuns(List<RunSpec> r) {
        return new Setup(data, imported, importedName, features, hidden, activation, output, init, bias, steps, seed, r, options, block);
    }

    /** Run {@code i} changed by {@code edit}. */
    public Setup withRun(int i, UnaryOperator<RunSpec> edit) {
        List<RunSpec> next = new ArrayList<>(runs);
        next.set(i, edit.apply(runs.get(i)));
        return withRuns(next);
    }
}
