package org.losslab.app.trainer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.losslab.app.model.Playable;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.mlp.Trainer;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.surface.Window;

/**
 * One training at a time, trained on a worker thread while the FX thread watches: play, pause,
 * step, reset and the play speed, and what the views draw — per-run curves and the decision
 * boundary of the shown run.
 *
 * <p>Threads: the FX thread commands and reads; the worker owns the {@link Trainer}s. Every
 * command (play, step, a new training) is queued on the worker, so trainers are never touched by
 * two threads, and the FX thread never waits. The worker publishes immutable
 * {@link TrainSnapshot}s and {@link Boundary} rasters, coalesced into one drain per pulse; each
 * {@link #start} begins a new generation, and results of an older one are dropped on arrival.
 */
public final class TrainingSession implements Playable {
    /** Most weight vectors kept per run for PCA and the projected path. */
    static final int MAX_RECORDED = 400;
    /** Updates per second while playing, unless changed: slow enough to watch the boundary form. */
    public static final int DEFAULT_SPEED = 250;
    /** Training time between two publications while playing, so the FX thread gets ~30 frames/s. */
    private static final long CHUNK_NANOS = 30_000_000L;

    private final Executor worker, halves;
    private final Consumer<Runnable> publish;
    private final Consumer<String> report;

    // ---- as published (FX thread) -------------------------------------------------------------
    private Training training;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper(this, "step");
    /** Bumped whenever curves, weights or the boundary change: views repaint on the next pulse. */
    private final ReadOnlyLongWrapper frame = new ReadOnlyLongWrapper(this, "frame");
    private final ReadOnlyObjectWrapper<Boundary> boundary = new ReadOnlyObjectWrapper<>(this, "boundary");
    private final ReadOnlyObjectWrapper<Integer> shown = new ReadOnlyObjectWrapper<>(this, "shownRun", 0);
    private List<RunCurves> curves = List.of();

    // ---- shared with the worker -----------------------------------------------------------------
    private final AtomicInteger generation = new AtomicInteger();
    /** Play speed limit in updates per second, 0 for as fast as the machine goes. */
    private volatile int stepsPerSecond = DEFAULT_SPEED;
    private final AtomicBoolean play = new AtomicBoolean();
    private final AtomicInteger shownOnWorker = new AtomicInteger();
    private final ConcurrentLinkedQueue<Row> rows = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Raster> latestBoundary = new AtomicReference<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    // ---- worker thread only ---------------------------------------------------------------------
    private Trainers trainers;
    /** When the worker last computed a boundary and how long it took. */
    private long lastBoundary, boundaryCost;

    private record Row(int generation, int run, TrainSnapshot snapshot, boolean finished) {
    }

    private record Raster(int generation, Boundary boundary) {
    }

    /** The worker's trainers of one generation. */
    private final class Trainers {
        final int generation;
        final Training training;
        final List<Trainer> list = new ArrayList<>();
        final Window window;
        final int classes;

        Trainers(int generation, Training training, Window window) {
            this.generation = generation;
            this.training = training;
            this.window = window;
            for (int r = 0; r < training.runs().size(); r++) {
                list.add(training.trainer(r, halves));
            }
            this.classes = training.data().train().classes();
        }

        boolean finished(Trainer t) {
            return t.diverged() || t.stoppedEarly() || t.step() >= training.steps();
        }

        boolean allFinished() {
            return list.stream().allMatch(this::finished);
        }

        /**
         * Up to {@code k} updates of every run while {@code go} holds, each one queued for the FX
         * thread; the most updates a run did.
         */
        int advance(int k, BooleanSupplier go) {
            int done = 0;
            for (int r = 0; r < list.size(); r++) {
                Trainer t = list.get(r);
                for (int j = 0; j < k && !finished(t) && go.getAsBoolean(); j++) {
                    t.step(1);
                    rows.add(new Row(generation, r, t.snapshot(), false));
                    done = Math.max(done, j + 1);
                }
            }
            return done;
        }
    }

    /**
     * @param worker  steps the trainers (must run one task at a time)
     * @param halves  evaluates the second half of big full batches beside the worker
     * @param publish runs results on the FX thread, e.g. {@code Platform::runLater}
     * @param report  told a problem found on the worker (a run that cannot be trained)
     */
    public TrainingSession(Executor worker, Executor halves, Consumer<Runnable> publish, Consumer<String> report) {
        this.worker = worker;
        this.halves = halves;
        this.publish = publish;
        this.report = report;
    }

    @Override
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

    /** The training being trained, null before the first {@link #start}. */
    public Training training() {
        return training;
    }

    /** Per-run curves, in run order; read on the FX thread. */
    public List<RunCurves> curves() {
        return curves;
    }

    /** The shown run's latest snapshot, null before the worker took the training. */
    public TrainSnapshot lastSnapshot() {
        return curves.isEmpty() ? null : curves.get(Math.min(shown.get(), curves.size() - 1)).last();
    }

    /** Has every run reached the step budget (or diverged, or stopped early)? */
    public boolean finished() {
        for (RunCurves c : curves) {
            TrainSnapshot s = c.last();
            if (s == null || !(s.diverged() || s.stoppedEarly() || s.step() >= training.steps())) {
                return false;
            }
        }
        return true;
    }

    public void showRun(int i) {
        shown.set(Math.max(0, Math.min(training.runs().size() - 1, i)));
        shownOnWorker.set(shown.get());
        int g = generation.get();
        worker.execute(() -> {
            if (trainers != null && trainers.generation == g) {
                publishBoundary(trainers);
            }
        });
        frame.set(frame.get() + 1);
    }

    // ---- commands -------------------------------------------------------------------------------

    /**
     * Starts {@code t} from step 0 (paused): the same initial weights, data and batch order as any
     * other start of it, so a replay is identical.
     *
     * @param window the input plane the boundary covers
     */
    public void start(Training t, Window window) {
        pause();
        int g = generation.incrementAndGet();
        training = t;
        List<RunCurves> fresh = new ArrayList<>();
        int every = (int) Math.max(1, (t.steps() + MAX_RECORDED - 1) / MAX_RECORDED);
        for (int r = 0; r < t.runs().size(); r++) {
            fresh.add(new RunCurves(t.steps(), every));
        }
        curves = List.copyOf(fresh);
        step.set(0);
        boundary.set(null);
        if (shown.get() >= t.runs().size()) {
            shown.set(0);
        }
        shownOnWorker.set(shown.get());
        frame.set(frame.get() + 1);
        worker.execute(() -> {
            if (generation.get() != g) {
                return;
            }
            Trainers s;
            try {
                s = new Trainers(g, t, window);
            } catch (IllegalArgumentException e) {
                publish.accept(() -> report.accept(e.getMessage()));
                return;
            }
            trainers = s;
            for (int r = 0; r < s.list.size(); r++) {
                rows.add(new Row(g, r, s.list.get(r).snapshot(), false));
            }
            publishBoundary(s);
            scheduleDrain();
        });
    }

    /** Trains until paused or done. */
    @Override
    public void play() {
        if (playing.get() || finished()) {
            return;
        }
        playing.set(true);
        play.set(true);
        int g = generation.get();
        worker.execute(() -> loop(g));
    }

    @Override
    public void pause() {
        play.set(false);
        playing.set(false);
    }

    /** Limits play to {@code v} updates per second (every run), 0 for no limit; takes effect at once. */
    public void setSpeed(int v) {
        stepsPerSecond = Math.max(0, v);
    }

    public int speed() {
        return stepsPerSecond;
    }

    /** Pauses and does {@code k} more updates of every run. */
    public void step(int k) {
        pause();
        int g = generation.get();
        worker.execute(() -> {
            Trainers s = trainers;
            if (s == null || s.generation != g) {
                return;
            }
            s.advance(k, () -> true);
            publishBoundary(s);
            scheduleDrain();
        });
    }

    // ---- the worker -----------------------------------------------------------------------------

    /** Still playing generation {@code g}? */
    private boolean stillPlaying(int g) {
        return play.get() && generation.get() == g;
    }

    /**
     * The worker's play loop: chunks of about {@link #CHUNK_NANOS}, every run advancing alike. With a
     * speed limit of v steps/s a chunk is v·30 ms worth of steps and the loop waits out the rest of
     * its 30 ms, so a class can watch the boundary form; without one the chunk adapts to fill 30 ms.
     */
    private void loop(int g) {
        Trainers s = trainers;
        if (s == null || s.generation != g) {
            return;
        }
        int chunk = 1;
        while (stillPlaying(g) && !s.allFinished()) {
            long t0 = System.nanoTime();
            int limit = stepsPerSecond;
            if (limit > 0) {
                chunk = (int) Math.max(1, Math.round(limit * CHUNK_NANOS / 1e9));
            }
            int done = s.advance(chunk, () -> stillPlaying(g));
            // The boundary costs a forward pass over the whole raster: at most a quarter of the time.
            if (System.nanoTime() - lastBoundary > 3 * boundaryCost) {
                publishBoundary(s);
            }
            scheduleDrain();
            long took = System.nanoTime() - t0;
            if (limit > 0) {
                long due = t0 + (long) (done * 1e9 / limit);
                while (stillPlaying(g) && System.nanoTime() < due) {
                    LockSupport.parkNanos(Math.min(5_000_000L, due - System.nanoTime()));
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

    private void publishBoundary(Trainers s) {
        long t0 = System.nanoTime();
        int r = Math.min(shownOnWorker.get(), s.list.size() - 1);
        Trainer t = s.list.get(r);
        int passes = s.training.options().mcDropout();
        Boundary b = passes > 0 ? Boundary.ofMcDropout(t, s.window, s.classes, passes)
                : Boundary.of(t.predictor(), t.weights(), s.window, s.classes, t.step(), r);
        latestBoundary.set(new Raster(s.generation, b));
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
            if (row.snapshot.step() == c.nextStep()) {
                c.add(row.snapshot);
                changed = true;
            }
        }
        Raster latest = latestBoundary.getAndSet(null);
        Boundary b = latest == null || latest.generation != g ? null : latest.boundary;
        if (b != null && b.run() == shown.get() && b.run() < curves.size()) {
            boundary.set(b);
            changed = true;
        }
        if (changed) {
            step.set(curves.get(Math.min(shown.get(), curves.size() - 1)).step());
            frame.set(frame.get() + 1);
        }
    }
}
