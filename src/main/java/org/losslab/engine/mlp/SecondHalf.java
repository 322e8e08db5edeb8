package org.losslab.engine.mlp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/**
 * The second half of a full batch ({@link Trainer}'s two halves), handed to another thread and
 * waited for with one reusable object: no future, no task object of ours and no thread per update.
 *
 * <p>Why not {@code CompletableFuture.supplyAsync(…, executor)}: besides a future per update, on a
 * machine of two cores the common pool has parallelism 1, and {@code CompletableFuture} then replaces
 * it by a new thread per task, so every full-batch update started and ended a thread (about 250 µs
 * of CPU against 450 µs for the whole update of the benchmark's network).
 *
 * <p>The half goes through four states, IDLE → QUEUED → RUNNING → DONE. {@link #start} publishes the
 * inputs and queues {@code this} on the executor; whichever thread first moves QUEUED to RUNNING
 * computes the half: the executor's thread in {@link #run}, or the caller in {@link #join} when the
 * executor has not started it yet (a busy second core then costs no waiting). A {@code run} that
 * comes late finds the half taken and returns. Either way the same network workspace adds the same
 * examples into the same buffer, so the result does not depend on which thread computed it. The
 * inputs are written before the volatile write of QUEUED and the results before that of DONE, so
 * each side reads what the other wrote.
 *
 * <p>Not for concurrent use: one trainer's thread calls {@code start} and {@code join} in turn.
 */
final class SecondHalf implements Runnable {
    private static final int IDLE = 0, QUEUED = 1, RUNNING = 2, DONE = 3;
    /**
     * Polls before the waiting thread parks: the half it waits for has usually started a little
     * after its own, so it is near its end; a few microseconds of polling save a park and an unpark.
     */
    private static final int SPINS = 1 << 9;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(SecondHalf.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Network net;
    private final double[] grad;
    private volatile int state = IDLE;
    private volatile Thread waiter;

    // The current half's inputs (read after QUEUED is seen) and results (read after DONE is seen).
    private double[] theta;
    private Examples ex;
    private int from, to;
    private double scale;
    private double loss;
    private Throwable failure;

    /**
     * @param net  the workspace of the second half (not the caller's own)
     * @param grad where the half adds its share of the gradient. Modified by each half.
     */
    SecondHalf(Network net, double[] grad) {
        this.net = net;
        this.grad = grad;
    }

    /**
     * Queues {@link Network#accumulate} of examples {@code from..to} on {@code on}; the caller then
     * computes its own half and calls {@link #join}. {@code theta} must not change until then.
     */
    void start(Executor on, double[] theta, Examples ex, int from, int to, double scale) {
        this.theta = theta;
        this.ex = ex;
        this.from = from;
        this.to = to;
        this.scale = scale;
        failure = null;
        state = QUEUED;
        on.execute(this);
    }

    /** On the executor's thread: computes the half unless the caller has taken it. */
    @Override
    public void run() {
        if (!STATE.compareAndSet(this, QUEUED, RUNNING)) {
            return;
        }
        try {
            loss = net.accumulate(theta, ex, null, from, to, scale, grad);
        } catch (Throwable t) {
            failure = t;
        }
        state = DONE;
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * The half's sum of losses, its gradient added into the buffer; computed here if no other thread
     * has started it. Waits uninterruptibly (keeping the interrupt status), as {@code join} does.
     *
     * @throws CompletionException if the half failed on the other thread
     */
    double join() {
        if (STATE.compareAndSet(this, QUEUED, RUNNING)) {
            loss = net.accumulate(theta, ex, null, from, to, scale, grad);
            state = IDLE;
            return loss;
        }
        for (int i = 0; i < SPINS && state != DONE; i++) {
            Thread.onSpinWait();
        }
        if (state != DONE) {
            boolean interrupted = false;
            waiter = Thread.currentThread();
            while (state != DONE) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            waiter = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        state = IDLE;
        if (failure != null) {
            throw new CompletionException(failure);
        }
        return loss;
    }

    /** Examples classified correctly in the last half. */
    int correct() {
        return net.correct();
    }
}
