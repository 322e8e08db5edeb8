package org.losslab.app.model;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.losslab.engine.Cancellation;

/**
 * Background work where only the newest request matters (a slider being dragged). Requests are
 * coalesced: while one runs, newer ones replace each other and only the last is started. A running
 * job is cancelled once a newer request waits and the job has run longer than
 * {@link #GRACE_NANOS}; short jobs finish, so a fast computation still shows every few frames
 * while the thumb moves, and a slow one never holds up the newest request for long. Results of
 * jobs that were overtaken are dropped; the others go to {@code publish} (the FX thread).
 *
 * @param <T> the result type
 */
public final class LatestWins<T> {
    /** How long a job may keep running after a newer request arrived. */
    static final long GRACE_NANOS = 30_000_000L;

    private record Job<T>(Function<Cancellation, T> work, Consumer<T> done) {
    }

    private final Executor worker;
    private final Consumer<Runnable> publish;
    private final Runnable onIdle;
    private final AtomicReference<Job<T>> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param worker  runs the jobs (one at a time)
     * @param publish hands results to the consumer's thread, e.g. {@code Platform::runLater}
     * @param onIdle  published when no job runs or waits
     */
    public LatestWins(Executor worker, Consumer<Runnable> publish, Runnable onIdle) {
        this.worker = worker;
        this.publish = publish;
        this.onIdle = onIdle;
    }

    /** Asks for {@code work}; {@code done} receives its result unless newer work overtakes it. */
    public void submit(Function<Cancellation, T> work, Consumer<T> done) {
        pending.set(new Job<>(work, done));
        if (running.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** Is a job running or waiting? */
    public boolean active() {
        return running.get() || pending.get() != null;
    }

    private void drain() {
        while (true) {
            Job<T> job = pending.getAndSet(null);
            if (job == null) {
                running.set(false);
                // A request may have slipped in after the check: take it unless another drain did.
                if (pending.get() != null && running.compareAndSet(false, true)) {
                    continue;
                }
                publish.accept(onIdle);
                return;
            }
            long start = System.nanoTime();
            T result;
            try {
                result = job.work.apply(() -> pending.get() != null && System.nanoTime() - start > GRACE_NANOS);
            } catch (RuntimeException e) {
                // The job reports its own failures as results; anything else must not kill the worker.
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
                result = null;
            }
            if (result != null) {
                T r = result;
                publish.accept(() -> job.done.accept(r));
            }
        }
    }
}
