package org.losslab.app.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.losslab.app.trainer.model.Setup;
import org.losslab.app.trainer.model.SetupEditor;
import org.losslab.engine.mlp.Activation;
import org.losslab.engine.mlp.DataKind;
import org.losslab.engine.mlp.DataSpec;
import org.losslab.engine.mlp.EarlyStopping;
import org.losslab.engine.mlp.Feature;
import org.losslab.engine.mlp.HiddenBlock;
import org.losslab.engine.mlp.Init;
import org.losslab.engine.mlp.Normalization;
import org.losslab.engine.mlp.Output;
import org.losslab.format.Param;
import org.losslab.format.Schema;
import org.losslab.format.Typed;
import org.losslab.format.train.TrainConfigReader;

/**
 * The trainer's settings described as schemas, so the app's generated {@code ParamForm} edits them
 * with a tooltip of help, range and default on every one, and the conversions between the forms'
 * values and the view model. Names follow docs/train-format.md.
 */
final class SetupSchemas {
    static final Schema DATA = new Schema("data", "Data", "the points, their noise and the train/test split",
            List.of(Param.choice("type", "spirals", List.of("spirals", "moons", "circles", "xor", "blobs", "curve", "csv"),
                            "Dataset: two spirals, two moons, two circles, XOR quadrants, Gaussian blobs (k classes), a 1-D curve y = sin(πx) to regress, or the imported CSV."),
                    Param.integer("points", 600L, 4, 100_000, "Number of points, training and test together."),
                    Param.nonNegative("noise", 0.02, "σ of the Gaussian noise added to each coordinate (to the target of the curve)."),
                    Param.number("testFraction", 0.5, 0, false, 0.9,
                            "Share of the points held out as the test set; the rest are trained on."),
                    Param.integer("classes", 3L, 2, 6, "Number of Gaussian blobs (classes) for the blobs dataset."),
                    Param.bool("randomLabels", false,
                            "Replace every label with a random class (Zhang et al. 2017): a big network still fits the training set, and the test loss shows it learned nothing."),
                    Param.number("labelNoise", 0.0, 0, false, 1, "Probability that a training label is flipped to another class."),
                    Param.integer("seed", 1L, Long.MIN_VALUE, Long.MAX_VALUE,
                            "One seed for the points, the split, the initial weights, minibatch order and noise: the same seed trains the same way.")));

    static final Schema FEATURES = new Schema("features", "Features", "the inputs the first layer sees",
            List.of(Param.bool("x1", true, "x₁, the first coordinate."),
                    Param.bool("x2", true, "x₂, the second coordinate."),
                    Param.bool("x1Squared", false, "x₁²: with x₂², a single unit can draw a circle."),
                    Param.bool("x2Squared", false, "x₂²."),
                    Param.bool("x1x2", false, "x₁·x₂: separates XOR with one unit."),
                    Param.bool("sinX1", false, "sin x₁."),
                    Param.bool("sinX2", false, "sin x₂.")));

    static final Schema NETWORK = new Schema("network", "Network", "hidden layers, activation and initialization",
            List.of(Param.integerList("hidden",
                            "Widths of the hidden layers, e.g. 12, 12 (empty: a linear or logistic model)."),
                    Param.choice("activation", "tanh", List.of("tanh", "relu", "leakyRelu", "sigmoid", "gelu", "identity"),
                            "Hidden nonlinearity σ, as torch.nn: tanh, ReLU, LeakyReLU (slope 0.01), sigmoid, GELU (erf), identity (a deep linear network)."),
                    Param.choice("init", "xavier", List.of("xavier", "he", "orthogonal"),
                            "Initial weights: Xavier uniform √(6/(fan_in+fan_out)), He normal √(2/fan_in), or orthogonal; biases start at 0."),
                    Param.choice("normalization", "none", List.of("none", "batch", "layer"),
                            "Between each hidden layer's linear map and its activation: batch normalization (each unit standardized over the batch, running statistics for evaluation, as torch.nn.BatchNorm1d), layer normalization (each example standardized over the layer's units), or none. Both learn a scale γ and shift β per unit."),
                    Param.number("dropout", 0.0, 0, false, TrainConfigReader.MAX_DROPOUT,
                            "Dropout rate p: in training each hidden activation is zeroed with probability p and the rest scaled by 1/(1−p) (inverted dropout); off in evaluation."),
                    Param.integer("mcDropout", 0L, 0, TrainConfigReader.MAX_MC_PASSES,
                            "MC dropout (needs dropout): 0 draws the evaluation-mode prediction; T ≥ 2 draws the mean of T passes with dropout kept on, and behind its decision boundary the spread of those passes, the network's uncertainty (Gal & Ghahramani 2016).")));

    static final Schema OUTPUT = new Schema("output", "Output", "output layer, loss and training length",
            List.of(Param.choice("output", "sigmoid", List.of("sigmoid", "softmax", "linear"),
                            "sigmoid + binary cross-entropy (2 classes), softmax + cross-entropy (k classes), or linear + mean squared error (regression)."),
                    Param.integer("steps", 2000L, 1, SetupEditor.MAX_STEPS,
                            "Updates per run; also the horizon of cosine, linear and one-cycle schedules."),
                    Param.integer("patience", 0L, 0, SetupEditor.MAX_STEPS,
                            "Early stopping: stop a run after this many checks of the test loss without improvement and restore the weights of its best check (the boundary shows them; the curves mark the stop). 0: off."),
                    Param.integer("checkEvery", 1L, 1, SetupEditor.MAX_STEPS,
                            "Early stopping: steps between checks of the test loss.")));

    private SetupSchemas() {
    }

    /** The first number of {@code t} outside its parameter's range, as "name: must be …", or null. */
    static String outOfRange(Schema schema, Typed t) {
        for (Param p : schema.params()) {
            Object v = t.params().get(p.name());
            if (v instanceof Number n && (p.kind() == Param.Kind.NUMBER || p.kind() == Param.Kind.INTEGER)) {
                double x = n.doubleValue();
                boolean low = p.minOpen() ? !(x > p.min()) : !(x >= p.min());
                if (low || x > p.max()) {
                    return p.name() + ": must be " + p.rangeText() + ", got " + org.losslab.io.Numbers.format(x);
                }
            }
        }
        return null;
    }

    /** Checks ranges, then applies. */
    static java.util.function.Function<Typed, String> checked(Schema schema, java.util.function.Function<Typed, String> apply) {
        return t -> {
            String p = outOfRange(schema, t);
            return p != null ? p : apply.apply(t);
        };
    }

    static Typed data(Setup s) {
        DataSpec d = s.data();
        return new Typed("data", Map.of()).with("type", d.kind().id()).with("points", (long) d.points()).with("noise", d.noise())
                .with("testFraction", d.testFraction()).with("classes", (long) Math.max(2, d.classes()))
                .with("randomLabels", d.randomLabels()).with("labelNoise", d.labelNoise()).with("seed", s.seed());
    }

    static String applyData(SetupEditor m, Typed t) {
        Setup s = m.current();
        DataKind kind = DataKind.of((String) DATA.get(t, "type"));
        if (kind == DataKind.CSV && s.importedName() == null) {
            return "type: import a CSV file of x1,x2,label first";
        }
        long seed = DATA.integer(t, "seed");
        if (seed != s.seed()) {
            return m.setSeed(seed);
        }
        int points = kind == DataKind.CSV ? s.data().points() : (int) DATA.integer(t, "points");
        int classes = kind == DataKind.CSV ? s.data().classes() : (int) DATA.integer(t, "classes");
        try {
            return m.setData(new DataSpec(kind, points, DATA.number(t, "noise"), DATA.number(t, "testFraction"), classes,
                    DATA.bool(t, "randomLabels"), kind == DataKind.CURVE ? 0 : DATA.number(t, "labelNoise"), seed));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static Typed features(Setup s) {
        Typed t = new Typed("features", Map.of());
        for (Feature f : Feature.values()) {
            t = t.with(f.id(), s.features().contains(f));
        }
        return t;
    }

    static String applyFeatures(SetupEditor m, Typed t) {
        List<Feature> fs = new ArrayList<>();
        for (Feature f : Feature.values()) {
            if (FEATURES.bool(t, f.id())) {
                fs.add(f);
            }
        }
        return m.setFeatures(fs);
    }

    static Typed network(Setup s) {
        List<Long> widths = new ArrayList<>();
        for (int w : s.hidden()) {
            widths.add((long) w);
        }
        return new Typed("network", Map.of()).with("hidden", List.copyOf(widths)).with("activation", s.activation().id())
                .with("init", s.init().id()).with("normalization", s.block().normalization().id()).with("dropout", s.block().dropout())
                .with("mcDropout", (long) s.options().mcDropout());
    }

    static String applyNetwork(SetupEditor m, Typed t) {
        Object h = t.params().get("hidden");
        List<?> list = h instanceof List<?> l ? l : List.of();
        int[] widths = new int[list.size()];
        for (int i = 0; i < widths.length; i++) {
            long w = ((Number) list.get(i)).longValue();
            if (w < 1 || w > 1024) {
                return "hidden: widths must be 1 to 1024, got " + w;
            }
            widths[i] = (int) w;
        }
        HiddenBlock block = new HiddenBlock(Normalization.of((String) NETWORK.get(t, "normalization")), NETWORK.number(t, "dropout"));
        int passes = (int) NETWORK.integer(t, "mcDropout");
        // MC dropout off and a plain block first, so that dropping dropout or emptying "hidden" with them is one accepted edit.
        String p = passes == 0 && m.current().options().mcDropout() > 0 ? m.setOptions(m.current().options().withMcDropout(0)) : null;
        if (p == null && block.isPlain()) {
            p = m.setBlock(block);
        }
        if (p == null) {
            p = m.setHidden(widths);
        }
        if (p == null) {
            p = m.setActivation(Activation.of((String) NETWORK.get(t, "activation")));
        }
        if (p == null) {
            p = m.setInit(Init.of((String) NETWORK.get(t, "init")));
        }
        if (p == null && !block.isPlain()) {
            p = m.setBlock(block);
        }
        if (p == null && passes == 1) {
            p = "mcDropout: a spread needs at least 2 passes (0 turns MC dropout off)";
        }
        if (p == null && passes != m.current().options().mcDropout()) {
            p = m.setOptions(m.current().options().withMcDropout(passes));
        }
        return p;
    }

    static Typed output(Setup s) {
        EarlyStopping es = s.options().earlyStopping();
        return new Typed("output", Map.of()).with("output", s.output().id()).with("steps", s.steps())
                .with("patience", es == null ? 0L : (long) es.patience()).with("checkEvery", es == null ? 1L : es.every());
    }

    static String applyOutput(SetupEditor m, Typed t) {
        int classes = m.current().data().classCount();
        Output o = Output.of((String) OUTPUT.get(t, "output"));
        if (!Setup.outputsFor(classes).contains(o)) {
            return "output: " + o.id() + " does not fit " + (classes == 0 ? "regression data (use linear)"
                    : classes + " classes (sigmoid needs exactly 2)");
        }
        String p = m.setOutput(o);
        p = p != null ? p : m.setSteps(OUTPUT.integer(t, "steps"));
        long patience = OUTPUT.integer(t, "patience");
        EarlyStopping es = patience == 0 ? null : new EarlyStopping((int) patience, OUTPUT.integer(t, "checkEvery"), 0);
        if (p == null && !java.util.Objects.equals(es, m.current().options().earlyStopping())) {
            p = m.setOptions(m.current().options().withEarlyStopping(es));
        }
        return p;
    }
}
