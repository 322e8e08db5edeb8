package org.losslab.app.model;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.losslab.engine.WorkerThreads;

/**
 * The app's background threads, made once at start-up and handed to whatever does work, so that
 * the cores are shared by design instead of by several pools that each take every core.
 *
 * <p>Two kinds of work must never wait for each other. What the sliders drive (the paths and the
 * contour field of the current scenario, the 3-D mesh, the pictures on screen) has to answer
 * within a frame or two; a sweep, an escape study, a landscape slice or a training session may run
 * for minutes. Each kind has threads of its own: however many long jobs are queued, a
 * recomputation never waits behind them for a thread, only shares the cores with them. Long work
 * also runs a notch below normal priority, which an OS may honour.
 *
 * <p>Every thread is a daemon named {@code losslab-<kind>-<n>}; {@link #close} stops them all
 * when the app ends. Models take plain executors (or {@link JobThreads}), so tests pass
 * {@code Runnable::run} or pools of their own instead of this.
 */
public final class WorkPools implements AutoCloseable {
    private static final int LONG_WORK = Thread.NORM_PRIORITY - 1;

    private final ExecutorService recompute, interactive, render, jobs, background, training, trainingHalves;
    private final JobThreads jobThreads;

    /** Sized to this machine's cores. */
    public static WorkPools forThisMachine() {
        return new WorkPools(Runtime.getRuntime().availableProcessors());
    }

    /** @param cores threads of each of the two parallel pools (at least one) */
    public WorkPools(int cores) {
        int n = Math.max(1, cores);
        recompute = Executors.newSingleThreadExecutor(threads("recompute", Thread.NORM_PRIORITY));
        interactive = Executors.newFixedThreadPool(n, threads("interactive", Thread.NORM_PRIORITY));
        render = Executors.newSingleThreadExecutor(threads("render", Thread.NORM_PRIORITY));
        jobs = Executors.newFixedThreadPool(n, threads("job", LONG_WORK));
        background = Executors.newCachedThreadPool(threads("background", Thread.NORM_PRIORITY));
        training = Executors.newSingleThreadExecutor(threads("train", LONG_WORK));
        trainingHalves = Executors.newSingleThreadExecutor(threads("train-half", LONG_WORK));
        jobThreads = new JobThreads(background, jobs, n);
    }

    /**
     * The thread on which a recomputation of the current scenario waits for its runs (which go to
     * {@link #interactive()}); one at a time, the newest request first (see {@link LatestWins}).
     */
    public Executor recompute() {
        return recompute;
    }

    /**
     * Latency-critical work, cancelled when overtaken: the runs of the current scenario and its
     * contour field. Nothing here waits for anything.
     */
    public Executor interactive() {
        return interactive;
    }

    /**
     * What the views draw off the FX thread, one piece at a time so that a newer request makes a
     * waiting older one skip: the 3-D meshes and software frames, and the sharpness series the
     * edge-of-stability chart replays.
     */
    public Executor render() {
        return render;
    }

    /** Long jobs (sweeps, escape studies, landscape slices): a bounded pool and their coordinators. */
    public JobThreads jobs() {
        return jobThreads;
    }

    /**
     * A thread per task, made on demand, for what mostly waits: a long job's coordinator while its
     * parts run, a file being written.
     */
    public Executor background() {
        return background;
    }

    /** The network trainer's session: its commands and play loop, one at a time, in order. */
    public Executor training() {
        return training;
    }

    /**
     * The second half of a full-batch evaluation of the network being trained, beside the
     * session's thread; the split is fixed, so the result does not depend on this thread.
     */
    public Executor trainingHalves() {
        return trainingHalves;
    }

    /** Stops every thread: queued work is dropped, running work is interrupted. */
    @Override
    public void close() {
        all().forEach(ExecutorService::shutdownNow);
    }

    /** After {@link #close}: waits until every thread has ended; false if some still run after {@code timeout}. */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        for (ExecutorService e : all()) {
            if (!e.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    private List<ExecutorService> all() {
        return List.of(recompute, interactive, render, jobs, background, training, trainingHalves);
    }

    /** The one thread factory of the app: daemons named {@code losslab-<kind>-<n>}. */
    private static ThreadFactory threads(String kind, int priority) {
        return new WorkerThreads(kind, priority);
    }
}
