package org.losslab.app.model;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Where long jobs run. A sweep, an escape study or a landscape slice splits into parts that
 * {@code pool} runs, {@code threads} at a time, and waits for them on a thread of
 * {@code coordinator}: never on a thread of {@code pool} (a pool that waits on itself deadlocks)
 * and never on the FX thread.
 *
 * @param coordinator runs the waiting side of each job; a cancelled job may still be winding down
 *                    while the next one starts, so it must not be one thread
 * @param pool        runs the parts
 * @param threads     how many parts a job splits into (the pool's size)
 */
public record JobThreads(Executor coordinator, Executor pool, int threads) {
    public JobThreads {
        Objects.requireNonNull(coordinator, "coordinator");
        Objects.requireNonNull(pool, "pool");
        if (threads < 1) {
            throw new IllegalArgumentException("a job needs at least one thread, got " + threads);
        }
    }
}
