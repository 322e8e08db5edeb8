package org.losslab.app.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.format.InputException;
import org.losslab.format.Palette;
import org.losslab.format.Point;
import org.losslab.format.RunSpec;
import org.losslab.format.Typed;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;
import org.losslab.format.scenario.ScenarioWriter;
import org.losslab.render.ContourField;
import org.losslab.render.PlotScenes;

/**
 * The app's state, free of nodes: the current scenario (immutable; every edit makes a new one,
 * checked by the same rules as a file), the latest computed trajectories, the contour field of the
 * window, the selected run, which runs are hidden, and the file. Recomputation runs in the
 * background, latest request wins; results arrive through {@code publish} (the FX thread).
 */
public final class LabModel {
    /**
     * The most points the app keeps of one run: 2¹⁷. A longer run is kept through a uniform stride
     * that doubles when full ({@link Trajectory#bounded}: step 0, the last point and the divergence
     * point always kept), so it holds 2¹⁶ to 2¹⁷ points, 48 bytes each (8 more per traced channel):
     * about 6.3 MB a run whatever its steps. Why 2¹⁷: the steps slider reaches 100,000 and every
     * sample and lesson is shorter, so every race made with the slider or shipped keeps every point
     * and looks exactly as before; only a typed-in length above 131,071 steps is thinned, and then to
     * at least 16 points per pixel column of a 4K-wide plot, more than a path or a chart can show.
     * The CSV export re-runs the scenario, so it still has every row.
     */
    public static final int KEPT_POINTS = 1 << 17;

    /**
     * Points (runs × kept points per run) the app keeps in memory, 48 bytes each: 240 MB. A race of
     * more runs is for {@code losslab run --csv}, which streams its rows.
     */
    public static final long MAX_LIVE_POINTS = 5_000_000L;

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<ContourField> field = new ReadOnlyObjectWrapper<>(this, "field");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<List<Boolean>> hidden = new ReadOnlyObjectWrapper<>(this, "hidden", List.of());
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", 0);
    private final BooleanProperty linked = new SimpleBooleanProperty(this, "linked", false);
    private final Playback playback = new Playback();

    private final LatestWins<Snapshot> simulations;
    private final LatestWins<ContourField> fields;
    private final Executor pool;
    private FieldKey fieldKey;
    /** Contour grid nodes asked for by the view; null until it has a size (no work for a guess). */
    private int[] gridSize;

    private record FieldKey(Typed surface, Window view, int nx, int ny) {
    }

    /**
     * @param worker  runs one recomputation at a time (the coordinator)
     * @param pool    runs the runs of a simulation in parallel
     * @param publish hands results to the FX thread
     */
    public LabModel(Executor worker, Executor pool, Consumer<Runnable> publish) {
        this.pool = pool;
        this.simulations = new LatestWins<>(worker, publish, this::updateComputing);
        // Contours on the pool, so a new surface shows its paths and its contours without one waiting for the other.
        this.fields = new LatestWins<>(pool, publish, this::updateComputing);
        selected.addListener((o, a, b) -> {
            Scenario s = scenario.get();
            if (s != null && (b.intValue() < 0 || b.intValue() >= s.runs().size())) {
                selected.set(Math.max(0, Math.min(s.runs().size() - 1, b.intValue())));
            }
        });
    }

    // ---- properties -------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public Scenario scenario() {
        return scenario.get();
    }

    /** The trajectories of the latest completed computation (may lag the scenario while dragging). */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyObjectProperty<ContourField> fieldProperty() {
        return field.getReadOnlyProperty();
    }

    /** True while background work runs or waits. */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /** The last rejected edit, as "where: what", or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Boolean>> hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    public boolean isHidden(int run) {
        List<Boolean> h = hidden.get();
        return run < h.size() && h.get(run);
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public int selected() {
        return selected.get();
    }

    /** When true, the sliders act on every run, else on the selected one. */
    public BooleanProperty linkedProperty() {
        return linked;
    }

    public Playback playback() {
        return playback;
    }

    // ---- whole scenarios -----------------------------------------------------------------------

    /** Opens a scenario file; on bad input the current scenario stays and the exception says why. */
    public void open(Path path) throws InputException {
        Scenario s = ScenarioReader.read(path);
        String tooBig = tooBig(s);
        if (tooBig != null) {
            throw new InputException(path.toString(), "$.steps", tooBig);
        }
        replace(s, path);
    }

    /** Shows a scenario that did not come from a file (the built-in default). */
    public void show(Scenario s) {
        replace(s, null);
    }

    private void replace(Scenario s, Path from) {
        hidden.set(Collections.nCopies(s.runs().size(), false));
        file.set(from);
        dirty.set(false);
        error.set("");
        scenario.set(s);
        selected.set(0);
        playback.pause();
        playback.setLast(s.steps());
        playback.seek(s.steps());
        recompute();
    }

    /** Saves atomically to {@code path}, which becomes the scenario's file. */
    public void save(Path path) throws IOException {
        ScenarioWriter.write(scenario.get(), path);
        file.set(path);
        dirty.set(false);
    }

    // ---- edits -------------------------------------------------------------------------------

    /**
     * Applies an edit if the result is a valid scenario.
     *
     * @return null when applied, else "where: what" (also in {@link #errorProperty()})
     */
    public String edit(UnaryOperator<Scenario> change) {
        Scenario next;
        try {
            next = ScenarioReader.validate(change.apply(scenario.get()), "edit");
        } catch (InputException e) {
            error.set(e.where() + ": " + e.problem());
            return error.get();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return error.get();
        }
        String tooBig = tooBig(next);
        if (tooBig != null) {
            error.set("$.steps: " + tooBig);
            return error.get();
        }
        error.set("");
        if (!next.equals(scenario.get())) {
            scenario.set(next);
            dirty.set(true);
            playback.setLast(next.steps());
            recompute();
        }
        return null;
    }

    /** Why the app cannot hold this scenario's trajectories, or null. */
    static String tooBig(Scenario s) {
        long points = s.runs().size() * Math.min(s.steps() + 1, KEPT_POINTS);
        if (points <= MAX_LIVE_POINTS) {
            return null;
        }
        return s.runs().size() + " runs × " + s.steps() + " steps are more points than the app keeps ("
                + MAX_LIVE_POINTS / 1_000_000 + " million); use fewer runs or steps, or losslab run --csv";
    }

    /** Edits run i. */
    public String editRun(int i, UnaryOperator<RunSpec> change) {
        return edit(s -> s.withRun(i, change.apply(s.runs().get(i))));
    }

    /** Edits the selected run, or every run when {@link #linkedProperty() linked}. */
    public String editActiveRuns(UnaryOperator<RunSpec> change) {
        if (!linked.get()) {
            return editRun(selected.get(), change);
        }
        return edit(s -> s.withRuns(s.runs().stream().map(change).toList()));
    }

    public String moveStart(double x, double y) {
        return edit(s -> s.withStart(new Point(x, y)));
    }

    /** Adds a run like the selected one, in the next free palette colour, and selects it. */
    public void addRun() {
        Scenario s = scenario.get();
        RunSpec base = s.runs().get(selected.get());
        String label = base.optimizer().type() + " " + (s.runs().size() + 1);
        insertRun(base.withLabel(label).withColor(freeColor(s)));
    }

    public void duplicateRun(int i) {
        Scenario s = scenario.get();
        RunSpec r = s.runs().get(i);
        insertRun(r.withLabel(r.displayLabel() + " copy").withColor(freeColor(s)));
    }

    private void insertRun(RunSpec r) {
        Scenario s = scenario.get();
        List<RunSpec> runs = new ArrayList<>(s.runs());
        runs.add(r);
        List<Boolean> h = new ArrayList<>(hidden.get());
        h.add(false);
        if (edit(x -> x.withRuns(runs)) == null) {
            hidden.set(List.copyOf(h));
            selected.set(runs.size() - 1);
        }
    }

    /** Removes run i (a scenario keeps at least one run). */
    public void removeRun(int i) {
        Scenario s = scenario.get();
        if (s.runs().size() <= 1) {
            return;
        }
        List<RunSpec> runs = new ArrayList<>(s.runs());
        runs.remove(i);
        List<Boolean> h = new ArrayList<>(hidden.get());
        h.remove(i);
        int sel = selected.get();
        hidden.set(List.copyOf(h));
        edit(x -> x.withRuns(runs));
        selected.set(Math.min(sel > i ? sel - 1 : sel, runs.size() - 1));
    }

    public void setHidden(int i, boolean hide) {
        List<Boolean> h = new ArrayList<>(hidden.get());
        h.set(i, hide);
        hidden.set(List.copyOf(h));
    }

    private static String freeColor(Scenario s) {
        for (String c : Palette.RUNS) {
            boolean used = false;
            for (int i = 0; i < s.runs().size(); i++) {
                used |= s.runs().get(i).displayColor(i).equalsIgnoreCase(c);
            }
            if (!used) {
                return c;
            }
        }
        return Palette.run(s.runs().size());
    }

    // ---- background work ------------------------------------------------------------------------

    /** The view asks for a contour grid of this many nodes. */
    public void requestGrid(int nx, int ny) {
        if (gridSize == null || nx != gridSize[0] || ny != gridSize[1]) {
            gridSize = new int[] {nx, ny};
            recomputeField();
        }
    }

    private void recompute() {
        Scenario s = scenario.get();
        Snapshot before = snapshot.get();
        computing.set(true);
        simulations.submit(cancel -> {
            long t0 = System.nanoTime();
            Surface surface = s.buildSurface();
            List<Trajectory> tr = s.simulation(surface).run(pool, cancel, i -> unchanged(before, s, i), KEPT_POINTS);
            return tr == null ? null : new Snapshot(s, surface, tr, System.nanoTime() - t0);
        }, snapshot::set);
        recomputeField();
    }

    /**
     * Run i's trajectory in {@code before} if {@code now} computes the same one: the same run at the
     * same index (its noise and minibatches follow the index) in a scenario equal apart from its
     * runs. A slider acting on the selected run then recomputes that run only.
     */
    static Trajectory unchanged(Snapshot before, Scenario now, int i) {
        if (before == null || i >= before.scenario().runs().size() || before.trajectory(i) == null) {
            return null;
        }
        Scenario was = before.scenario();
        RunSpec r = now.runs().get(i);
        return r.equals(was.runs().get(i)) && was.withRuns(List.of(r)).equals(now.withRuns(List.of(r)))
                ? before.trajectory(i) : null;
    }

    /**
     * Points 0 … k + 1 of run {@code run} of {@code snap}, every one of them (what the narration of
     * update k replays): the kept trajectory when it holds every point, else the run computed again
     * from its start, on the calling thread, and stopped soon after step k + 1 (the same run bit for
     * bit: its scenario, surface and random streams are the snapshot's). Null when there is no such
     * run.
     */
    public static Trajectory everyPointUpTo(Snapshot snap, int run, long k) {
        return everyPointUpTo(snap, run, k, Cancellation.NEVER);
    }

    /** As {@link #everyPointUpTo(Snapshot, int, long)}; null also when {@code cancel} stopped the run first. */
    public static Trajectory everyPointUpTo(Snapshot snap, int run, long k, Cancellation cancel) {
        Trajectory kept = snap == null ? null : snap.trajectory(run);
        if (kept == null || kept.complete()) {
            return kept;
        }
        Scenario s = snap.scenario();
        long until = Math.max(0, Math.min(k + 1, s.steps()));
        // Room for the steps to the engine's next cancellation poll, where the run stops (up to 1,023 more).
        Trajectory prefix = new Trajectory(until + 1025);
        s.simulation(snap.surface()).runOne(run, prefix, () -> prefix.size() > until || cancel.isCancelled());
        return prefix.size() > until ? prefix : null;
    }

    private void recomputeField() {
        Scenario s = scenario.get();
        if (s == null || gridSize == null) {
            return;
        }
        FieldKey key = new FieldKey(s.surface(), s.view(), gridSize[0], gridSize[1]);
        if (key.equals(fieldKey)) {
            return;
        }
        fieldKey = key;
        computing.set(true);
        int nx = key.nx, ny = key.ny;
        fields.submit(cancel -> {
            Surface surface = s.buildSurface();
            return ContourField.compute(surface, s.viewOrDefault(surface), nx, ny, 0, PlotScenes.BANDS, cancel);
        }, f -> {
            if (Objects.equals(fieldKey, key)) {
                field.set(f);
            }
        });
    }

    private void updateComputing() {
        computing.set(simulations.active() || fields.active());
    }
}
