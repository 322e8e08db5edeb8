package org.losslab.engine.sim;

import java.util.ArrayList;
import java.util.List;
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
        return new Stepper(surface, List.of(runs.get(i)), new int[] {i}, steps, seed).run(sink, cancel);
    }

    /** Runs every run on the calling thread, one after another, reporting in run order. */
    public boolean runSequentially(TrajectorySink sink, Cancellation cancel) {
        for (int i = 0; i < runs.size(); i++) {
            if (!runOne(i, sink, cancel)) {
                return false;
            }
        }
        return true;
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
        List<Trajectory> out = new ArrayList<>();
        List<CompletableFuture<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Trajectory had = known.apply(i);
            if (had != null) {
                out.add(had);
                continue;
            }
            Trajectory tr = new Trajectory(steps + 1);
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
