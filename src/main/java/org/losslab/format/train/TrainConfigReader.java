package org.losslab.format.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.losslab.engine.mlp.Activation;
import org.losslab.engine.mlp.Architecture;
import org.losslab.engine.mlp.DataKind;
import org.losslab.engine.mlp.DataSpec;
import org.losslab.engine.mlp.Dataset;
import org.losslab.engine.mlp.Feature;
import org.losslab.engine.mlp.Init;
import org.losslab.engine.mlp.Output;
import org.losslab.engine.mlp.Sharpness;
import org.losslab.engine.mlp.Trainer;
import org.losslab.engine.mlp.TrainingOptions;
import org.losslab.format.InputException;
import org.losslab.format.JsonInput;
import org.losslab.format.Param;
import org.losslab.format.RunReader;
import org.losslab.format.RunSpec;

/**
 * Reads and checks training configs (docs/train-format.md) by the scenario files' rules: unknown
 * keys, wrong types and out-of-range values are refused with one {@link InputException}
 * "file: $.json.path: problem"; optimizers and schedules use the scenario schema.
 */
public final class TrainConfigReader {
    public static final long MAX_STEPS = 10_000_000;
    public static final int MAX_POINTS = 1_000_000;
    public static final int MAX_WIDTH = 1024;
    public static final int MAX_LAYERS = 16;
    /** Most Hessian-vector products of one sharpness measurement. */
    public static final int MAX_SHARPNESS_ITERATIONS = 1000;

    private static final Set<String> ROOT_KEYS =
            Set.of("format", "title", "description", "data", "network", "steps", "seed", "runs", "sharpness");
    private static final Set<String> SHARPNESS_KEYS = Set.of("every", "iterations", "tolerance");
    private static final Set<String> DATA_KEYS = Set.of("type", "points", "noise", "testFraction", "classes",
            "randomLabels", "labelNoise", "seed", "file", "task");
    private static final Set<String> NETWORK_KEYS = Set.of("features", "hidden", "activation", "init", "output", "bias");

    private final String source;
    private final Path folder;

    private final JsonInput in;

    private TrainConfigReader(String source, Path folder) {
        this.source = source;
        this.folder = folder;
        this.in = new JsonInput(source);
    }

    /** Reads a config file; a CSV data file is found relative to the config's folder. */
    public static TrainConfig read(Path file) throws InputException {
        return read(JsonInput.readText(file), file.toString(), file.toAbsolutePath().getParent());
    }

    /** Reads a config from text; {@code source} names it in messages, {@code folder} resolves data files. */
    public static TrainConfig read(String text, String source, Path folder) throws InputException {
        return new TrainConfigReader(source, folder).config(JsonInput.parse(text, source));
    }

    private InputException error(String path, String problem) {
        return in.error(path, problem);
    }

    private TrainConfig config(JsonNode root) throws InputException {
        in.header(root, "a training config", TrainConfig.FORMAT, ROOT_KEYS);
        String title = root.has("title") ? in.string(root.get("title"), "$.title") : "";
        String description = root.has("description") ? in.string(root.get("description"), "$.description") : "";
        long steps = in.integer(in.required(root, "$", "steps"), "$.steps", 0, MAX_STEPS);
        long seed = root.has("seed") ? in.integer(root.get("seed"), "$.seed", Long.MIN_VALUE, Long.MAX_VALUE) : 0;

        JsonNode dataNode = in.required(root, "$", "data");
        Dataset imported = null;
        DataSpec data = data(dataNode, seed);
        if (data.kind() == DataKind.CSV) {
            imported = csv(dataNode);
            data = new DataSpec(DataKind.CSV, imported.size(), 0, data.testFraction(), imported.classes(),
                    data.randomLabels(), data.labelNoise(), data.seed());
        }
        int classes = data.classCount();
        if (classes == 0 && data.labelNoise() > 0) {
            throw error("$.data.labelNoise", "label noise flips class labels; regression data has none (use noise)");
        }
        JsonNode netNode = root.has("network") ? root.get("network") : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        Architecture network = network(netNode, classes, data.kind() == DataKind.CURVE);
        Init init = netNode.has("init") ? choice(netNode.get("init"), "$.network.init", Init::of, "xavier, he, orthogonal") : Init.XAVIER;

        JsonNode runsNode = in.required(root, "$", "runs");
        if (!runsNode.isArray() || runsNode.isEmpty()) {
            throw error("$.runs", "must be a list of one or more runs, got " + Param.describe(runsNode));
        }
        List<RunSpec> runs = new ArrayList<>();
        for (int i = 0; i < runsNode.size(); i++) {
            runs.add(run(runsNode.get(i), "$.runs[" + i + "]", steps, network.parameterCount()));
        }
        TrainingOptions options = TrainingOptions.NONE;
        if (root.has("sharpness")) {
            options = options.withSharpness(sharpness(root.get("sharpness")));
        }
        return new TrainConfig(title, description, data, imported, network, init, steps, seed, runs, options);
    }

    /** {@code "sharpness": { "every": N, "iterations": K, "tolerance": ε }}: λmax recorded every N steps. */
    private TrainingOptions.SharpnessRecording sharpness(JsonNode node) throws InputException {
        String p = "$.sharpness";
        in.object(node, p, SHARPNESS_KEYS);
        long every = in.integer(in.required(node, p, "every"), p + ".every", 1, MAX_STEPS);
        int iterations = node.has("iterations")
                ? (int) in.integer(node.get("iterations"), p + ".iterations", 1, MAX_SHARPNESS_ITERATIONS) : Sharpness.DEFAULT_ITERATIONS;
        double tolerance = node.has("tolerance") ? in.numberIn(node.get("tolerance"), p + ".tolerance", 0, 1) : Sharpness.DEFAULT_TOLERANCE;
        return new TrainingOptions.SharpnessRecording(every, iterations, tolerance);
    }

    private DataSpec data(JsonNode node, long seed) throws InputException {
        String p = "$.data";
        if (!node.isObject()) {
            throw error(p, "must be an object { \"type\": ... }, got " + Param.describe(node));
        }
        in.unknownKeys(node, p, DATA_KEYS);
        DataKind kind = choice(in.required(node, p, "type"), p + ".type", DataKind::of,
                "spirals, moons, circles, xor, blobs, curve, csv");
        if (kind != DataKind.CSV) {
            for (String k : List.of("file", "task")) {
                if (node.has(k)) {
                    throw error(p + "." + k, "only CSV data (\"type\": \"csv\") has a " + k);
                }
            }
        } else {
            for (String k : List.of("points", "noise", "classes")) {
                if (node.has(k)) {
                    throw error(p + "." + k, "CSV data takes its points from the file; remove \"" + k + "\"");
                }
            }
        }
        if (kind != DataKind.BLOBS && node.has("classes")) {
            throw error(p + ".classes", "only blobs have a chosen number of classes");
        }
        int points = node.has("points") ? (int) in.integer(node.get("points"), p + ".points", 2, MAX_POINTS) : 400;
        double noise = node.has("noise") ? in.numberIn(node.get("noise"), p + ".noise", 0, 10) : 0.05;
        double test = node.has("testFraction") ? in.numberIn(node.get("testFraction"), p + ".testFraction", 0, 0.95) : 0.5;
        int classes = node.has("classes") ? (int) in.integer(node.get("classes"), p + ".classes", 2, 10) : 3;
        boolean random = node.has("randomLabels") && in.bool(node.get("randomLabels"), p + ".randomLabels");
        double labelNoise = node.has("labelNoise") ? in.numberIn(node.get("labelNoise"), p + ".labelNoise", 0, 1) : 0;
        long dataSeed = node.has("seed") ? in.integer(node.get("seed"), p + ".seed", Long.MIN_VALUE, Long.MAX_VALUE) : seed;
        if (kind != DataKind.CSV && Math.round(points * test) >= points) {
            throw error(p + ".testFraction", "leaves no training points out of " + points);
        }
        return new DataSpec(kind, kind == DataKind.CSV ? 0 : points, noise, test, kind == DataKind.BLOBS ? classes : 2,
                random, labelNoise, dataSeed);
    }

    private Dataset csv(JsonNode node) throws InputException {
        String file = in.string(in.required(node, "$.data", "file"), "$.data.file");
        boolean regression = false;
        if (node.has("task")) {
            String task = in.string(node.get("task"), "$.data.task");
            if (!task.equals("classification") && !task.equals("regression")) {
                throw error("$.data.task", "must be \"classification\" or \"regression\", got \"" + task + "\"");
            }
            regression = task.equals("regression");
        }
        Path path;
        try {
            path = folder == null ? Path.of(file) : folder.resolve(file);
        } catch (InvalidPathException e) {
            throw error("$.data.file", "not a file path: " + Param.describe(node.get("file")));
        }
        try {
            return DataCsv.read(path, regression);
        } catch (InputException e) {
            throw error("$.data.file", e.getMessage());
        }
    }

    private Architecture network(JsonNode node, int classes, boolean curve) throws InputException {
        String p = "$.network";
        if (!node.isObject()) {
            throw error(p, "must be an object, got " + Param.describe(node));
        }
        in.unknownKeys(node, p, NETWORK_KEYS);
        List<Feature> features = new ArrayList<>();
        if (node.has("features")) {
            JsonNode f = node.get("features");
            if (!f.isArray() || f.isEmpty()) {
                throw error(p + ".features", "must be a list of one or more features, got " + Param.describe(f));
            }
            for (int i = 0; i < f.size(); i++) {
                Feature feature = choice(f.get(i), p + ".features[" + i + "]", Feature::of,
                        "x1, x2, x1Squared, x2Squared, x1x2, sinX1, sinX2");
                if (features.contains(feature)) {
                    throw error(p + ".features[" + i + "]", "\"" + feature.id() + "\" is listed twice");
                }
                if (curve && feature.usesX2()) {
                    throw error(p + ".features[" + i + "]", "the curve is 1-D: its points have no x2");
                }
                features.add(feature);
            }
        } else {
            features = curve ? List.of(Feature.X1) : List.of(Feature.X1, Feature.X2);
        }
        int[] hidden = {8, 8};
        if (node.has("hidden")) {
            JsonNode h = node.get("hidden");
            if (!h.isArray() || h.size() > MAX_LAYERS) {
                throw error(p + ".hidden", "must be a list of up to " + MAX_LAYERS + " layer widths, got " + Param.describe(h));
            }
            hidden = new int[h.size()];
            for (int i = 0; i < h.size(); i++) {
                hidden[i] = (int) in.integer(h.get(i), p + ".hidden[" + i + "]", 1, MAX_WIDTH);
            }
        }
        Activation act = node.has("activation") ? choice(node.get("activation"), p + ".activation", Activation::of,
                "tanh, relu, leakyRelu, sigmoid, gelu, identity") : Activation.TANH;
        Output out = classes == 0 ? Output.LINEAR : classes == 2 ? Output.SIGMOID : Output.SOFTMAX;
        if (node.has("output")) {
            out = choice(node.get("output"), p + ".output", Output::of, "sigmoid, softmax, linear");
            if (classes == 0 && out != Output.LINEAR) {
                throw error(p + ".output", "regression data needs the \"linear\" output (MSE)");
            }
            if (out == Output.SIGMOID && classes != 2) {
                throw error(p + ".output", "\"sigmoid\" is for 2 classes; the data has " + classes + " (use \"softmax\")");
            }
        }
        boolean bias = !node.has("bias") || in.bool(node.get("bias"), p + ".bias");
        return new Architecture(features, hidden, act, out, out.units(classes), bias);
    }

    private RunSpec run(JsonNode node, String path, long steps, int weights) throws InputException {
        RunSpec run = new RunReader(in, false, MAX_STEPS, MAX_POINTS).read(node, path, steps);
        if (run.optimizer().type().equals("newton") && weights > Trainer.MAX_NEWTON_WEIGHTS) {
            throw error(path + ".optimizer.type", "Newton's method needs the Hessian of all " + weights
                    + " weights; it is offered for networks of at most " + Trainer.MAX_NEWTON_WEIGHTS);
        }
        return run;
    }

    private <T> T choice(JsonNode node, String path, Function<String, T> parse, String expected) throws InputException {
        String s = in.string(node, path);
        try {
            return parse.apply(s);
        } catch (IllegalArgumentException e) {
            throw error(path, "unknown value \"" + s + "\"; expected one of " + expected);
        }
    }
}
