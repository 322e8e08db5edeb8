package org.losslab.app.analysis;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.losslab.engine.Cancellation;
import org.losslab.engine.Progress;

/**
 * One long analysis at a time in the background, with progress and cancel. Workers report
 * progress often and from many threads; only the latest numbers are kept and at most one update
 * waits to be published, so the FX thread sees one change per pulse however fast rows finish.
 * Results of a cancelled or superseded job are dropped.
 */
final class Job {
    private final Executor coordinator;
    private final Consumer<Runnable> publish;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final AtomicInteger generation = new AtomicInteger();
    private volatile AtomicBoolean cancel = new AtomicBoolean(true);

    /**
     * @param coordinator where a job waits for its workers
     * @param publish     hands updates to the FX thread
     */
    Job(Executor coordinator, Consumer<Runnable> publish) {
        this.coordinator = coordinator;
        this.publish = publish;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Fraction done, 0 to 1. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    boolean isRunning() {
        return running.get();
    }

    /**
     * Starts {@code work} (cancelling any job still running). Call on the FX thread.
     *
     * @param work       computes the result; returns null when cancelled
     * @param onProgress told (on the FX thread, coalesced) after progress moved
     * @param done       receives the result on the FX thread, unless cancelled or superseded
     * @param failed     receives an unexpected exception's message on the FX thread
     */
    <T> void start(BiFunction<Cancellation, Progress, T> work, Runnable onProgress, Consumer<T> done, Consumer<String> failed) {
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
        coordinator.execute(() -> {
            T result;
            try {
                result = work.apply(stop::get, p);
            } catch (RuntimeException e) {
                publish.accept(() -> {
                    if (gen == generation.get()) {
                        running.set(false);
                        failed.accept(e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                });
                return;
            }
            publish.accept(() -> {
                if (gen != generation.get()) {
                    return;
                }
                running.set(false);
                if (result != null && !stop.get()) {
                    progress.set(1);
                    done.accept(result);
                }
            });
        });
    }

    /** Cancels the running job at once: the UI is free immediately; workers stop at their next check. */
    void cancel() {
        cancel.set(true);
        generation.incrementAndGet();
        running.set(false);
    }
}
