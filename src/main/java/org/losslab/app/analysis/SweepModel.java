package org.losslab.app.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.losslab.app.model.JobThreads;
import org.losslab.app.model.LabModel;
import org.losslab.engine.analysis.Axis;
import org.losslab.engine.analysis.Sweep;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.engine.surface.Surface;
import org.losslab.format.InputException;
import org.losslab.format.OptimizerCatalog;
import org.losslab.format.Param;
import org.losslab.format.RunSpec;
import org.losslab.format.ScheduleCatalog;
import org.losslab.format.Schema;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.sweep.SweepKey;
import org.losslab.format.sweep.SweepSpec;
import org.losslab.io.Numbers;
import org.losslab.io.SweepCsv;
import org.losslab.render.PlotStyle;
import org.losslab.render.PngExport;
import org.losslab.render.SweepPainter;

/**
 * The sweep panel's state, free of nodes: which run and which two of its hyperparameters, their
 * ranges, what to colour by; the running job (all cores, progress, cancel) and the latest result,
 * partial while rows come in. The sweep is checked by the same rules as a sweep file
 * ({@link SweepSpec#checked}), so a bad range is one message naming the axis, never a crash.
 */
public final class SweepModel extends StudyModel<SweepResult> {
    /** Sweep sides the panel offers by default: a few seconds on a laptop for thousands of steps. */
    static final int DEFAULT_COUNT = 48;
    /** How often a partial heatmap is shown while rows come in. */
    private static final long PARTIAL_NANOS = 150_000_000L;

    private final LabModel lab;

    private final IntegerProperty run = new SimpleIntegerProperty(this, "run");
    private final StringProperty xKey = new SimpleStringProperty(this, "xKey", "optimizer.lr");
    private final StringProperty yKey = new SimpleStringProperty(this, "yKey", "optimizer.momentum");
    private final DoubleProperty xFrom = new SimpleDoubleProperty(this, "xFrom", 1e-3);
    private final DoubleProperty xTo = new SimpleDoubleProperty(this, "xTo", 1);
    private final DoubleProperty yFrom = new SimpleDoubleProperty(this, "yFrom", 0);
    private final DoubleProperty yTo = new SimpleDoubleProperty(this, "yTo", 0.99);
    private final IntegerProperty xCount = new SimpleIntegerProperty(this, "xCount", DEFAULT_COUNT);
    private final IntegerProperty yCount = new SimpleIntegerProperty(this, "yCount", DEFAULT_COUNT);
    private final BooleanProperty xLog = new SimpleBooleanProperty(this, "xLog", true);
    private final BooleanProperty yLog = new SimpleBooleanProperty(this, "yLog", false);
    private final ObjectProperty<SweepResult.Measure> measure =
            new SimpleObjectProperty<>(this, "measure", SweepResult.Measure.FINAL_LOSS);
    /** A cell "reaches" at loss ≤ tolerance; NaN (or −∞): not tracked. */
    private final DoubleProperty tolerance = new SimpleDoubleProperty(this, "tolerance", 1e-6);

    private SweepSpec spec;
    private Sweep sweep;
    private Surface surface;
    private Sweep.SweepJob running;
    private long lastPartial;
    private long startedAt;

    /**
     * @param threads where the sweep runs (a cell per task, {@code threads.threads()} tasks)
     * @param publish hands updates to the FX thread
     */
    public SweepModel(LabModel lab, JobThreads threads, Consumer<Runnable> publish) {
        super(threads, publish, "");
        this.lab = lab;
    }

    // ---- the form -------------------------------------------------------------------------------

    public IntegerProperty runProperty() {
        return run;
    }

    public StringProperty xKeyProperty() {
        return xKey;
    }

    public StringProperty yKeyProperty() {
        return yKey;
    }

    public DoubleProperty xFromProperty() {
        return xFrom;
    }

    public DoubleProperty xToProperty() {
        return xTo;
    }

    public DoubleProperty yFromProperty() {
        return yFrom;
    }

    public DoubleProperty yToProperty() {
        return yTo;
    }

    public IntegerProperty xCountProperty() {
        return xCount;
    }

    public IntegerProperty yCountProperty() {
        return yCount;
    }

    public BooleanProperty xLogProperty() {
        return xLog;
    }

    public BooleanProperty yLogProperty() {
        return yLog;
    }

    public ObjectProperty<SweepResult.Measure> measureProperty() {
        return measure;
    }

    public DoubleProperty toleranceProperty() {
        return tolerance;
    }

    // ---- state ----------------------------------------------------------------------------------





    /** The sweep behind {@link #resultProperty()}, or null. */
    public SweepSpec spec() {
        return spec;
    }

    Surface surface() {
        return surface;
    }

    Sweep sweep() {
        return sweep;
    }

    // ---- keys and ranges ------------------------------------------------------------------------

    /** The hyperparameters of a run that a sweep can vary, in the order a menu shows them. */
    public static List<String> keys(RunSpec r) {
        List<String> out = new ArrayList<>();
        for (Param p : OptimizerCatalog.schema(r.optimizer().type()).params()) {
            if (p.kind() == Param.Kind.NUMBER || p.kind() == Param.Kind.INTEGER) {
                out.add("optimizer." + p.name());
            }
        }
        if (r.schedule() != null) {
            for (Param p : ScheduleCatalog.schema(r.schedule().type()).params()) {
                if (p.kind() == Param.Kind.NUMBER || p.kind() == Param.Kind.INTEGER) {
                    out.add("schedule." + p.name());
                }
            }
        }
        for (String k : SweepKey.RUN_KEYS) {
            try {
                SweepKey.resolve(k, r);
                out.add(k);
            } catch (IllegalArgumentException e) {
                // lookahead.*, swa.*, gradientEstimator.*: only on a run that has the object
            }
        }
        return out;
    }

    /** The help text of a key, for its tooltip. */
    public static String help(String key, RunSpec r) {
        Param p = param(key, r);
        if (p != null) {
            return p.help();
        }
        return switch (key) {
            case "warmupSteps" -> "updates over which the learning rate ramps up linearly from 0";
            case "noiseTemperature" -> "Langevin temperature T: each update adds √(2ηT)·ξ, ξ standard normal";
            case "samRho" -> "SAM radius ρ: the gradient is taken at θ + ρ·∇f/‖∇f‖ (0: off)";
            case "clipNorm" -> "gradients longer than this are scaled down to it";
            case "batchSize" -> "examples per minibatch gradient (finite-sum surfaces)";
            case "start.x", "start.y" -> "the run's start point coordinate";
            case "lossScale" -> "static loss scale S of a low-precision run with master weights: the gradient of S·loss "
                    + "is rounded, then divided by S in float64";
            default -> key;
        };
    }

    private static Param param(String key, RunSpec r) {
        if (key.startsWith("lookahead.") || key.startsWith("swa.") || key.startsWith("gradientEstimator.")) {
            Schema m = key.startsWith("lookahead.") ? org.losslab.format.MethodOptions.LOOKAHEAD
                    : key.startsWith("swa.") ? org.losslab.format.MethodOptions.SWA : org.losslab.format.MethodOptions.ES;
            return m.param(key.substring(key.indexOf('.') + 1)).orElse(null);
        }
        if (key.equals("clipValue") || key.equals("l1") || key.equals("l2")) {
            return org.losslab.format.RunOptions.SCHEMA.param(key).orElse(null);
        }
        Schema s = key.startsWith("optimizer.") ? OptimizerCatalog.schema(r.optimizer().type())
                : key.startsWith("schedule.") && r.schedule() != null ? ScheduleCatalog.schema(r.schedule().type()) : null;
        return s == null ? null : s.param(key.substring(key.indexOf('.') + 1)).orElse(null);
    }

    /** The run's current value of a key, or NaN when it has none (derived or unset). */
    static double current(String key, RunSpec r, Scenario s) {
        try {
            if (key.startsWith("optimizer.")) {
                return OptimizerCatalog.schema(r.optimizer().type()).number(r.optimizer(), key.substring(10), Double.NaN);
            }
            if (key.startsWith("schedule.")) {
                return ScheduleCatalog.schema(r.schedule().type()).number(r.schedule(), key.substring(9), Double.NaN);
            }
        } catch (RuntimeException e) {
            return Double.NaN;
        }
        return switch (key) {
            case "warmupSteps" -> r.warmupSteps();
            case "noiseTemperature" -> r.noiseTemperature();
            case "samRho" -> r.samRho();
            case "clipNorm" -> r.clipNorm() == null ? Double.NaN : r.clipNorm();
            case "batchSize" -> r.batchSize() == null ? Double.NaN : r.batchSize();
            case "clipValue" -> r.methods().clipValue() == null ? Double.NaN : r.methods().clipValue();
            case "l1" -> r.methods().l1();
            case "l2" -> r.methods().l2();
            case "lookahead.k", "lookahead.alpha", "swa.start", "swa.swaLr", "gradientEstimator.sigma",
                 "gradientEstimator.population" -> methodValue(key, r);
            case "start.x" -> r.start() != null ? r.start().x() : s.start().x();
            case "start.y" -> r.start() != null ? r.start().y() : s.start().y();
            case "lossScale" -> r.precision() == null ? 1 : r.precision().scale();
            default -> Double.NaN;
        };
    }

    /** The value of an object key of the run's methods (its default when not given), or NaN. */
    private static double methodValue(String key, RunSpec r) {
        var m = r.methods();
        String name = key.substring(key.indexOf('.') + 1);
        org.losslab.format.Typed t = key.startsWith("lookahead.") ? m.lookahead() : key.startsWith("swa.") ? m.swa()
                : m.gradientEstimator();
        Param p = param(key, r);
        if (t == null || p == null) {
            return Double.NaN;
        }
        Object v = t.params().containsKey(name) ? t.params().get(name) : p.defaultValue();
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * Puts a sensible range on axis x (or y) for {@code key}: two decades either side of a positive
     * learning-rate-like value on a log scale, else the parameter's allowed interval (or ±1 around
     * the current value) on a linear one.
     */
    public void suggestRange(boolean onX, String key) {
        Scenario s = lab.scenario();
        RunSpec r = s.runs().get(Math.min(run.get(), s.runs().size() - 1));
        double v = current(key, r, s);
        Param p = param(key, r);
        double lo, hi;
        boolean log;
        boolean bounded = p != null && Double.isFinite(p.max()) && p.max() <= 1;
        if (key.startsWith("start.")) {
            double w = key.equals("start.x") ? s.viewOrDefault(s.buildSurface()).width() : s.viewOrDefault(s.buildSurface()).height();
            lo = v - w / 2;
            hi = v + w / 2;
            log = false;
        } else if (v > 0 && !bounded) {
            lo = v / 100;
            hi = v * 100;
            if (p != null && Double.isFinite(p.max())) {
                hi = Math.min(hi, p.max());
            }
            log = true;
        } else {
            lo = p != null && Double.isFinite(p.min()) ? Math.max(0, p.min()) : 0;
            hi = p != null && Double.isFinite(p.max()) ? (p.maxOpen() ? p.max() * 0.99 : p.max()) : (v > 0 ? 2 * v : 1);
            if (key.equals("noiseTemperature") || key.equals("samRho")) {
                hi = 0.5;
            }
            log = false;
        }
        if (p != null && p.kind() == Param.Kind.INTEGER || key.equals("warmupSteps") || key.equals("batchSize")) {
            lo = Math.max(Math.rint(lo), key.equals("batchSize") ? 1 : 0);
            hi = Math.max(Math.rint(hi), lo + 1);
        }
        (onX ? xKey : yKey).set(key);
        (onX ? xFrom : yFrom).set(lo);
        (onX ? xTo : yTo).set(hi);
        (onX ? xLog : yLog).set(log);
    }

    /** Sets both axes to defaults for the chosen run: learning rate × momentum when it has both. */
    public void suggestAxes() {
        Scenario s = lab.scenario();
        run.set(Math.max(0, Math.min(run.get(), s.runs().size() - 1)));
        List<String> keys = keys(s.runs().get(run.get()));
        String x = keys.contains("optimizer.lr") ? "optimizer.lr" : keys.get(0);
        String y = keys.contains("optimizer.momentum") ? "optimizer.momentum"
                : keys.stream().filter(k -> !k.equals(x) && !k.startsWith("start.")).findFirst().orElse("noiseTemperature");
        suggestRange(true, x);
        suggestRange(false, y);
    }

    // ---- running ----------------------------------------------------------------------------------

    /**
     * The sweep the form describes on the current scenario, checked like a file.
     *
     * @throws InputException naming the axis field and what is wrong
     */
    public SweepSpec describe() throws InputException {
        Scenario s = lab.scenario();
        Axis x, y;
        try {
            x = new Axis(xKey.get(), xFrom.get(), xTo.get(), xCount.get(), xLog.get(), false);
        } catch (IllegalArgumentException e) {
            throw new InputException("sweep", "$.x", e.getMessage());
        }
        try {
            y = new Axis(yKey.get(), yFrom.get(), yTo.get(), yCount.get(), yLog.get(), false);
        } catch (IllegalArgumentException e) {
            throw new InputException("sweep", "$.y", e.getMessage());
        }
        double tol = Double.isFinite(tolerance.get()) ? tolerance.get() : Double.NEGATIVE_INFINITY;
        if (measure.get() == SweepResult.Measure.STEPS_TO_TOLERANCE && !Double.isFinite(tolerance.get())) {
            throw new InputException("sweep", "$.tolerance", "colouring by steps to tolerance needs a tolerance");
        }
        return SweepSpec.checked(new SweepSpec("", s, run.get(), x, y, tol, measure.get()), "sweep");
    }

    /**
     * Fills the form with a sweep file's grid (its scenario must be the one shown, as a lesson page
     * puts it there): the run, both axes, the colouring and the tolerance.
     */
    public void load(SweepSpec s) {
        run.set(s.run());
        xKey.set(s.x().key());
        yKey.set(s.y().key());
        xFrom.set(s.x().from());
        xTo.set(s.x().to());
        xCount.set(s.x().count());
        xLog.set(s.x().log());
        yFrom.set(s.y().from());
        yTo.set(s.y().to());
        yCount.set(s.y().count());
        yLog.set(s.y().log());
        measure.set(s.measure());
        tolerance.set(Double.isFinite(s.tolerance()) ? s.tolerance() : Double.NaN);
    }

    /**
     * Starts the sweep the form describes (cancelling one still running).
     *
     * @return null when started, else the one-line problem (also in {@link #messageProperty()})
     */
    public String start() {
        SweepSpec sp;
        try {
            sp = describe();
        } catch (InputException e) {
            message.set(e.getMessage());
            return e.getMessage();
        }
        Surface surf = sp.scenario().buildSurface();
        Sweep sw = sp.sweep(surf);
        Sweep.SweepJob j = sw.job();
        spec = sp;
        sweep = sw;
        surface = surf;
        running = j;
        lastPartial = 0;
        startedAt = System.nanoTime();
        result.set(null);
        int cells = sp.x().count() * sp.y().count();
        message.set(String.format("Sweeping %,d runs of %,d steps on %d threads…", cells, sp.scenario().steps(), job.threads()));
        job.start(j::run, () -> {
            long now = System.nanoTime();
            if (running == j && now - lastPartial > PARTIAL_NANOS) {
                lastPartial = now;
                result.set(j.snapshot());
            }
        }, r -> {
            running = null;
            result.set(r);
            message.set(String.format("%,d runs in %.1f s; %,d diverged. Click a cell to load its run.", cells,
                    (System.nanoTime() - startedAt) / 1e9, r.divergedCount()));
        }, problem -> {
            running = null;
            message.set("The sweep failed: " + problem);
        });
        return null;
    }

    /** Stops the sweep; the rows done so far stay on screen. */
    public void cancel() {
        if (!job.isRunning()) {
            return;
        }
        Sweep.SweepJob j = running;
        job.cancel();
        running = null;
        if (j != null) {
            SweepResult partial = j.snapshot();
            result.set(partial);
            int rows = 0;
            for (int k = 0; k < partial.height(); k++) {
                rows += partial.rowDone(k) ? 1 : 0;
            }
            message.set("Cancelled with " + rows + " of " + partial.height() + " rows done.");
        }
    }

    /**
     * Loads the run of cell (i, j) into the main view: the scenario with that run's two values set,
     * the run selected.
     *
     * @return null when loaded, else why not
     */
    public String loadCell(int i, int j) {
        SweepResult r = result.get();
        if (spec == null || r == null || !r.rowDone(j)) {
            return "that row is not computed";
        }
        String problem = lab.edit(s -> spec.cellScenario(i, j));
        if (problem == null) {
            lab.selectedProperty().set(spec.run());
            message.set("Loaded " + cellText(i, j));
        } else {
            message.set("Could not load the cell: " + problem);
        }
        return problem;
    }

    /** The two values and the outcome of a cell, in words. */
    public String cellText(int i, int j) {
        SweepResult r = result.get();
        if (spec == null || r == null) {
            return "";
        }
        String where = spec.x().key() + " = " + Numbers.format(r.x().value(i)) + ", " + spec.y().key() + " = "
                + Numbers.format(r.y().value(j));
        if (!r.rowDone(j)) {
            return where + ": not computed yet";
        }
        if (r.diverged(i, j)) {
            return where + ": diverged at step " + r.divergedAt(i, j);
        }
        String reached = r.reachedAt(i, j) >= 0 ? ", reached " + Numbers.format(r.tolerance()) + " at step " + r.reachedAt(i, j) : "";
        return where + ": final loss " + Numbers.format(r.finalLoss(i, j)) + reached;
    }

    public void exportCsv(Path file) throws IOException {
        SweepCsv.write(requireResult(), file);
    }

    /** The heatmap as a PNG in the colours of {@code style} (the theme's). */
    public void exportPng(Path file, PlotStyle style) throws IOException {
        PngExport.sweep(new SweepPainter.Scene(requireResult(), measure.get(), spec.title(), surface, sweep.cell(0, 0)), style,
                file);
    }

    private SweepResult requireResult() throws IOException {
        SweepResult r = result.get();
        if (r == null) {
            throw new IOException("there is no sweep to export yet");
        }
        return r;
    }
}
