package org.losslab.app.model;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.losslab.engine.Cancellation;
import org.losslab.engine.Progress;

/**
 * One long computation at a time in the background (a sweep, an escape study, a landscape slice),
 * from immutable input to one result, with progress and cancel. Workers report progress often and
 * from many threads; only the latest numbers are kept and at most one update waits to be
 * published, so the FX thread sees one change per pulse however fast rows finish. Results of a
 * cancelled or superseded job are dropped.
 */
public final class Job {
    private final JobThreads threads;
    private final Consumer<Runnable> publish;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final AtomicInteger generation = new AtomicInteger();
    private volatile AtomicBoolean cancel = new AtomicBoolean(true);

    /** What a job computes; it reads only what it captured when started. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param pool    where to run the parts
         * @param threads how many parts to run at once
         * @return the result, or null when cancelled
         */
        T run(Executor pool, int threads, Cancellation cancel, Progress progress) throws InterruptedException;
    }

    /** @param publish hands updates to the FX thread */
    public Job(JobThreads threads, Consumer<Runnable> publish) {
        this.threads = threads;
        this.publish = publish;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Fraction done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** How many parts a job runs at once. */
    public int threads() {
        return threads.threads();
    }

    /**
     * Starts {@code work} (cancelling any job still running). Call on the FX thread.
     *
     * @param onProgress told (on the FX thread, coalesced) after progress moved
     * @param done       receives the result on the FX thread, unless cancelled or superseded
     * @param failed     receives an unexpected exception's message on the FX thread
     */
    public <T> void start(Work<T> work, Runnable onProgress, Consumer<T> done, Consumer<String> failed) {
        cancel.set(true);
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        int gen = generation.incrementAndGet();
        running.set(true);
        progress.set(0);
        AtomicBoolean pending = new AtomicBoolean();
        double[] latest = {0};
        Progress p = (d, total) -> {
            synchronized (latest) {
                latest[0] = Math.max(latest[0], total > 0 ? (double) d / total : 0);
            }
            if (pending.compareAndSet(false, true)) {
                publish.accept(() -> {
                    pending.set(false);
                    if (gen == generation.get()) {
                        synchronized (latest) {
                            progress.set(latest[0]);
                        }
                        onProgress.run();
                    }
                });
            }
        };
        threads.coordinator().execute(() -> {
            T result;
            try {
                result = work.run(threads.pool(), threads.threads(), stop::get, p);
            } catch (InterruptedException e) {
                // Only the app's shutdown interrupts a job: nothing to show.
                Thread.currentThread().interrupt();
                result = null;
            } catch (RuntimeException e) {
                publish.accept(() -> {
                    if (gen == generation.get()) {
                        running.set(false);
                        failed.accept(e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                });
                return;
            }
            T r = result;
            publish.accept(() -> {
                if (gen != generation.get()) {
                    return;
                }
                running.set(false);
                if (r != null && !stop.get()) {
                    progress.set(1);
                    done.accept(r);
                }
            });
        });
    }

    /** Cancels the running job at once: the UI is free immediately; workers stop at their next check. */
    public void cancel() {
        cancel.set(true);
        generation.incrementAndGet();
        running.set(false);
    }
}
