package org.losslab.app.trainer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.losslab.engine.Cancellation;
import org.losslab.engine.mlp.Activation;
import org.losslab.engine.mlp.Architecture;
import org.losslab.engine.mlp.DataKind;
import org.losslab.engine.mlp.DataSpec;
import org.losslab.engine.mlp.Dataset;
import org.losslab.engine.mlp.Feature;
import org.losslab.engine.mlp.Init;
import org.losslab.engine.mlp.LossSlice;
import org.losslab.engine.mlp.Network;
import org.losslab.engine.mlp.Output;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.mlp.Trainer;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Window;
import org.losslab.format.Palette;
import org.losslab.format.RunSpec;
import org.losslab.format.Typed;
import org.losslab.format.train.TrainConfig;
import org.losslab.render.ContourField;
import org.losslab.render.PlotScenes;

/**
 * The network trainer's view model: the setup being edited (an immutable {@link TrainConfig}), the
 * training itself on a background thread, and what the views draw — per-run curves, the decision
 * boundary of the shown run, and landscape slices.
 *
 * <p>Threads: the FX thread edits and reads; one worker thread owns the {@link Trainer}s and steps
 * them; a second one drives slice computations over a pool. Every command the FX thread gives
 * (play, step, reset, a new setup) is queued on the worker, so trainers are never touched by two
 * threads; the FX thread never waits. The worker publishes immutable {@link TrainSnapshot}s and
 * {@link Boundary} rasters through {@code publish}; each new setup or reset starts a new
 * generation, and results of an older one are dropped on arrival.
 */
public final class TrainerModel {
    /**
     * Longest training the panel takes: it keeps every step's figures for the charts (about 160 bytes
     * a step and run). Longer trainings are for {@code losslab train}, which streams a CSV.
     */
    public static final long MAX_STEPS = 200_000;
    /** Most weight vectors kept per run for PCA and the projected path. */
    static final int MAX_RECORDED = 400;
    /** Updates per second while playing, unless changed: slow enough to watch the boundary form. */
    public static final int DEFAULT_SPEED = 250;
    /** Training time between two publications while playing, so the FX thread gets ~30 frames/s. */
    private static final long CHUNK_NANOS = 30_000_000L;

    private final Executor worker, sliceDriver, slicePool;
    private final Consumer<Runnable> publish;

    // ---- the setup (FX thread) ---------------------------------------------------------------
    private DataSpec data = new DataSpec(DataKind.SPIRALS, 600, 0.02, 0.5, 3, false, 0, 1);
    private Dataset imported;
    private String importedName;
    private List<Feature> features = List.of(Feature.X1, Feature.X2);
    private int[] hidden = {12, 12};
    private Activation activation = Activation.TANH;
    private Output output = Output.SIGMOID;
    private Init init = Init.XAVIER;
    private boolean bias = true;
    private long steps = 2000;
    private long seed = 1;
    private List<RunSpec> runs = List.of(run(0, new Typed("adam", Map.of("lr", 0.02)), null, 0));

    private final ReadOnlyObjectWrapper<TrainConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Training training;
    private Window inputWindow;

    // ---- training state as published (FX thread) --------------------------------------------
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper(this, "step");
    /** Bumped whenever curves, weights or the boundary change: views repaint on the next pulse. */
    private final ReadOnlyLongWrapper frame = new ReadOnlyLongWrapper(this, "frame");
    private final ReadOnlyObjectWrapper<Boundary> boundary = new ReadOnlyObjectWrapper<>(this, "boundary");
    private final ReadOnlyObjectWrapper<Integer> shown = new ReadOnlyObjectWrapper<>(this, "shownRun", 0);
    private List<RunCurves> curves = List.of();

    // ---- worker side --------------------------------------------------------------------------
    private final AtomicInteger generation = new AtomicInteger();
    /** Play speed limit in updates per second, 0 for as fast as the machine goes. */
    private volatile int stepsPerSecond = DEFAULT_SPEED;
    private final AtomicBoolean play = new AtomicBoolean();
    private final AtomicInteger shownOnWorker = new AtomicInteger();
    private final ConcurrentLinkedQueue<Row> rows = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Boundary> latestBoundary = new AtomicReference<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private Session session;
    /** When the worker last computed a boundary and how long it took (worker thread only). */
    private long lastBoundary, boundaryCost;

    // ---- slices -------------------------------------------------------------------------------
    private final ReadOnlyDoubleWrapper sliceProgress = new ReadOnlyDoubleWrapper(this, "sliceProgress", 0);
    private final ReadOnlyBooleanWrapper sliceRunning = new ReadOnlyBooleanWrapper(this, "sliceRunning");
    private final ReadOnlyObjectWrapper<SliceResult> slice = new ReadOnlyObjectWrapper<>(this, "slice");
    private final AtomicReference<AtomicBoolean> sliceCancel = new AtomicReference<>(new AtomicBoolean());
    private final AtomicInteger sliceRequest = new AtomicInteger();

    private record Row(int generation, int run, TrainSnapshot snapshot, boolean finished) {
    }

    /** The worker's trainers of one generation. */
    private static final class Session {
        final int generation;
        final Training training;
        final List<Trainer> trainers = new ArrayList<>();
        final Network net;
        final Window window;
        final int classes;

        Session(int generation, Training training, Window window) {
            this.generation = generation;
            this.training = training;
            this.window = window;
            for (int r = 0; r < training.runs().size(); r++) {
                trainers.add(training.trainer(r));
            }
            this.net = new Network(training.architecture());
            this.classes = training.data().train().classes();
        }

        boolean finished(Trainer t) {
            return t.diverged() || t.step() >= training.steps();
        }

        boolean allFinished() {
            return trainers.stream().allMatch(this::finished);
        }
    }

    /**
     * @param worker      steps the trainers (must run one task at a time)
     * @param sliceDriver runs slice computations one at a time (waits on {@code slicePool})
     * @param slicePool   computes the rows of a slice in parallel
     * @param publish     runs results on the FX thread, e.g. {@code Platform::runLater}
     */
    public TrainerModel(Executor worker, Executor sliceDriver, Executor slicePool, Consumer<Runnable> publish) {
        this.worker = worker;
        this.sliceDriver = sliceDriver;
        this.slicePool = slicePool;
        this.publish = publish;
        String problem = rebuild();
        if (problem != null) {
            throw new IllegalStateException("the default training setup is invalid: " + problem);
        }
    }

    private static RunSpec run(int i, Typed optimizer, Typed schedule, int batch) {
        return new RunSpec(null, Palette.run(i), optimizer, schedule, 0, 0, 0, null, batch == 0 ? null : batch, null);
    }

    // ---- setup --------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<TrainConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    public TrainConfig config() {
        return config.get();
    }

    /** The last rejected edit's problem, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public Training training() {
        return training;
    }

    /** The input plane the boundary covers. */
    public Window inputWindow() {
        return inputWindow;
    }

    /** The imported file's name, or null. */
    public String importedName() {
        return importedName;
    }

    /** Output kinds that fit the data: linear (MSE) for regression; sigmoid only with two classes. */
    public List<Output> outputsFor(int classes) {
        if (classes == 0) {
            return List.of(Output.LINEAR);
        }
        return classes == 2 ? List.of(Output.SIGMOID, Output.SOFTMAX, Output.LINEAR) : List.of(Output.SOFTMAX, Output.LINEAR);
    }

    /**
     * Takes every setting of a training config (docs/train-format.md: data, network, steps, seed and
     * runs) and starts over; null if accepted, else the problem (the setup stays as it was).
     *
     * @param name the file's name, shown for imported points
     */
    public String load(TrainConfig c, String name) {
        Object[] old = {data, imported, importedName, features, hidden, activation, output, init, bias, steps, seed, runs};
        Architecture a = c.network();
        data = c.data();
        imported = c.imported();
        importedName = c.imported() != null ? name : null;
        features = a.features();
        hidden = a.hidden();
        activation = a.activation();
        output = a.output();
        init = c.init();
        bias = a.bias();
        steps = c.steps();
        seed = c.seed();
        runs = c.runs();
        if (shown.get() >= runs.size()) {
            shown.set(0);
        }
        String problem = rebuild();
        if (problem != null) {
            restore(old);
            rebuild();
            error.set(problem);
        }
        return problem;
    }

    @SuppressWarnings("unchecked")
    private void restore(Object[] o) {
        data = (DataSpec) o[0];
        imported = (Dataset) o[1];
        importedName = (String) o[2];
        features = (List<Feature>) o[3];
        hidden = (int[]) o[4];
        activation = (Activation) o[5];
        output = (Output) o[6];
        init = (Init) o[7];
        bias = (Boolean) o[8];
        steps = (Long) o[9];
        seed = (Long) o[10];
        runs = (List<RunSpec>) o[11];
    }

    /** Replaces the data recipe (a CSV kind keeps the imported points). */
    public String setData(DataSpec d) {
        DataSpec old = data;
        Dataset oldImported = imported;
        String oldName = importedName;
        Output oldOut = output;
        if (d.kind() != DataKind.CSV) {
            imported = null;
            importedName = null;
        }
        data = d;
        if (!outputsFor(d.classCount()).contains(output)) {
            output = outputsFor(d.classCount()).get(0);
        }
        String problem = rebuild();
        if (problem != null) {
            data = old;
            imported = oldImported;
            importedName = oldName;
            output = oldOut;
        }
        return problem;
    }

    public DataSpec data() {
        return data;
    }

    /** Uses imported points (from {@code org.losslab.format.train.DataCsv}) as the data. */
    public String importData(Dataset points, String name) {
        Dataset oldImported = imported;
        String oldName = importedName;
        imported = points;
        importedName = name;
        String problem = setData(new DataSpec(DataKind.CSV, points.size(), 0, data.testFraction(), points.classes(),
                data.randomLabels(), points.classes() == 0 ? 0 : data.labelNoise(), data.seed()));
        if (problem != null) {
            imported = oldImported;
            importedName = oldName;
        }
        return problem;
    }

    public String setFeatures(List<Feature> f) {
        if (f.isEmpty()) {
            return fail("the network needs at least one input feature");
        }
        List<Feature> old = features;
        features = List.copyOf(f);
        return keepOrRevert(() -> features = old);
    }

    public List<Feature> features() {
        return features;
    }

    public String setHidden(int[] widths) {
        for (int w : widths) {
            if (w < 1 || w > 1024) {
                return fail("hidden widths must be 1 to 1024, got " + w);
            }
        }
        if (widths.length > 16) {
            return fail("at most 16 hidden layers");
        }
        int[] old = hidden;
        hidden = widths.clone();
        return keepOrRevert(() -> hidden = old);
    }

    public int[] hidden() {
        return hidden.clone();
    }

    public String setActivation(Activation a) {
        Activation old = activation;
        activation = a;
        return keepOrRevert(() -> activation = old);
    }

    public Activation activation() {
        return activation;
    }

    public String setOutput(Output o) {
        Output old = output;
        output = o;
        return keepOrRevert(() -> output = old);
    }

    public Output output() {
        return output;
    }

    public String setInit(Init i) {
        Init old = init;
        init = i;
        return keepOrRevert(() -> init = old);
    }

    public Init init() {
        return init;
    }

    public String setSteps(long s) {
        if (s < 1 || s > MAX_STEPS) {
            return fail("steps must be 1 to " + MAX_STEPS + ", got " + s);
        }
        long old = steps;
        steps = s;
        return keepOrRevert(() -> steps = old);
    }

    public long steps() {
        return steps;
    }

    /** One seed for the points, the initial weights, minibatch order and noise. */
    public String setSeed(long s) {
        long old = seed;
        DataSpec oldData = data;
        seed = s;
        data = new DataSpec(data.kind(), data.points(), data.noise(), data.testFraction(), data.classes(),
                data.randomLabels(), data.labelNoise(), s);
        return keepOrRevert(() -> {
            seed = old;
            data = oldData;
        });
    }

    public long seed() {
        return seed;
    }

    public List<RunSpec> runs() {
        return runs;
    }

    /** Changes run i; null if accepted, else the problem (the run keeps its old settings). */
    public String editRun(int i, UnaryOperator<RunSpec> edit) {
        List<RunSpec> old = runs;
        List<RunSpec> next = new ArrayList<>(runs);
        next.set(i, edit.apply(runs.get(i)));
        runs = List.copyOf(next);
        return keepOrRevert(() -> runs = old);
    }

    /** Adds a run: a copy of the shown one with the next colour, trained side by side from the same weights. */
    public String addRun() {
        List<RunSpec> old = runs;
        RunSpec last = runs.get(shown.get());
        List<RunSpec> next = new ArrayList<>(runs);
        next.add(last.withLabel(null).withColor(Palette.run(runs.size())));
        runs = List.copyOf(next);
        return keepOrRevert(() -> runs = old);
    }

    public String removeRun(int i) {
        if (runs.size() < 2) {
            return fail("keep at least one run");
        }
        List<RunSpec> old = runs;
        List<RunSpec> next = new ArrayList<>(runs);
        next.remove(i);
        runs = List.copyOf(next);
        String p = keepOrRevert(() -> runs = old);
        if (p == null && shown.get() >= runs.size()) {
            showRun(runs.size() - 1);
        }
        return p;
    }

    /** The legend label of run i: its own, else the optimizer type (numbered when two runs share it). */
    public String label(int i) {
        RunSpec r = runs.get(i);
        if (r.label() != null) {
            return r.label();
        }
        String type = r.optimizer().type();
        long same = runs.stream().filter(x -> x.label() == null && x.optimizer().type().equals(type)).count();
        return same > 1 ? type + " #" + (i + 1) : type;
    }

    public String color(int i) {
        RunSpec r = runs.get(i);
        return r.color() != null ? r.color() : Palette.run(i);
    }

    private String fail(String problem) {
        error.set(problem);
        return problem;
    }

    private String keepOrRevert(Runnable revert) {
        String problem = rebuild();
        if (problem != null) {
            revert.run();
            rebuild();
            error.set(problem);
        }
        return problem;
    }

    /**
     * Builds the training of the current setup and starts it over (still playing if it was); null if
     * valid, else the problem.
     */
    private String rebuild() {
        TrainConfig next;
        Training t;
        try {
            int classes = data.classCount();
            Architecture arch = new Architecture(features, hidden, activation, output, output.units(classes), bias);
            if (steps > MAX_STEPS) {
                return fail("the trainer panel keeps every step for its charts: at most " + MAX_STEPS + " steps, got " + steps
                        + " (losslab train runs longer ones)");
            }
            next = new TrainConfig("", "", data, imported, arch, init, steps, seed, runs);
            t = next.training();
            if (t.data().train().size() == 0) {
                return fail("no training points: lower the test fraction or add points");
            }
            for (int r = 0; r < t.runs().size(); r++) {
                if (t.runs().get(r).optimizer().type().equals("newton") && arch.parameterCount() > Trainer.MAX_NEWTON_WEIGHTS) {
                    return fail("run " + (r + 1) + ": Newton's method needs the Hessian of all " + arch.parameterCount()
                            + " weights; it is offered for networks of at most " + Trainer.MAX_NEWTON_WEIGHTS);
                }
            }
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        error.set("");
        training = t;
        Dataset all = t.data().train();
        double[] b = all.bounds();
        inputWindow = classesOf(t) == 0 ? curveWindow(t) : Boundary.windowFor(b);
        config.set(next);
        // As in the Playground: an edit starts the training over, and it keeps playing if it was.
        boolean was = playing.get();
        restart();
        if (was) {
            play();
        }
        return null;
    }

    private static int classesOf(Training t) {
        return t.data().train().classes();
    }

    /** For a 1-D curve: x₁ across the data, ŷ across the targets (with room to spare). */
    private static Window curveWindow(Training t) {
        Dataset d = t.data().train();
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

    // ---- training -----------------------------------------------------------------------------

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The shown run's step. */
    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Boundary> boundaryProperty() {
        return boundary.getReadOnlyProperty();
    }

    /** The run whose boundary, network and landscape are shown. */
    public ReadOnlyObjectProperty<Integer> shownRunProperty() {
        return shown.getReadOnlyProperty();
    }

    public int shownRun() {
        return shown.get();
    }

    public void showRun(int i) {
        shown.set(Math.max(0, Math.min(runs.size() - 1, i)));
        shownOnWorker.set(shown.get());
        int g = generation.get();
        worker.execute(() -> {
            if (session != null && session.generation == g) {
                publishBoundary(session);
            }
        });
        frame.set(frame.get() + 1);
    }

    /** Per-run curves, in run order; read on the FX thread. */
    public List<RunCurves> curves() {
        return curves;
    }

    /** Has every run reached the step budget (or diverged)? */
    public boolean finished() {
        for (RunCurves c : curves) {
            TrainSnapshot s = c.last();
            if (s == null || !(s.diverged() || s.step() >= steps)) {
                return false;
            }
        }
        return true;
    }

    /** Trains until paused or done. */
    public void play() {
        if (playing.get() || finished()) {
            return;
        }
        playing.set(true);
        play.set(true);
        int g = generation.get();
        worker.execute(() -> loop(g));
    }

    /** Limits play to {@code v} updates per second (every run), 0 for no limit; takes effect at once. */
    public void setSpeed(int v) {
        stepsPerSecond = Math.max(0, v);
    }

    public int speed() {
        return stepsPerSecond;
    }

    public void pause() {
        play.set(false);
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Pauses and does {@code k} more updates of every run. */
    public void step(int k) {
        pause();
        int g = generation.get();
        worker.execute(() -> {
            Session s = session;
            if (s == null || s.generation != g) {
                return;
            }
            for (int r = 0; r < s.trainers.size(); r++) {
                Trainer t = s.trainers.get(r);
                for (int j = 0; j < k && !s.finished(t); j++) {
                    t.step(1);
                    rows.add(new Row(g, r, t.snapshot(), false));
                }
            }
            publishBoundary(s);
            scheduleDrain();
        });
    }

    /** Back to step 0: the same initial weights, data and batch order, so a replay is identical. */
    public void reset() {
        restart();
    }

    private void restart() {
        pause();
        int g = generation.incrementAndGet();
        Training t = training;
        Window w = inputWindow;
        List<RunCurves> fresh = new ArrayList<>();
        int every = (int) Math.max(1, (t.steps() + MAX_RECORDED - 1) / MAX_RECORDED);
        for (int r = 0; r < t.runs().size(); r++) {
            fresh.add(new RunCurves(t.steps(), every));
        }
        curves = List.copyOf(fresh);
        step.set(0);
        boundary.set(null);
        cancelSlice();
        slice.set(null);
        if (shown.get() >= t.runs().size()) {
            shown.set(0);
        }
        shownOnWorker.set(shown.get());
        frame.set(frame.get() + 1);
        worker.execute(() -> {
            if (generation.get() != g) {
                return;
            }
            Session s;
            try {
                s = new Session(g, t, w);
            } catch (IllegalArgumentException e) {
                publish.accept(() -> error.set(e.getMessage()));
                return;
            }
            session = s;
            for (int r = 0; r < s.trainers.size(); r++) {
                rows.add(new Row(g, r, s.trainers.get(r).snapshot(), false));
            }
            publishBoundary(s);
            scheduleDrain();
        });
    }

    /**
     * The worker's play loop: chunks of about {@link #CHUNK_NANOS}, every run advancing alike. With a
     * speed limit of v steps/s a chunk is v·30 ms worth of steps and the loop waits out the rest of
     * its 30 ms, so a class can watch the boundary form; without one the chunk adapts to fill 30 ms.
     */
    private void loop(int g) {
        Session s = session;
        if (s == null || s.generation != g) {
            return;
        }
        int chunk = 1;
        while (play.get() && generation.get() == g && !s.allFinished()) {
            long t0 = System.nanoTime();
            int limit = stepsPerSecond;
            if (limit > 0) {
                chunk = (int) Math.max(1, Math.round(limit * CHUNK_NANOS / 1e9));
            }
            int done = 0;
            for (int r = 0; r < s.trainers.size(); r++) {
                Trainer t = s.trainers.get(r);
                for (int j = 0; j < chunk && !s.finished(t) && play.get() && generation.get() == g; j++) {
                    t.step(1);
                    rows.add(new Row(g, r, t.snapshot(), false));
                    done = Math.max(done, j + 1);
                }
            }
            // The boundary costs a forward pass over the whole raster: at most a quarter of the time.
            if (System.nanoTime() - lastBoundary > 3 * boundaryCost) {
                publishBoundary(s);
            }
            scheduleDrain();
            long took = System.nanoTime() - t0;
            if (limit > 0) {
                long due = t0 + (long) (done * 1e9 / limit);
                while (play.get() && generation.get() == g && System.nanoTime() < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(Math.min(5_000_000L, due - System.nanoTime()));
                }
            } else {
                // Grow or shrink the chunk towards the frame budget.
                chunk = (int) Math.max(1, Math.min(chunk * 2L, chunk * (double) CHUNK_NANOS / Math.max(1, took)));
            }
        }
        if (generation.get() == g) {
            publishBoundary(s);
        }
        if (generation.get() == g && s.allFinished()) {
            rows.add(new Row(g, -1, null, true));
            scheduleDrain();
        }
    }

    private void publishBoundary(Session s) {
        long t0 = System.nanoTime();
        int r = Math.min(shownOnWorker.get(), s.trainers.size() - 1);
        Trainer t = s.trainers.get(r);
        latestBoundary.set(Boundary.of(s.net, t.weights(), s.window, s.classes, t.step(), r));
        lastBoundary = System.nanoTime();
        boundaryCost = lastBoundary - t0;
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            publish.accept(this::drain);
        }
    }

    /** FX thread: takes everything the worker published since the last drain. */
    private void drain() {
        drainScheduled.set(false);
        int g = generation.get();
        boolean changed = false;
        Row row;
        while ((row = rows.poll()) != null) {
            if (row.generation != g) {
                continue;
            }
            if (row.finished) {
                playing.set(false);
                play.set(false);
                continue;
            }
            RunCurves c = curves.get(row.run);
            if (row.snapshot.step() == c.train().size()) {
                c.add(row.snapshot);
                changed = true;
            }
        }
        Boundary b = latestBoundary.getAndSet(null);
        if (b != null && b.run() == shown.get() && b.run() < curves.size()) {
            boundary.set(b);
            changed = true;
        }
        if (changed) {
            step.set(curves.get(Math.min(shown.get(), curves.size() - 1)).step());
            frame.set(frame.get() + 1);
        }
    }

    // ---- landscape slices ---------------------------------------------------------------------

    public ReadOnlyDoubleProperty sliceProgressProperty() {
        return sliceProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sliceRunningProperty() {
        return sliceRunning.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SliceResult> sliceProperty() {
        return slice.getReadOnlyProperty();
    }

    /**
     * Computes the training loss on an n × n grid over [−range, range]² of the plane through the shown
     * run's current weights, in the background.
     *
     * @param pca    the top two PCA directions of the run's recorded weights instead of random
     *               filter-normalized ones
     * @return null if started, else why not (e.g. PCA before two steps are recorded)
     */
    public String computeSlice(int n, double range, boolean pca, long directionSeed) {
        if (n < 2 || n > 400) {
            return fail("grid size must be 2 to 400, got " + n);
        }
        if (!(range > 0) || !Double.isFinite(range)) {
            return fail("range must be a positive number, got " + range);
        }
        int r = shown.get();
        RunCurves c = curves.get(r);
        TrainSnapshot last = c.last();
        if (last == null) {
            return fail("the run has not started yet");
        }
        if (last.diverged()) {
            return fail("run " + (r + 1) + " diverged: its weights are not finite, so there is no plane through them");
        }
        List<double[]> path = c.weightPath();
        long[] pathSteps = c.weightPathSteps();
        if (pca && path.size() < 3) {
            return fail("PCA directions need a weight path: train a few steps first");
        }
        double[] trainLoss = new double[path.size()];
        for (int i = 0; i < path.size(); i++) {
            trainLoss[i] = c.train().loss((int) pathSteps[i]);
        }
        double[] center = last.weights();
        Training t = training;
        cancelSlice();
        AtomicBoolean cancel = new AtomicBoolean();
        sliceCancel.set(cancel);
        int request = sliceRequest.incrementAndGet();
        sliceRunning.set(true);
        sliceProgress.set(0);
        error.set("");
        AtomicBoolean progressScheduled = new AtomicBoolean();
        AtomicReference<Double> progressValue = new AtomicReference<>(0.0);
        sliceDriver.execute(() -> {
            Cancellation cancelled = cancel::get;
            SliceResult result = null;
            String problem = null;
            try {
                var arch = t.architecture();
                double[] d1, d2;
                double[] explained = null;
                if (pca) {
                    double[][] p = LossSlice.pca(path, center);
                    d1 = p[0];
                    d2 = p[1];
                    explained = p[2];
                } else {
                    d1 = LossSlice.filterNormalized(arch, center, directionSeed);
                    d2 = LossSlice.filterNormalized(arch, center, directionSeed + 1);
                }
                LossSlice.Grid grid = LossSlice.compute(arch, t.data().train(), center, d1, d2, -range, range, -range, range,
                        n, slicePool, (done, total) -> {
                            progressValue.set((double) done / total);
                            if (progressScheduled.compareAndSet(false, true)) {
                                publish.accept(() -> {
                                    progressScheduled.set(false);
                                    if (sliceRequest.get() == request) {
                                        sliceProgress.set(progressValue.get());
                                    }
                                });
                            }
                        }, cancelled);
                if (grid != null) {
                    GridSurface surface = new GridSurface(grid);
                    ContourField field = ContourField.compute(surface, surface.defaultView(), n, n, 0, PlotScenes.BANDS, cancelled);
                    Trajectory projected = new Trajectory(path.size());
                    for (int i = 0; i < path.size(); i++) {
                        double[] ab = LossSlice.project(center, d1, d2, path.get(i));
                        projected.point(0, i, ab[0], ab[1], trainLoss[i], 0, 0);
                    }
                    if (field != null) {
                        result = new SliceResult(r, last.step(), pca, explained, surface, field, projected);
                    }
                }
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            SliceResult done = result;
            String why = problem;
            publish.accept(() -> {
                if (sliceRequest.get() != request) {
                    return;
                }
                sliceRunning.set(false);
                if (done != null) {
                    sliceProgress.set(1);
                    slice.set(done);
                } else if (why != null) {
                    error.set("Landscape not computed: " + why);
                }
            });
        });
        return null;
    }

    /** Stops the slice being computed, if any (its result is dropped). */
    public void cancelSlice() {
        sliceCancel.get().set(true);
        sliceRequest.incrementAndGet();
        sliceRunning.set(false);
    }

    /** For tests and the status line: the shown run's latest snapshot. */
    public TrainSnapshot lastSnapshot() {
        return curves.isEmpty() ? null : curves.get(Math.min(shown.get(), curves.size() - 1)).last();
    }

    @Override
    public String toString() {
        return "TrainerModel[" + config.get().network() + ", runs " + runs.size() + ", step " + step.get() + ", hidden "
                + Arrays.toString(hidden) + "]";
    }
}
