package org.losslab.app.trainer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.losslab.engine.mlp.Activation;
import org.losslab.engine.mlp.Architecture;
import org.losslab.engine.mlp.Curriculum;
import org.losslab.engine.mlp.Darts;
import org.losslab.engine.mlp.DataSpec;
import org.losslab.engine.mlp.Dataset;
import org.losslab.engine.mlp.Feature;
import org.losslab.engine.mlp.HiddenBlock;
import org.losslab.engine.mlp.Init;
import org.losslab.engine.mlp.Output;
import org.losslab.engine.mlp.Trainer;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.mlp.TrainingOptions;
import org.losslab.engine.surface.Window;
import org.losslab.format.Palette;
import org.losslab.format.RunSpec;
import org.losslab.format.train.TrainConfig;

/**
 * The trainer's setup being edited on the FX thread: data, features, network, output and runs.
 * Every edit is checked whole, by the rules of a training file and the panel's own limits, before
 * it is taken; the answer is null, or the problem in one line (also reported), and a refused edit
 * leaves the setup as it was. Each setup taken is built into the {@link Training} it describes and
 * announced, so the session can start it over.
 */
public final class SetupEditor {
    /**
     * Longest training the panel takes: it keeps every step's figures for the charts (about 160 bytes
     * a step and run). Longer trainings are for {@code losslab train}, which streams a CSV.
     */
    public static final long MAX_STEPS = 200_000;

    private final Consumer<String> report;
    private final BiConsumer<Training, Window> accepted;
    private final ReadOnlyObjectWrapper<TrainConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private Setup setup;
    private Training training;
    private Window inputWindow;

    /**
     * @param report   told each problem, and "" when an edit is taken
     * @param accepted given the training and input window of each setup built (also when a refused
     *                 edit rebuilt the previous one: the training starts over as after any edit)
     * @throws IllegalArgumentException if {@code initial} is not a valid setup
     */
    public SetupEditor(Setup initial, Consumer<String> report, BiConsumer<Training, Window> accepted) {
        this.report = report;
        this.accepted = accepted;
        String problem = take(initial);
        if (problem != null) {
            throw new IllegalArgumentException("the initial training setup is invalid: " + problem);
        }
    }

    public ReadOnlyObjectProperty<TrainConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    public TrainConfig config() {
        return config.get();
    }

    /** The settings being edited (the last accepted ones). */
    public Setup current() {
        return setup;
    }

    /** The training of the current setup. */
    public Training training() {
        return training;
    }

    /** The input plane the boundary covers. */
    public Window inputWindow() {
        return inputWindow;
    }

    // ---- edits ----------------------------------------------------------------------------------

    /**
     * Takes every setting of a training config (docs/train-format.md: data, network, steps, seed and
     * runs).
     *
     * @param name the file's name, shown for imported points
     */
    public String load(TrainConfig c, String name) {
        return edit(Setup.of(c, name));
    }

    /** Replaces the data recipe (a CSV kind keeps the imported points). */
    public String setData(DataSpec d) {
        return edit(setup.withData(d));
    }

    /** Uses imported points (from {@code org.losslab.format.train.DataCsv}) as the data. */
    public String importData(Dataset points, String name) {
        return edit(setup.withImported(points, name));
    }

    public String setFeatures(List<Feature> f) {
        return f.isEmpty() ? fail("the network needs at least one input feature") : edit(setup.withFeatures(f));
    }

    public String setHidden(int[] widths) {
        for (int w : widths) {
            if (w < 1 || w > 1024) {
                return fail("hidden widths must be 1 to 1024, got " + w);
            }
        }
        return widths.length > 16 ? fail("at most 16 hidden layers") : edit(setup.withHidden(widths));
    }

    public String setActivation(Activation a) {
        return edit(setup.withActivation(a));
    }

    public String setOutput(Output o) {
        return edit(setup.withOutput(o));
    }

    public String setInit(Init i) {
        return edit(setup.withInit(i));
    }

    public String setSteps(long s) {
        return s < 1 || s > MAX_STEPS ? fail("steps must be 1 to " + MAX_STEPS + ", got " + s) : edit(setup.withSteps(s));
    }

    /** Normalization and dropout of the hidden layers. */
    public String setBlock(HiddenBlock b) {
        return b.equals(setup.block()) ? null : edit(setup.withBlock(b));
    }

    /** One seed for the points, the initial weights, minibatch order and noise. */
    public String setSeed(long s) {
        return edit(setup.withSeed(s));
    }

    /** What the training does besides the updates (sharpness recording, …). */
    public String setOptions(TrainingOptions o) {
        return edit(setup.withOptions(o));
    }

    /** Changes run i; null if accepted, else the problem (the run keeps its old settings). */
    public String editRun(int i, UnaryOperator<RunSpec> edit) {
        return edit(setup.withRun(i, edit));
    }

    /** Adds a copy of run {@code from} in the next colour, trained side by side from the same weights. */
    public String addRun(int from) {
        List<RunSpec> next = new ArrayList<>(setup.runs());
        next.add(setup.runs().get(from).withLabel(null).withColor(Palette.run(next.size())));
        return edit(setup.withRuns(next).withOptions(setup.options().withRunCopied(from, next.size() - 1)));
    }

    public String removeRun(int i) {
        if (setup.runs().size() < 2) {
            return fail("keep at least one run");
        }
        List<RunSpec> next = new ArrayList<>(setup.runs());
        next.remove(i);
        return edit(setup.withRuns(next).withOptions(setup.options().withRunRemoved(i)));
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** The legend label of run i: its own, else the optimizer type (numbered when two runs share it). */
    public String label(int i) {
        RunSpec r = setup.runs().get(i);
        if (r.label() != null) {
            return r.label();
        }
        String type = r.optimizer().type();
        long same = setup.runs().stream().filter(x -> x.label() == null && x.optimizer().type().equals(type)).count();
        return same > 1 ? type + " #" + (i + 1) : type;
    }

    public String color(int i) {
        RunSpec r = setup.runs().get(i);
        return r.color() != null ? r.color() : Palette.run(i);
    }

    // ---- checking -------------------------------------------------------------------------------

    private String fail(String problem) {
        report.accept(problem);
        return problem;
    }

    /** Takes {@code next} if it is valid; else builds the current setup again and says why not. */
    private String edit(Setup next) {
        String problem = take(next);
        if (problem != null) {
            take(setup);
            report.accept(problem);
        }
        return problem;
    }

    /** Builds the training of {@code next} and makes it current; null if valid, else the problem. */
    private String take(Setup next) {
        TrainConfig c;
        Training t;
        try {
            Architecture arch = next.network();
            if (next.steps() > MAX_STEPS) {
                return fail("the trainer panel keeps every step for its charts: at most " + MAX_STEPS + " steps, got "
                        + next.steps() + " (losslab train runs longer ones)");
            }
            c = next.config();
            t = c.training();
            if (t.data().train().size() == 0) {
                return fail("no training points: lower the test fraction or add points");
            }
            Darts.check(t.options());
            for (int r = 0; r < t.runs().size(); r++) {
                if (t.options().curriculum(r) != null && t.options().curriculum(r).by() == Curriculum.Score.CENTRE_DISTANCE
                        && t.data().train().classes() == 0) {
                    return fail("run " + (r + 1) + ": a curriculum by distance from the class centre needs class labels (use margin)");
                }
                if (t.options().kfac(r) != null) {
                    try {
                        Trainer.checkKfac(t.runs().get(r));
                        Trainer.checkKfac(arch);
                    } catch (IllegalArgumentException e) {
                        return fail("run " + (r + 1) + ": " + e.getMessage());
                    }
                }
                if (t.runs().get(r).optimizer().type().equals("newton") && arch.parameterCount() > Trainer.MAX_NEWTON_WEIGHTS) {
                    return fail("run " + (r + 1) + ": Newton's method needs the Hessian of all " + arch.parameterCount()
                            + " weights; it is offered for networks of at most " + Trainer.MAX_NEWTON_WEIGHTS);
                }
            }
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        report.accept("");
        setup = next;
        training = t;
        inputWindow = t.data().train().classes() == 0 ? curveWindow(t.data().train()) : Boundary.windowFor(t.data().train().bounds());
        config.set(c);
        accepted.accept(t, inputWindow);
        return null;
    }

    /** For a 1-D curve: x₁ across the data, ŷ across the targets (with room to spare). */
    private static Window curveWindow(Dataset d) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.size(); i++) {
            lo = Math.min(lo, d.y(i));
            hi = Math.max(hi, d.y(i));
        }
        double[] b = d.bounds();
        double pad = Math.max(0.1, 0.15 * (hi - lo));
        double xr = Math.max(1, Math.max(Math.abs(b[0]), Math.abs(b[1])) * 1.05);
        return new Window(-xr, xr, lo - pad, hi + pad);
    }
}
