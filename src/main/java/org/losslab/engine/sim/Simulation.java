package org.losslab.engine.sim;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import org.losslab.engine.Cancellation;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.update.RunSettings;

/**
 * The runs of a scenario on one surface. Each run is stepped by its own {@link Stepper} (runs may
 * use different optimizers), in parallel on the given executor; the result is one
 * {@link Trajectory} per run, filled in place with no copy per step.
 *
 * @param surface the loss
 * @param runs    the runs, in scenario order
 * @param steps   updates per run
 * @param seed    the scenario seed (noise and minibatches)
 */
public record Simulation(Surface surface, List<RunSettings> runs, long steps, long seed) {

    public Simulation {
        runs = List.copyOf(runs);
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be ≥ 0");
        }
    }

    /** Runs run {@code i} on the calling thread, reporting every point to {@code sink}. */
    public boolean runOne(int i, TrajectorySink sink, Cancellation cancel) {
        return stepper(i).run(i == 0 || sink == null ? sink : new Renumbered(sink, i), cancel);
    }

    /**
     * Run {@code i} alone: its result in slot 0, its noise and minibatches from run i's streams. (A
     * stepper keeps its results by run index, so one made with index i would hold arrays of i + 1
     * entries: a scenario of many runs stepped one by one would allocate quadratically.)
     */
    private Stepper stepper(int i) {
        return new Stepper(surface, List.of(runs.get(i)), new int[] {0}, new int[] {i}, steps, seed);
    }

    /** The most runs stepped together by {@link #outcomes}: bounds its arrays, not its work. */
    static final int OUTCOME_BATCH = 4096;

    /**
     * How every run ends, with no trajectory kept: memory independent of the number of steps (each
     * run's last point and channel values are kept as they arrive). Runs
     * of one optimizer type are stepped together as one batch (up to {@link #OUTCOME_BATCH}), each
     * with its own result slot and the random streams of its own index, as a sweep steps its cells,
     * so each outcome is that run's last point done alone, bit for bit, and a scenario of many short
     * runs does not pay a stepper per run.
     *
     * @return the outcomes in run order, or null if cancelled
     */
    public List<Outcome> outcomes(Cancellation cancel) {
        Outcome[] out = new Outcome[runs.size()];
        Map<List<Object>, List<Integer>> byType = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            byType.computeIfAbsent(batchKey(runs.get(i)), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : byType.values()) {
            for (int from = 0; from < group.size(); from += OUTCOME_BATCH) {
                List<Integer> part = group.subList(from, Math.min(group.size(), from + OUTCOME_BATCH));
                int[] slots = new int[part.size()], streams = new int[part.size()];
                List<RunSettings> settings = new ArrayList<>(part.size());
                for (int k = 0; k < part.size(); k++) {
                    slots[k] = k;
                    streams[k] = part.get(k);
                    settings.add(runs.get(part.get(k)));
                }
                LastPoints last = new LastPoints(part.size());
                if (!new Stepper(surface, settings, slots, streams, steps, seed).run(last, cancel)) {
                    return null;
                }
                for (int k = 0; k < part.size(); k++) {
                    out[part.get(k)] = last.outcome(k);
                }
            }
        }
        return List.of(out);
    }

    /**
     * Which runs may share a batch so that each is exactly as if alone: an optimizer's numbers may
     * differ from run to run, its switches may not (SGD's nesterov, Adam's amsgrad and adam/adamw
     * choose the code path of the whole batch); and the runs must have the same links, equal in
     * every setting, because a batch's pipeline builds and traces the links of all its runs (a run
     * without Lookahead in a batch with it would report Lookahead's channels). So the key is the
     * optimizer config's type, its components that are not numbers, and the run's link configs.
     */
    static List<Object> batchKey(RunSettings run) {
        List<Object> key = new ArrayList<>();
        Object config = run.optimizer();
        key.add(run.transforms());
        key.add(config.getClass());
        RecordComponent[] components = config.getClass().getRecordComponents();
        if (components != null) {
            for (RecordComponent c : components) {
                Class<?> t = c.getType();
                if (t == boolean.class || t == Boolean.class || t == String.class || t.isEnum()) {
                    try {
                        key.add(c.getAccessor().invoke(config));
                    } catch (ReflectiveOperationException e) {
                        key.add(new Object()); // unreadable: a batch of its own
                    }
                }
            }
        }
        return key;
    }

    /**
     * As {@link #run(Executor, Cancellation)}, keeping at most about {@code points} points of each run
     * ({@link Decimation}: every k-th step and the last), so memory is bounded whatever the steps.
     * Runs of fewer than {@code points} steps keep every point, exactly as {@code run} does.
     *
     * @return the trajectories in run order, or null if cancelled
     */
    public List<Trajectory> runDecimated(Executor executor, Cancellation cancel, long points) {
        if (steps + 1 <= points) {
            return run(executor, cancel);
        }
        List<Trajectory> out = new ArrayList<>();
        List<CompletableFuture<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Trajectory tr = Trajectory.everyKth(Decimation.kept(steps, points), Decimation.every(steps, points));
            out.add(tr);
            int run = i;
            TrajectorySink sink = new Decimation(tr, steps, points);
            tasks.add(CompletableFuture.supplyAsync(() -> runOne(run, sink, cancel), executor));
        }
        boolean complete = true;
        for (CompletableFuture<Boolean> t : tasks) {
            complete &= t.join();
        }
        return complete ? List.copyOf(out) : null;
    }

    /** Keeps each slot's last point and channel values, as a trajectory's last entry would hold them. */
    private static final class LastPoints implements TrajectorySink {
        private final double[] x, y, loss;
        private final long[] divergedAt;
        private final List<List<String>> names;
        private final double[][] values;

        LastPoints(int n) {
            x = new double[n];
            y = new double[n];
            loss = new double[n];
            divergedAt = new long[n];
            java.util.Arrays.fill(divergedAt, -1);
            names = new ArrayList<>(java.util.Collections.nCopies(n, List.of()));
            values = new double[n][0];
        }

        @Override
        public void point(int run, long step, double px, double py, double f, double gn, double rate) {
            x[run] = px;
            y[run] = py;
            loss[run] = f;
            if (!(Double.isFinite(px) && Double.isFinite(py) && Double.isFinite(f) && Double.isFinite(gn))) {
                divergedAt[run] = step;
            }
        }

        @Override
        public void channels(int run, List<String> channelNames) {
            names.set(run, List.copyOf(channelNames));
            values[run] = new double[channelNames.size()];
        }

        @Override
        public void channelValues(int run, long step, double[] v) {
            System.arraycopy(v, 0, values[run], 0, values[run].length);
        }

        Outcome outcome(int k) {
            return new Outcome(x[k], y[k], loss[k], divergedAt[k], names.get(k), values[k].clone());
        }
    }

    /** A sink seen through a stepper that holds run {@code run} in slot 0. */
    private record Renumbered(TrajectorySink sink, int run) implements TrajectorySink {
        @Override
        public void point(int r, long step, double x, double y, double loss, double gradNorm, double lr) {
            sink.point(run, step, x, y, loss, gradNorm, lr);
        }

        @Override
        public void channels(int r, List<String> names) {
            sink.channels(run, names);
        }

        @Override
        public void channelValues(int r, long step, double[] values) {
            sink.channelValues(run, step, values);
        }
    }

    /** Points held by {@link #runSequentially} for the runs of one window: 2¹⁶, 40 bytes each (plus channels). */
    static final long SEQUENTIAL_BUFFER_POINTS = 1 << 16;

    /**
     * Runs every run on the calling thread, reporting in run order: all of run 0's points, then run
     * 1's, … (the trajectory CSV's row order). A long run is streamed alone, nothing of it kept. Short
     * runs (steps + 1 at most half of {@link #SEQUENTIAL_BUFFER_POINTS}) go in windows of consecutive
     * runs holding at most that many points in all: within a window, the runs that may share a batch
     * ({@link #batchKey}) are stepped as one, each with its own result slot and the random streams of
     * its own index, exactly as {@link #outcomes} does (so each point is that run's alone, bit for
     * bit), into a buffer that is then reported run by run. A scenario of a hundred thousand short
     * runs so makes one stepper per window and type, not one per run, and what it holds is bounded.
     */
    public boolean runSequentially(TrajectorySink sink, Cancellation cancel) {
        long window = Math.min(OUTCOME_BATCH, SEQUENTIAL_BUFFER_POINTS / (steps + 1));
        if (window < 2) {
            for (int i = 0; i < runs.size(); i++) {
                if (!runOne(i, sink, cancel)) {
                    return false;
                }
            }
            return true;
        }
        for (int from = 0; from < runs.size(); from += (int) window) {
            int to = (int) Math.min(runs.size(), from + window);
            Trajectory[] held = new Trajectory[to - from];
            Map<List<Object>, List<Integer>> byType = new LinkedHashMap<>();
            for (int i = from; i < to; i++) {
                byType.computeIfAbsent(batchKey(runs.get(i)), k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> group : byType.values()) {
                int[] slots = new int[group.size()], streams = new int[group.size()];
                List<RunSettings> settings = new ArrayList<>(group.size());
                Trajectory[] slot = new Trajectory[group.size()];
                for (int k = 0; k < group.size(); k++) {
                    slots[k] = k;
                    streams[k] = group.get(k);
                    settings.add(runs.get(group.get(k)));
                    slot[k] = new Trajectory(steps + 1);
                    held[group.get(k) - from] = slot[k];
                }
                if (!new Stepper(surface, settings, slots, streams, steps, seed).run(new Slots(slot), cancel)) {
                    return false;
                }
            }
            for (int i = from; i < to; i++) {
                replay(i, held[i - from], sink);
            }
        }
        return true;
    }

    /** Reports a held run's points (and channels) to {@code sink} as run {@code run}, as stepping it would have. */
    private static void replay(int run, Trajectory t, TrajectorySink sink) {
        int channels = t.channelNames().size();
        double[] values = new double[channels];
        if (channels > 0) {
            sink.channels(run, t.channelNames());
        }
        for (int i = 0; i < t.size(); i++) {
            sink.point(run, i, t.x(i), t.y(i), t.loss(i), t.gradNorm(i), t.lr(i));
            if (channels > 0) {
                for (int c = 0; c < channels; c++) {
                    values[c] = t.channel(c, i);
                }
                sink.channelValues(run, i, values);
            }
        }
    }

    /** A batch's points, slot k into trajectory k. */
    private record Slots(Trajectory[] slot) implements TrajectorySink {
        @Override
        public void point(int r, long step, double x, double y, double loss, double gradNorm, double lr) {
            slot[r].point(r, step, x, y, loss, gradNorm, lr);
        }

        @Override
        public void channels(int r, List<String> names) {
            slot[r].channels(r, names);
        }

        @Override
        public void channelValues(int r, long step, double[] values) {
            slot[r].channelValues(r, step, values);
        }
    }

    /**
     * Runs every run, in parallel on {@code executor}, each into its own trajectory.
     *
     * @return the trajectories in run order, or null if cancelled
     */
    public List<Trajectory> run(Executor executor, Cancellation cancel) {
        return run(executor, cancel, i -> null);
    }

    /**
     * As {@link #run(Executor, Cancellation)}, but run i's trajectory is {@code known.apply(i)} where
     * that is not null: the caller knows it from an earlier simulation of the same run (the app,
     * when a slider changed one run of eight).
     */
    public List<Trajectory> run(Executor executor, Cancellation cancel, IntFunction<Trajectory> known) {
        return run(executor, cancel, known, Integer.MAX_VALUE);
    }

    /**
     * As {@link #run(Executor, Cancellation, IntFunction)}, each new trajectory keeping at most
     * {@code bound} points ({@link Trajectory#bounded}: a stride that doubles when full), so memory
     * is O(runs × bound) whatever the steps; runs of fewer than {@code bound} steps keep every
     * point. {@code Integer.MAX_VALUE} keeps every point of every run.
     */
    public List<Trajectory> run(Executor executor, Cancellation cancel, IntFunction<Trajectory> known, int bound) {
        List<Trajectory> out = new ArrayList<>();
        List<CompletableFuture<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Trajectory had = known.apply(i);
            if (had != null) {
                out.add(had);
                continue;
            }
            // A run of at most `bound` points never thins: keep it as every run was kept before.
            Trajectory tr = steps + 1 <= bound ? new Trajectory(steps + 1) : Trajectory.bounded(steps + 1, bound);
            out.add(tr);
            int run = i;
            tasks.add(CompletableFuture.supplyAsync(() -> runOne(run, tr, cancel), executor));
        }
        boolean complete = true;
        for (CompletableFuture<Boolean> t : tasks) {
            complete &= t.join();
        }
        return complete ? List.copyOf(out) : null;
    }
}
