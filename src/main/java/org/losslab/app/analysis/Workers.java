package org.losslab.app.analysis;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.losslab.app.model.JobThreads;

/**
 * The threads of the long analyses. The engine's sweep and escape study block their caller until
 * their tasks on {@link #POOL} finish, so each job waits on a {@link #COORDINATOR} thread of its own
 * (never a pool thread: a pool that waits on itself deadlocks), and the FX thread never waits.
 */
final class Workers {
    /** Every core, as the brief asks of sweeps. */
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, daemon("losslab-analysis"));
    /** Waits for a job; a cancelled job may still be winding down while the next one starts. */
    static final ExecutorService COORDINATOR = Executors.newCachedThreadPool(daemon("losslab-analysis-job"));
    /** Paints result images (AWT) off the FX thread, one at a time. */
    static final ExecutorService RENDER = Executors.newSingleThreadExecutor(daemon("losslab-analysis-render"));
    /** The long jobs' threads: a coordinator per job, the pool for their parts. */
    static final JobThreads JOBS = new JobThreads(COORDINATOR, POOL, THREADS);

    private Workers() {
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            // Below the FX thread and the live recomputation: a sweep on all cores must not make dragging stutter.
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
    }
}
