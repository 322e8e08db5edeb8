package org.losslab.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.losslab.engine.Cancellation;
import org.losslab.engine.Progress;
import org.losslab.engine.sim.Stepper;
import org.losslab.engine.surface.DoubleWell;
import org.losslab.engine.update.RunSettings;

/**
 * Escape from a minimum under noise: many seeds of Langevin dynamics started at the bottom of one
 * well of the double well, at several temperatures T. Each run is the spec's update with noise,
 * θ ← θ − η∇f(θ) + √(2ηT)·ξ (for SGD: overdamped Langevin dynamics with time step η), so the time to
 * leave a well of barrier ΔE grows like exp(ΔE/T) (Arrhenius; Kramers 1940). Measured here:
 * <ul>
 *   <li>the first-passage time of each run: the first update after which it is farther from its
 *       start minimum than the saddle is, i.e. it has climbed out of the well onto the rim (the
 *       mean of which is Kramers' escape time up to a factor that does not depend on T);</li>
 *   <li>the fraction of runs that end the horizon in each basin (split at the saddle);</li>
 *   <li>the Arrhenius fit ln τ = ln A + ΔE_fit/T over the temperatures, against the true ΔE.</li>
 * </ul>
 * Immutable; hand it to background work.
 *
 * @param surface      the double well
 * @param run          the dynamics (optimizer, learning rate, …); its start and temperature are replaced
 * @param fromSharp    start in the sharp well (else the flat one)
 * @param temperatures the temperatures T &gt; 0, one batch of seeds each
 * @param seeds        runs per temperature
 * @param steps        the horizon: updates per run
 * @param seed         the seed of every noise stream (temperature m, seed k uses stream m·seeds + k)
 */
public record Escape(DoubleWell surface, RunSettings run, boolean fromSharp, double[] temperatures, int seeds, long steps,
                     long seed) {
    /** Seeds per task handed to a worker. */
    private static final int CHUNK = 64;

    public Escape {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(run, "run");
        temperatures = temperatures.clone();
        if (!surface.hasTwoMinima()) {
            throw new IllegalArgumentException("the double well has merged into one minimum: nothing to escape from");
        }
        if (temperatures.length == 0 || seeds < 1 || steps < 1) {
            throw new IllegalArgumentException("need temperatures, seeds ≥ 1 and steps ≥ 1");
        }
        for (double t : temperatures) {
            if (!(t > 0) || !Double.isFinite(t)) {
                throw new IllegalArgumentException("temperatures must be > 0, got " + t);
            }
        }
    }

    @Override
    public double[] temperatures() {
        return temperatures.clone();
    }

    /** x of the minimum the runs start from. */
    public double startX() {
        return fromSharp ? surface.sharpMinimumX() : surface.flatMinimumX();
    }

    /** The true barrier ΔE = f(saddle) − f(start minimum). */
    public double trueBarrier() {
        return surface.barrierHeight(fromSharp);
    }

    /**
     * Runs every temperature's seeds on {@code threads} tasks of {@code executor} and waits.
     *
     * @return the result, or null if cancelled
     */
    public EscapeResult run(Executor executor, int threads, Cancellation cancel, Progress progress) {
        int chunks = (seeds + CHUNK - 1) / CHUNK;
        int tasks = temperatures.length * chunks;
        int[][] passage = new int[temperatures.length][seeds];
        boolean[][] endsInStart = new boolean[temperatures.length][seeds];
        boolean[][] diverged = new boolean[temperatures.length][seeds];
        AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int w = 0; w < Math.max(1, Math.min(threads, tasks)); w++) {
            workers.add(CompletableFuture.runAsync(() -> {
                for (int task = next.getAndIncrement(); task < tasks; task = next.getAndIncrement()) {
                    if (cancel.isCancelled()) {
                        stopped.set(true);
                        return;
                    }
                    int m = task / chunks, from = (task % chunks) * CHUNK, to = Math.min(seeds, from + CHUNK);
                    if (!chunk(m, from, to, passage[m], endsInStart[m], diverged[m], cancel)) {
                        stopped.set(true);
                        return;
                    }
                    progress.update(done.incrementAndGet(), tasks);
                }
            }, executor));
        }
        for (CompletableFuture<Void> w : workers) {
            w.join();
        }
        if (stopped.get() || done.get() < tasks) {
            return null;
        }
        List<EscapeResult.AtTemperature> rows = new ArrayList<>();
        for (int m = 0; m < temperatures.length; m++) {
            EscapeResult.End[] end = new EscapeResult.End[seeds];
            for (int k = 0; k < seeds; k++) {
                end[k] = diverged[m][k] ? EscapeResult.End.DIVERGED
                        : endsInStart[m][k] ? EscapeResult.End.START_BASIN : EscapeResult.End.OTHER_BASIN;
            }
            rows.add(new EscapeResult.AtTemperature(temperatures[m], passage[m], end));
        }
        return new EscapeResult(this, rows);
    }

    /** Seeds [from, to) at temperature m, in one batch. */
    private boolean chunk(int m, int from, int to, int[] passage, boolean[] endsInStart, boolean[] diverged,
                          Cancellation cancel) {
        int n = to - from;
        double x0 = startX();
        RunSettings c = run.withNoiseTemperature(temperatures[m]).withStart(x0, 0);
        int[] indices = new int[n];
        int[] streams = new int[n];
        List<RunSettings> runs = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            indices[k] = k;
            streams[k] = m * seeds + from + k;
            runs.add(c);
            passage[from + k] = -1;
        }
        double saddleX = surface.saddleX();
        // The start well lies on this side of the saddle: sign of (x − saddleX) is `side` there.
        double side = Math.signum(x0 - saddleX);
        double rim = (x0 - saddleX) * (x0 - saddleX);
        Stepper stepper = new Stepper(surface, runs, indices, streams, steps, seed);
        boolean complete = stepper.run((r, step, x, y, loss, gn, lr) -> {
            if (passage[from + r] < 0 && (x - x0) * (x - x0) + y * y > rim) {
                passage[from + r] = (int) Math.min(step, Integer.MAX_VALUE);
            }
        }, cancel);
        if (!complete) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            diverged[from + k] = stepper.divergedAt(k) >= 0;
            endsInStart[from + k] = (stepper.lastX(k) - saddleX) * side > 0;
        }
        return true;
    }
}
