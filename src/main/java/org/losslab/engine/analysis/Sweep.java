package org.losslab.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.losslab.engine.Cancellation;
import org.losslab.engine.Progress;
import org.losslab.engine.sim.Stepper;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.update.RunSettings;

/**
 * A hyperparameter sweep: one run of a scenario, repeated over a grid of two of its
 * hyperparameters, every cell a full run through the spec's per-update algorithm. Immutable; hand
 * it to background work and get a {@link SweepResult} snapshot back.
 *
 * <p>Cell (i, j) has x-value {@code x.value(i)} and y-value {@code y.value(j)}. Row j is one
 * {@link Stepper} batch of {@code x.count()} runs stepped together over arrays; runs that diverge
 * leave the batch at once, so a region of blow-ups costs almost nothing. Rows are shared out to
 * the worker threads one at a time, which balances rows that end early against rows that do not.
 * Every cell draws its noise and minibatches from the streams of scenario run {@code runIndex}, so
 * a cell is bit for bit the run that the scenario would make with those two values.
 *
 * @param surface   the loss (thread-safe: surfaces are immutable)
 * @param steps     updates per run
 * @param seed      the scenario seed
 * @param runIndex  which scenario run is varied (seeds its random streams)
 * @param x         the axis along a row
 * @param y         the axis across rows
 * @param cells     the run of each cell (must be a pure, thread-safe function)
 * @param tolerance a cell "reaches" when its loss is at most this; −∞ to not track
 */
public record Sweep(Surface surface, long steps, long seed, int runIndex, Axis x, Axis y, Cells cells, double tolerance) {

    /** The run of one cell, from the two axis values. */
    @FunctionalInterface
    public interface Cells {
        RunSettings at(double xValue, double yValue);
    }

    public Sweep {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(cells, "cells");
        if (steps < 0 || runIndex < 0) {
            throw new IllegalArgumentException("steps and runIndex must be ≥ 0");
        }
    }

    /** The runs of row j, in x order. */
    public List<RunSettings> row(int j) {
        double yv = y.value(j);
        List<RunSettings> row = new ArrayList<>(x.count());
        for (int i = 0; i < x.count(); i++) {
            row.add(cells.at(x.value(i), yv));
        }
        return row;
    }

    /** The run of cell (i, j), e.g. to load it into the main view. */
    public RunSettings cell(int i, int j) {
        return cells.at(x.value(i), y.value(j));
    }

    /** A job that computes this sweep and can be watched while it runs. */
    public SweepJob job() {
        return new SweepJob(this);
    }

    /**
     * Computes every cell on {@code threads} tasks of {@code executor} and waits for them.
     *
     * @return the result, or null if cancelled
     */
    public SweepResult run(Executor executor, int threads, Cancellation cancel, Progress progress) {
        return job().run(executor, threads, cancel, progress);
    }

    /** The computation of one sweep: rows are filled in by worker threads as they finish. */
    public static final class SweepJob {
        private final Sweep sweep;
        private final int nx, ny;
        private final double[] lastLoss, lastX, lastY;
        private final int[] reachedAt, divergedAt;
        private final boolean[] rowDone;
        private final AtomicInteger nextRow = new AtomicInteger();
        private final AtomicInteger rowsDone = new AtomicInteger();

        SweepJob(Sweep sweep) {
            this.sweep = sweep;
            nx = sweep.x.count();
            ny = sweep.y.count();
            lastLoss = new double[nx * ny];
            lastX = new double[nx * ny];
            lastY = new double[nx * ny];
            reachedAt = new int[nx * ny];
            divergedAt = new int[nx * ny];
            rowDone = new boolean[ny];
        }

        /**
         * Runs the sweep on {@code threads} tasks of {@code executor} (each pulls rows until none
         * are left or {@code cancel} says stop) and waits for them.
         *
         * @return the finished result, or null if cancelled
         */
        public SweepResult run(Executor executor, int threads, Cancellation cancel, Progress progress) {
            List<CompletableFuture<Void>> tasks = new ArrayList<>();
            for (int k = 0; k < Math.max(1, Math.min(threads, ny)); k++) {
                tasks.add(CompletableFuture.runAsync(() -> work(cancel, progress), executor));
            }
            for (CompletableFuture<Void> t : tasks) {
                t.join();
            }
            return rowsDone.get() == ny ? snapshot() : null;
        }

        private void work(Cancellation cancel, Progress progress) {
            int[] indices = new int[nx];
            int[] streams = new int[nx];
            for (int i = 0; i < nx; i++) {
                indices[i] = i;
                streams[i] = sweep.runIndex;
            }
            for (int j = nextRow.getAndIncrement(); j < ny; j = nextRow.getAndIncrement()) {
                if (cancel.isCancelled()) {
                    return;
                }
                Stepper stepper = new Stepper(sweep.surface, sweep.row(j), indices, streams, sweep.steps, sweep.seed)
                        .trackTolerance(sweep.tolerance);
                if (!stepper.run(null, cancel)) {
                    return;
                }
                synchronized (this) {
                    for (int i = 0; i < nx; i++) {
                        int c = j * nx + i;
                        lastLoss[c] = stepper.lastLoss(i);
                        lastX[c] = stepper.lastX(i);
                        lastY[c] = stepper.lastY(i);
                        reachedAt[c] = (int) stepper.reachedAt(i);
                        divergedAt[c] = (int) stepper.divergedAt(i);
                    }
                    rowDone[j] = true;
                }
                progress.update(rowsDone.incrementAndGet(), ny);
            }
        }

        /** The rows finished so far (others marked not done); safe to call while the job runs. */
        public synchronized SweepResult snapshot() {
            return new SweepResult(sweep.x, sweep.y, sweep.steps, sweep.tolerance, lastLoss.clone(), lastX.clone(),
                    lastY.clone(), reachedAt.clone(), divergedAt.clone(), rowDone.clone());
        }

        /** Rows finished so far. */
        public int rowsDone() {
            return rowsDone.get();
        }
    }
}
