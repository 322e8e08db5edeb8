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
import org.losslab.engine.mlp.EarlyStopping;
import org.losslab.engine.mlp.Feature;
import org.losslab.engine.mlp.Curriculum;
import org.losslab.engine.mlp.Darts;
import org.losslab.engine.mlp.HiddenBlock;
import org.losslab.engine.mlp.Init;
import org.losslab.engine.mlp.Kfac;
import org.losslab.engine.mlp.McDropout;
import org.losslab.engine.mlp.Normalization;
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
    /** Most updates of a margin curriculum's reference model. */
    public static final long MAX_REFERENCE_STEPS = 100_000;

    private static final Set<String> ROOT_KEYS =
            Set.of("format", "title", "description", "data", "network", "steps", "seed", "runs", "sharpness",
                    "mcDropout", "whiten", "darts", "earlyStopping", "ensemble");
    private static final Set<String> ENSEMBLE_KEYS = Set.of("members");
    /** Most members of a deep ensemble. */
    public static final int MAX_MEMBERS = 16;
    private static final Set<String> EARLY_STOPPING_KEYS = Set.of("patience", "every", "minDelta");
    private static final Set<String> MC_DROPOUT_KEYS = Set.of("passes");
    /** Most stochastic passes of MC dropout. */
    public static final int MAX_MC_PASSES = 1000;
    private static final Set<String> DARTS_KEYS = Set.of("alphaLr", "validationFraction", "architecture");
    private static final Set<String> KFAC_KEYS = Set.of("damping", "decay", "inverseEvery");
    private static final Set<String> CURRICULUM_KEYS = Set.of("by", "start", "rampSteps", "referenceSteps");
    /** A training run's keys besides {@link RunReader#KEYS}. */
    private static final List<String> TRAIN_RUN_KEYS = List.of("kfac", "curriculum");
    private static final Set<String> SHARPNESS_KEYS = Set.of("every", "iterations", "tolerance");
    private static final Set<String> DATA_KEYS = Set.of("type", "points", "noise", "testFraction", "classes",
            "randomLabels", "labelNoise", "seed", "file", "task");
    private static final Set<String> NETWORK_KEYS = Set.of("features", "hidden", "activation", "init", "output", "bias",
            "normalization", "dropout");
    /** The highest dropout rate a config may ask for. */
    public static final double MAX_DROPOUT = 0.95;

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
        int trainPoints = data.points() - (int) Math.round(data.points() * data.testFraction());
        TrainingOptions options = TrainingOptions.NONE;
        for (int i = 0; i < runsNode.size(); i++) {
            JsonNode r = runsNode.get(i);
            String path = "$.runs[" + i + "]";
            runs.add(run(withoutTrainKeys(r), path, steps, network.parameterCount()));
            if (network.block().normalization() == Normalization.BATCH) {
                batchNormBatches(runs.get(i), path, trainPoints);
            }
            if (r.isObject() && r.has("kfac")) {
                if (!network.block().isPlain()) {
                    throw error(path + ".kfac", "K-FAC's Kronecker factors are those of a plain MLP; remove \"normalization\" "
                            + "and \"dropout\" from $.network or remove \"kfac\"");
                }
                options = options.withKfac(i, kfac(r.get("kfac"), path, runs.get(i)));
            }
            if (r.isObject() && r.has("curriculum")) {
                options = options.withCurriculum(i, curriculum(r.get("curriculum"), path, steps, classes));
            }
        }
        if (root.has("sharpness") && !network.block().isPlain()) {
            throw error("$.sharpness", "the sharpness is measured on plain networks; remove \"normalization\" and \"dropout\" "
                    + "from $.network or remove \"sharpness\"");
        }
        if (root.has("sharpness")) {
            options = options.withSharpness(sharpness(root.get("sharpness")));
        }
        if (root.has("earlyStopping")) {
            options = options.withEarlyStopping(earlyStopping(root.get("earlyStopping"), data));
        }
        if (root.has("ensemble")) {
            String p = "$.ensemble";
            in.object(root.get("ensemble"), p, ENSEMBLE_KEYS);
            options = options.withEnsemble((int) in.integer(in.required(root.get("ensemble"), p, "members"), p + ".members", 2,
                    MAX_MEMBERS));
            if (Math.round(data.points() * data.testFraction()) == 0) {
                throw error(p, "an ensemble is compared with its members on the test set; the data has none (raise $.data.testFraction)");
            }
        }
        if (root.has("mcDropout")) {
            options = options.withMcDropout(mcDropout(root.get("mcDropout"), network));
        }
        if (root.has("darts")) {
            options = options.withDarts(darts(root.get("darts"), network, options));
        }
        if (root.has("whiten")) {
            options = options.withWhiten(whiten(root.get("whiten"), data, imported));
        }
        return new TrainConfig(title, description, data, imported, network, init, steps, seed, runs, options);
    }

    /** {@code "earlyStopping": { "patience": P, "every": N, "minDelta": δ }}: stop on the test loss. */
    private EarlyStopping earlyStopping(JsonNode node, DataSpec data) throws InputException {
        String p = "$.earlyStopping";
        in.object(node, p, EARLY_STOPPING_KEYS);
        int patience = (int) in.integer(in.required(node, p, "patience"), p + ".patience", 1, MAX_STEPS);
        long every = node.has("every") ? in.integer(node.get("every"), p + ".every", 1, MAX_STEPS) : 1;
        double minDelta = node.has("minDelta") ? in.numberIn(node.get("minDelta"), p + ".minDelta", 0, 1e9) : 0;
        if (Math.round(data.points() * data.testFraction()) == 0) {
            throw error(p, "early stopping watches the test loss; the data has no test set (raise $.data.testFraction)");
        }
        return new EarlyStopping(patience, every, minDelta);
    }

    /** {@code "mcDropout": { "passes": T }}: predict by T stochastic passes with dropout on. */
    private int mcDropout(JsonNode node, Architecture network) throws InputException {
        String p = "$.mcDropout";
        in.object(node, p, MC_DROPOUT_KEYS);
        if (network.block().dropout() == 0) {
            throw error(p, "MC dropout needs dropout: set $.network.dropout above 0");
        }
        return node.has("passes") ? (int) in.integer(node.get("passes"), p + ".passes", 2, MAX_MC_PASSES) : McDropout.DEFAULT_PASSES;
    }

    /**
     * Batch normalization in training mode needs two or more examples in every batch (torch refuses
     * one: its variance is undefined), the last, smaller batch of each epoch included.
     */
    private void batchNormBatches(RunSpec run, String path, int trainPoints) throws InputException {
        int b = run.batchSize() == null ? 0 : run.batchSize();
        boolean full = b <= 0 || b >= trainPoints;
        if (full ? trainPoints < 2 : trainPoints % b == 1) {
            throw error(full ? "$.data" : path + ".batchSize", full
                    ? "batch normalization needs at least 2 training points, the data leaves " + trainPoints
                    : "batch normalization needs at least 2 examples in every batch; " + trainPoints
                            + " training points in batches of " + b + " leave a last batch of 1");
        }
    }

    /**
     * {@code "whiten": true}: PCA whitening of the input points. Refused where it cannot make a
     * covariance of I: training points that all coincide (checked on the split the config makes).
     */
    private boolean whiten(JsonNode node, DataSpec data, Dataset imported) throws InputException {
        boolean w = in.bool(node, "$.whiten");
        if (w) {
            try {
                org.losslab.engine.mlp.Whitening.fit((imported != null ? data.split(imported) : data.split()).train());
            } catch (IllegalArgumentException e) {
                throw error("$.whiten", e.getMessage());
            }
        }
        return w;
    }

    /**
     * {@code "darts": { "alphaLr": η_α, "validationFraction": f }} searches each hidden layer's
     * activation; {@code "architecture": ["tanh", …]} instead trains that choice (the retraining).
     */
    private Darts darts(JsonNode node, Architecture network, TrainingOptions options) throws InputException {
        String p = "$.darts";
        in.object(node, p, DARTS_KEYS);
        int hidden = network.layerCount() - 1;
        if (hidden == 0) {
            throw error(p, "DARTS chooses the hidden layers' activations; the network has no hidden layer");
        }
        if (!network.block().isPlain()) {
            throw error(p, "DARTS mixes the activations of a plain MLP; remove \"normalization\" and \"dropout\" from "
                    + "$.network to use DARTS");
        }
        if (options.sharpness() != null) {
            throw error(p, "the sharpness is measured with one activation per network; remove \"sharpness\" to use DARTS");
        }
        if (!options.kfac().isEmpty()) {
            throw error(p, "K-FAC's factors are made for one activation per network; remove the runs' \"kfac\" to use DARTS");
        }
        if (!node.has("architecture") && !options.curriculum().isEmpty()) {
            throw error(p, "a curriculum ranks the whole training set, which a DARTS search splits in two; remove the runs' \"curriculum\"");
        }
        if (node.has("architecture")) {
            for (String k : List.of("alphaLr", "validationFraction")) {
                if (node.has(k)) {
                    throw error(p + "." + k, "a given architecture is retrained, not searched; remove \"" + k + "\"");
                }
            }
            JsonNode a = node.get("architecture");
            if (!a.isArray() || a.size() != hidden) {
                throw error(p + ".architecture", "must be a list of " + hidden + " activations, one per hidden layer, got "
                        + Param.describe(a));
            }
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                String name = in.string(a.get(i), p + ".architecture[" + i + "]");
                int k = Darts.CANDIDATES.stream().map(Activation::id).toList().indexOf(name);
                if (k < 0) {
                    throw error(p + ".architecture[" + i + "]", "unknown value \"" + name + "\"; expected one of tanh, relu, sigmoid, identity");
                }
                chosen.add(k);
            }
            return new Darts(Darts.DEFAULT_ALPHA_LR, Darts.DEFAULT_VALIDATION_FRACTION, chosen);
        }
        double lr = node.has("alphaLr") ? in.number(node.get("alphaLr"), p + ".alphaLr", 0, true) : Darts.DEFAULT_ALPHA_LR;
        double f = node.has("validationFraction")
                ? in.numberIn(node.get("validationFraction"), p + ".validationFraction", 0.05, 0.95) : Darts.DEFAULT_VALIDATION_FRACTION;
        return Darts.search(lr, f);
    }

    /** A run without the keys only training runs have ({@code kfac}, {@code curriculum}): those are read here, the rest by {@link RunReader}. */
    private static JsonNode withoutTrainKeys(JsonNode run) {
        if (!run.isObject() || TRAIN_RUN_KEYS.stream().noneMatch(run::has)) {
            return run;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) run).deepCopy();
        copy.remove(TRAIN_RUN_KEYS);
        return copy;
    }

    /** A run's {@code "curriculum": { "by": …, "start": f₀, "rampSteps": T, "referenceSteps": R }}: its batches easy to hard. */
    private Curriculum.Settings curriculum(JsonNode node, String run, long steps, int classes) throws InputException {
        String p = run + ".curriculum";
        in.object(node, p, CURRICULUM_KEYS);
        Curriculum.Score by = choice(in.required(node, p, "by"), p + ".by", Curriculum.Score::of, "centreDistance, margin");
        if (by == Curriculum.Score.CENTRE_DISTANCE && classes == 0) {
            throw error(p + ".by", "the distance from the class centre needs class labels; regression data has none (use \"margin\")");
        }
        double start = node.has("start") ? in.numberIn(node.get("start"), p + ".start", 0, 1) : Curriculum.Settings.DEFAULT_START;
        if (start == 0) {
            throw error(p + ".start", "must be > 0: the first pool needs an example");
        }
        long ramp = node.has("rampSteps") ? in.integer(node.get("rampSteps"), p + ".rampSteps", 1, MAX_STEPS) : Math.max(1, steps / 2);
        if (by != Curriculum.Score.MARGIN && node.has("referenceSteps")) {
            throw error(p + ".referenceSteps", "only the \"margin\" curriculum trains a reference model");
        }
        long reference = by != Curriculum.Score.MARGIN ? 0 : node.has("referenceSteps")
                ? in.integer(node.get("referenceSteps"), p + ".referenceSteps", 1, MAX_REFERENCE_STEPS) : Curriculum.Settings.DEFAULT_REFERENCE_STEPS;
        return new Curriculum.Settings(by, start, ramp, reference);
    }

    /** A run's {@code "kfac": { "damping": γ, "decay": ε, "inverseEvery": k }}: its gradient preconditioned by K-FAC. */
    private Kfac.Settings kfac(JsonNode node, String run, RunSpec spec) throws InputException {
        String p = run + ".kfac";
        in.object(node, p, KFAC_KEYS);
        double damping = node.has("damping") ? in.number(node.get("damping"), p + ".damping", 0, true) : Kfac.Settings.DEFAULT_DAMPING;
        if (damping > 1e6) {
            throw error(p + ".damping", "must be at most 1e6, got " + org.losslab.io.Numbers.plain(damping));
        }
        double decay = node.has("decay") ? in.numberIn(node.get("decay"), p + ".decay", 0, 0.9999) : Kfac.Settings.DEFAULT_DECAY;
        int every = node.has("inverseEvery")
                ? (int) in.integer(node.get("inverseEvery"), p + ".inverseEvery", 1, 1_000_000) : Kfac.Settings.DEFAULT_INVERSE_EVERY;
        try {
            Trainer.checkKfac(spec.toRunSettings(null));
        } catch (IllegalArgumentException e) {
            throw error(p, e.getMessage());
        }
        return new Kfac.Settings(damping, decay, every);
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
        Normalization norm = node.has("normalization") ? choice(node.get("normalization"), p + ".normalization",
                Normalization::of, "none, batch, layer") : Normalization.NONE;
        double dropout = node.has("dropout") ? in.numberIn(node.get("dropout"), p + ".dropout", 0, MAX_DROPOUT) : 0;
        for (String k : List.of("normalization", "dropout")) {
            if (node.has(k) && hidden.length == 0 && (k.equals("dropout") ? dropout > 0 : norm != Normalization.NONE)) {
                throw error(p + "." + k, k + " acts between hidden layers; \"hidden\" is empty");
            }
        }
        return new Architecture(features, hidden, act, out, out.units(classes), bias, new HiddenBlock(norm, dropout));
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
