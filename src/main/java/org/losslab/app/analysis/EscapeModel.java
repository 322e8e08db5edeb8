package org.losslab.app.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.losslab.app.model.JobThreads;
import org.losslab.app.model.LabModel;
import org.losslab.engine.Progress;
import org.losslab.engine.analysis.Escape;
import org.losslab.engine.analysis.EscapeResult;
import org.losslab.engine.surface.DoubleWell;
import org.losslab.format.InputException;
import org.losslab.format.RunSpec;
import org.losslab.format.Typed;
import org.losslab.format.escape.EscapeSpec;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;
import org.losslab.io.EscapeCsv;
import org.losslab.io.Numbers;
import org.losslab.render.PlotStyle;
import org.losslab.render.PngExport;

/**
 * The escape panel's state, free of nodes: Langevin SGD (θ ← θ − η∇f + √(2ηT)·ξ) started at the
 * bottom of the sharp and/or the flat well of the double well, many seeds at each of several
 * temperatures; the running study (all cores, progress, cancel) and its results. The surface is
 * the open scenario's when it is a double well, else the standard one.
 */
public final class EscapeModel extends StudyModel<EscapeModel.Study> {
    /** The double well the study uses when the open scenario is on another surface. */
    static final String STANDARD = """
            { "format": "losslab-scenario/1", "title": "Double well: a sharp and a flat minimum of equal depth",
              "surface": { "type": "doubleWell" }, "start": [-1.5, 0], "steps": 20000, "seed": 1,
              "runs": [ { "label": "Langevin SGD", "optimizer": { "type": "sgd", "lr": 0.02 } } ] }
            """;

    private final LabModel lab;

    private final StringProperty temperatures = new SimpleStringProperty(this, "temperatures", "0.23, 0.19, 0.16, 0.14, 0.125");
    private final IntegerProperty seeds = new SimpleIntegerProperty(this, "seeds", 128);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 20000);
    private final DoubleProperty lr = new SimpleDoubleProperty(this, "lr", 0.02);
    private final BooleanProperty sharp = new SimpleBooleanProperty(this, "sharp", true);
    private final BooleanProperty flat = new SimpleBooleanProperty(this, "flat", true);

    /** A finished study: its spec and one result per well, in the spec's order. */
    public record Study(EscapeSpec spec, List<EscapeResult> results) {
        public Study {
            results = List.copyOf(results);
        }
    }


    /**
     * @param threads where the study's runs go ({@code threads.threads()} tasks per well)
     * @param publish hands updates to the FX thread
     */
    public EscapeModel(LabModel lab, JobThreads threads, Consumer<Runnable> publish) {
        super(threads, publish, "");
        this.lab = lab;
    }

    /** Temperatures T &gt; 0, separated by commas or spaces. */
    public StringProperty temperaturesProperty() {
        return temperatures;
    }

    /** Runs per well and temperature. */
    public IntegerProperty seedsProperty() {
        return seeds;
    }

    /** Updates per run (the horizon). */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** η, the time step of the Langevin dynamics. */
    public DoubleProperty lrProperty() {
        return lr;
    }

    public BooleanProperty sharpProperty() {
        return sharp;
    }

    public BooleanProperty flatProperty() {
        return flat;
    }





    /**
     * The study the form describes, checked by the rules of an escape file.
     *
     * @throws InputException naming the field and what is wrong
     */
    public EscapeSpec describe() throws InputException {
        String[] parts = temperatures.get().trim().split("[,;\\s]+");
        if (temperatures.get().isBlank() || parts.length > EscapeSpec.MAX_TEMPERATURES) {
            throw new InputException("escape", "$.temperatures", "give 1 to " + EscapeSpec.MAX_TEMPERATURES + " temperatures");
        }
        double[] t = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                t[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new InputException("escape", "$.temperatures[" + i + "]", "\"" + parts[i] + "\" is not a number");
            }
            if (!(t[i] > 0) || !Double.isFinite(t[i])) {
                throw new InputException("escape", "$.temperatures[" + i + "]", "must be > 0, got " + parts[i]);
            }
        }
        if (seeds.get() < 1 || seeds.get() > EscapeSpec.MAX_SEEDS) {
            throw new InputException("escape", "$.seeds", "must be from 1 to " + EscapeSpec.MAX_SEEDS + ", got " + seeds.get());
        }
        if (steps.get() < 1) {
            throw new InputException("escape", "$.steps", "must be at least 1, got " + steps.get());
        }
        List<String> wells = new ArrayList<>();
        if (sharp.get()) {
            wells.add("sharp");
        }
        if (flat.get()) {
            wells.add("flat");
        }
        if (wells.isEmpty()) {
            throw new InputException("escape", "$.wells", "pick the sharp well, the flat well or both");
        }
        Scenario base = lab.scenario() != null && lab.scenario().surface().type().equals("doubleWell") ? lab.scenario()
                : ScenarioReader.read(STANDARD, "standard double well");
        if (!((DoubleWell) base.buildSurface()).hasTwoMinima()) {
            throw new InputException("escape", "$.scenario.surface", "these parameters merge the two wells into one minimum: there is no barrier to escape over");
        }
        Scenario s = ScenarioReader.validate(base.withSteps(steps.get())
                .withRuns(List.of(RunSpec.of("Langevin SGD", Typed.of("sgd").with("lr", lr.get())))), "escape");
        return new EscapeSpec("Escape from the double well's minima (Langevin SGD, η = " + Numbers.format(lr.get()) + ")", s, 0,
                wells, t, seeds.get());
    }

    /** Starts the study; returns null, or the one-line problem (also in {@link #messageProperty()}). */
    public String start() {
        EscapeSpec spec;
        try {
            spec = describe();
        } catch (InputException e) {
            message.set(e.getMessage());
            return e.getMessage();
        }
        return start(spec);
    }

    /**
     * Starts a study given whole (a lesson page's escape file, which may use any run of its scenario,
     * SAM included), showing its settings in the form.
     */
    public String start(EscapeSpec spec) {
        temperatures.set(String.join(", ", java.util.Arrays.stream(spec.temperatures()).mapToObj(Numbers::format).toList()));
        seeds.set(spec.seeds());
        steps.set((int) Math.min(Integer.MAX_VALUE, spec.scenario().steps()));
        lr.set(spec.scenario().runs().get(spec.run()).toRunSettings(spec.scenario().start()).optimizer().lr());
        sharp.set(spec.wells().contains("sharp"));
        flat.set(spec.wells().contains("flat"));
        boolean own = lab.scenario() != null && lab.scenario().surface().type().equals("doubleWell");
        long t0 = System.nanoTime();
        long runs = (long) spec.wells().size() * spec.temperatures().length * spec.seeds();
        message.set(String.format("Running %,d runs of %,d steps%s…", runs, spec.scenario().steps(),
                own ? "" : " on the standard double well"));
        result.set(null);
        job.start((pool, threads, cancel, progress) -> {
            List<EscapeResult> out = new ArrayList<>();
            int wells = spec.wells().size();
            for (int k = 0; k < wells; k++) {
                int well = k;
                Progress p = (d, total) -> progress.update(well * total + d, wells * total);
                Escape e = spec.escape(spec.wells().get(k));
                EscapeResult r = e.run(pool, threads, cancel, p);
                if (r == null) {
                    return null;
                }
                out.add(r);
            }
            return new Study(spec, out);
        }, () -> { }, study -> {
            result.set(study);
            message.set(String.format("%,d runs in %.1f s%s. %s", runs, (System.nanoTime() - t0) / 1e9,
                    own ? "" : " on the standard double well", summary(study)));
        }, problem -> message.set("The study failed: " + problem));
        return null;
    }

    public void cancel() {
        if (job.isRunning()) {
            job.cancel();
            message.set("Cancelled.");
        }
    }

    /** The fitted barrier beside the true one, per well. */
    public static String summary(Study s) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < s.results().size(); k++) {
            EscapeResult r = s.results().get(k);
            EscapeResult.Arrhenius fit = r.arrhenius();
            b.append(k > 0 ? "; " : "").append(s.spec().wells().get(k)).append(" well: fitted ΔE = ")
                    .append(fit == null ? "— (too few escapes)" : Numbers.format(round(fit.barrier())))
                    .append(", true ΔE = ").append(Numbers.format(round(r.trueBarrier())));
        }
        return b.toString();
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
    }

    public void exportCsv(Path file) throws IOException {
        Study s = require();
        EscapeCsv.write(s.spec().wells(), s.results(), file);
    }

    /** The study's picture as a PNG in the colours of {@code style} (the theme's). */
    public void exportPng(Path file, PlotStyle style) throws IOException {
        Study s = require();
        PngExport.escape(s.spec(), s.results(), style, file);
    }

    private Study require() throws IOException {
        Study s = result.get();
        if (s == null) {
            throw new IOException("there is no escape study to export yet");
        }
        return s;
    }
}
