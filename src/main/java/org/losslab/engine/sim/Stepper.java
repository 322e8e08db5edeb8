package org.losslab.engine.sim;

import java.util.Arrays;
import java.util.List;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Objective;
import org.losslab.engine.optim.Optimizer;
import org.losslab.engine.optim.Preconditioned;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.random.Minibatches;
import org.losslab.engine.random.Seeds;
import org.losslab.engine.surface.Coordinates;
import org.losslab.engine.surface.FiniteSum;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.update.BatchLoss;
import org.losslab.engine.update.RandomStreams;
import org.losslab.engine.update.RunSettings;
import org.losslab.engine.update.UpdatePipeline;

/**
 * Steps a batch of runs of one optimizer type on one surface, together, through the spec's
 * per-update algorithm. Update t = 0, 1, …, steps−1 from θ_t takes step 1's gradient here (the full
 * gradient, or each run's minibatch gradient on finite sums; expressions see t) and hands it to the
 * batch's {@link UpdatePipeline} for steps 2–6 (SAM, clipping, the learning rate, the optimizer's
 * step, Langevin noise).
 *
 * <p>After each update the new point is evaluated in full (loss and exact gradient, t = its step):
 * that gradient is the next update's g, the loss feeds ReduceLROnPlateau, and both go to the
 * {@link TrajectorySink}. A run whose point, loss or gradient is no longer finite is diverged: its
 * last point is still reported, then it leaves the batch (the last active run moves into its slot),
 * so a sweep stops paying for runs that blew up.
 *
 * <p>Structure of arrays: slot r of the batch has x = θ[r], y = θ[stride + r]. Everything is
 * allocated in the constructor; {@link #run} allocates nothing per update. A stepper is used by one
 * thread; make one per task.
 */
public final class Stepper implements Objective, BatchLoss {
    private final Surface surface;
    private final FiniteSum finiteSum;
    private final long steps;
    private final int stride;
    private int n;

    /** Per slot: which scenario run it holds, and its minibatch order (null for the full batch). */
    private final int[] runIndex;
    private final Minibatches[] batches;
    private final boolean anyMinibatch;
    private final UpdatePipeline pipeline;
    /** The optimizer, when the pipeline is only its step ({@link UpdatePipeline#isPlain}); else null. */
    private final Optimizer plain;
    /**
     * SGD of a single run on the plain pipeline with nothing traced: its updates run in
     * {@link SingleRunSgd}'s loop (the same values, θ kept in registers); else null.
     */
    private final Sgd single;
    /**
     * SGD of a large batch on the plain pipeline with nothing traced: without a sink its updates
     * run in {@link BatchSgd}'s loop (made on first use); else null.
     */
    private final Sgd batchSgd;
    private BatchSgd batchLoop;
    private final BatchSgd.Events batchEvents = this::batchPoint;
    /** The pipeline's learning rate per slot (read-only here). */
    private final double[] rates;
    /** Scratch for the values of the links' channels at one point; empty when no link is traced. */
    private final double[] channelValues;

    // Per slot state: the point and the loss and full gradient there, in the optimizer's batch layout
    // (x block, then y block).
    private final double[] theta;
    private final double[] grad;
    private final double[] loss;
    /**
     * Batches of at least {@link #COORDINATE_ARRAYS_FROM} runs also keep the point and gradient as
     * separate coordinate arrays, the layout in which the surface's loop and the divergence scan read
     * every array at one index, so the JIT turns them into SIMD code; smaller batches (a single run)
     * evaluate in place, where the copies would cost more than they save. Null for small batches.
     */
    private final double[] xs, ys, gxs, gys;
    /** Scratch of the large batches' divergence scan: (x + y + f + g_x² + g_y²)·0 per slot. */
    private final double[] check;
    static final int COORDINATE_ARRAYS_FROM = Coordinates.VECTOR_FROM;
    // The minibatch loss and gradient of the current update (only with minibatches).
    private final double[] batchGrad;
    private final double[] batchLoss;
    /** Per slot: the tolerance until the run first reaches it, then −∞ (nothing more to record). */
    private final double[] target;

    // Scratch for one run (Objective calls, minibatch gradients).
    private final double[] g1 = new double[2];
    private final double[] p1 = new double[2];
    private final double[] f1 = new double[1];
    private final double[] h1 = new double[3];
    private long t;

    // Results per scenario run.
    private final long[] divergedAt;
    private final long[] reachedAt;
    private final double[] lastX, lastY, lastLoss;
    private double tolerance = Double.NEGATIVE_INFINITY;
    private boolean cancelled;

    /**
     * @param surface  the loss
     * @param runs     the runs of this batch, all with the same optimizer type and each with its
     *                 start. Not modified.
     * @param indices  each run's index in its scenario (seeds its noise and minibatches; names its rows)
     * @param steps    updates per run
     * @param seed     the scenario seed
     */
    public Stepper(Surface surface, List<RunSettings> runs, int[] indices, long steps, long seed) {
        this(surface, runs, indices, indices, steps, seed);
    }

    /**
     * As {@link #Stepper(Surface, List, int[], long, long)}, but run r draws its noise and minibatches
     * from the streams of run {@code streams[r]} instead of {@code indices[r]}: a sweep gives every
     * cell of a grid its own result slot while each cell replays the noise of the one scenario run it
     * varies, so a cell equals that run done alone.
     *
     * @param streams the scenario run index whose random streams run r uses. Not modified.
     */
    public Stepper(Surface surface, List<RunSettings> runs, int[] indices, int[] streams, long steps, long seed) {
        if (runs.isEmpty() || runs.size() != indices.length || streams.length != indices.length) {
            throw new IllegalArgumentException("need one index per run");
        }
        this.surface = surface;
        this.finiteSum = surface instanceof FiniteSum fs ? fs : null;
        this.steps = steps;
        this.stride = runs.size();
        this.n = stride;
        runIndex = indices.clone();
        batches = new Minibatches[stride];
        theta = new double[2 * stride];
        grad = new double[2 * stride];
        loss = new double[stride];
        boolean coordinates = stride >= COORDINATE_ARRAYS_FROM;
        xs = coordinates ? new double[stride] : null;
        ys = coordinates ? new double[stride] : null;
        gxs = coordinates ? new double[stride] : null;
        gys = coordinates ? new double[stride] : null;
        check = coordinates ? new double[stride] : null;
        target = new double[stride];
        Arrays.fill(target, Double.NEGATIVE_INFINITY);
        int maxRun = 0;
        for (int i : indices) {
            maxRun = Math.max(maxRun, i);
        }
        divergedAt = new long[maxRun + 1];
        reachedAt = new long[maxRun + 1];
        lastX = new double[maxRun + 1];
        lastY = new double[maxRun + 1];
        lastLoss = new double[maxRun + 1];
        Arrays.fill(divergedAt, -1);
        Arrays.fill(reachedAt, -1);
        RandomStreams random = new RandomStreams(seed, streams);
        boolean mini = false;
        for (int r = 0; r < stride; r++) {
            RunSettings c = runs.get(r);
            double[] start = c.start();
            if (start == null || start.length != 2) {
                throw new IllegalArgumentException("run " + indices[r] + " needs a start point (x, y)");
            }
            theta[r] = start[0];
            theta[stride + r] = start[1];
            if (finiteSum != null && c.batchSize() > 0 && c.batchSize() < finiteSum.size()) {
                mini = true;
                batches[r] = new Minibatches(finiteSum.size(), c.batchSize(), random.seed(r, Seeds.BATCHES));
            }
        }
        anyMinibatch = mini;
        batchGrad = mini ? new double[2 * stride] : null;
        batchLoss = mini ? new double[stride] : null;
        pipeline = new UpdatePipeline(2, stride, runs, steps, random);
        pipeline.start(n, theta);
        channelValues = new double[pipeline.channels().size()];
        plain = pipeline.isPlain() ? pipeline.optimizer() : null;
        rates = pipeline.rates();
        single = plain instanceof Sgd sgd && stride == 1 && !mini && xs == null && channelValues.length == 0
                && !pipeline.observesLoss() ? sgd : null;
        batchSgd = plain instanceof Sgd sgd && xs != null && !mini && channelValues.length == 0
                && !pipeline.observesLoss() ? sgd : null;
    }

    /** Also record, per run, the first step whose loss is at most {@code tol}. */
    public Stepper trackTolerance(double tol) {
        this.tolerance = tol;
        Arrays.fill(target, tol);
        return this;
    }

    /**
     * Runs every update, reporting each point to {@code sink} (may be null when only the summary is
     * wanted). Polls {@code cancel} every 1024 updates.
     *
     * @return false if cancelled
     */
    public boolean run(TrajectorySink sink, Cancellation cancel) {
        t = 0;
        if (sink != null && channelValues.length > 0) {
            for (int r = 0; r < n; r++) {
                sink.channels(runIndex[r], pipeline.channels());
            }
        }
        evaluate(0);
        report(sink, 0);
        final boolean observe = pipeline.observesLoss();
        for (long k = 0; k < steps && n > 0; k++) {
            if ((k & 1023) == 0 && cancel.isCancelled()) {
                cancelled = true;
                return false;
            }
            t = k;
            if (single != null && n == 1 && single.fusable()) {
                // Up to the next poll of the cancellation, or the first point to look at here.
                long last = SingleRunSgd.run(surface, single, theta, grad, loss, rates[0], k, Math.min(steps, (k | 1023) + 1),
                        target[0], sink, runIndex[0]);
                k = last - 1;
                t = k;
                report(sink, last);
                continue;
            }
            if (batchSgd != null && sink == null && batchSgd.fusableBatch()) {
                // Up to the next poll of the cancellation; events are reported inside, at their steps.
                long to = Math.min(steps, (k | 1023) + 1);
                if (batchLoop == null) {
                    batchLoop = new BatchSgd(surface, batchSgd, stride);
                }
                batchLoop.run(n, k, to, theta, grad, loss, rates, target, batchEvents);
                k = to - 1;
                t = k;
                continue;
            }
            if (anyMinibatch) {
                minibatchGradients();
                pipeline.update(n, k, theta, batchGrad, batchLoss, this, this);
            } else {
                if (plain != null) {
                    // No link and a constant rate: the optimizer's step is the whole update (called
                    // here, not through the pipeline, to spare a single run's loop one call).
                    plain.step(n, theta, grad, loss, rates, this);
                } else {
                    pipeline.update(n, k, theta, grad, loss, this, this);
                }
            }
            evaluate(k + 1);
            if (observe) {
                pipeline.observe(n, k, loss);
            }
            report(sink, k + 1);
        }
        for (int r = 0; r < n; r++) {
            keepLast(r);
        }
        return true;
    }

    /** Loss and full gradient at the current points, for update number {@code step}. */
    private void evaluate(long step) {
        if (xs == null) {
            surface.evaluate(n, stride, theta, step, loss, grad);
            return;
        }
        System.arraycopy(theta, 0, xs, 0, n);
        System.arraycopy(theta, stride, ys, 0, n);
        surface.evaluate(n, xs, ys, step, loss, gxs, gys);
        System.arraycopy(gxs, 0, grad, 0, n);
        System.arraycopy(gys, 0, grad, stride, n);
    }

    /** Step 1 with minibatches: each run draws its next batch; full-batch runs keep their gradient. */
    private void minibatchGradients() {
        for (int r = 0; r < n; r++) {
            if (batches[r] != null) {
                batches[r].next();
                batchLoss[r] = batchGradient(r, theta[r], theta[stride + r]);
                batchGrad[r] = g1[0];
                batchGrad[stride + r] = g1[1];
            } else {
                batchLoss[r] = loss[r];
                batchGrad[r] = grad[r];
                batchGrad[stride + r] = grad[stride + r];
            }
        }
    }

    private double batchGradient(int r, double x, double y) {
        Minibatches b = batches[r];
        return finiteSum.batchValueAndGradient(x, y, b.indices(), b.from(), b.to(), g1);
    }

    /** Reports every active run's point and removes those that diverged. */
    private void report(TrajectorySink sink, long step) {
        if (sink != null || (xs == null ? anyEventInPlace() : anyEventByCoordinates())) {
            reportAll(sink, step);
        }
    }

    private void reportAll(TrajectorySink sink, long step) {
        for (int r = n - 1; r >= 0; r--) {
            double x = theta[r], y = theta[stride + r], f = loss[r];
            double gx = grad[r], gy = grad[stride + r];
            double gn = Math.sqrt(gx * gx + gy * gy);
            if (sink != null) {
                sink.point(runIndex[r], step, x, y, f, gn, step == 0 ? Double.NaN : pipeline.lr(r));
                if (channelValues.length > 0) {
                    for (int k = 0; k < channelValues.length; k++) {
                        channelValues[k] = pipeline.channel(k, r);
                    }
                    sink.channelValues(runIndex[r], step, channelValues);
                }
            }
            check(r, step, x, y, f, gn);
        }
    }

    /**
     * The checks of run r's point at {@code step}: the first loss at most the tolerance, and
     * divergence (a point, loss or gradient norm not finite: recorded with the point, and the run
     * leaves the batch).
     *
     * @return true if the run diverged
     */
    private boolean check(int r, long step, double x, double y, double f, double gn) {
        if (f <= tolerance && reachedAt[runIndex[r]] < 0) {
            reachedAt[runIndex[r]] = step;
            target[r] = Double.NEGATIVE_INFINITY;
        }
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(f) && Double.isFinite(gn))) {
            divergedAt[runIndex[r]] = step;
            lastX[runIndex[r]] = x;
            lastY[runIndex[r]] = y;
            lastLoss[runIndex[r]] = f;
            remove(r);
            return true;
        }
        return false;
    }

    /** A point {@link BatchSgd} shows: the checks of {@link #report} for that run alone. */
    private boolean batchPoint(int r, long step, double x, double y, double f, double gx, double gy) {
        return check(r, step, x, y, f, Math.sqrt(gx * gx + gy * gy));
    }

    /**
     * Did any active run diverge or first reach the tolerance? A cheap scan that the exact loop in
     * {@link #report} confirms. s = x + y + f + g_x² + g_y² is non-finite whenever one of the terms is
     * (‖g‖ is finite exactly when g_x² + g_y² is), and s·0 is 0 for finite s and NaN otherwise, so the
     * sum of the s·0 is 0 exactly when no run diverged. A sum of finite terms that overflows only
     * sends the step through the exact loop. This is the scan of small batches, in place.
     */
    private boolean anyEventInPlace() {
        double s = 0;
        for (int r = 0; r < n; r++) {
            double gx = grad[r], gy = grad[stride + r];
            s += (theta[r] + theta[stride + r] + loss[r] + (gx * gx + gy * gy)) * 0.0;
        }
        return s != 0 || reachedTolerance();
    }

    /**
     * As {@link #anyEventInPlace}, over the coordinate arrays of a large batch: s·0 by a loop with one
     * index (SIMD code), summed with eight accumulators (no addition waits on the one before).
     */
    private boolean anyEventByCoordinates() {
        final int m = n;
        for (int i = 0; i < m; i++) {
            double gx = gxs[i], gy = gys[i];
            check[i] = (xs[i] + ys[i] + loss[i] + (gx * gx + gy * gy)) * 0.0;
        }
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int r = 0;
        for (; r + 7 < m; r += 8) {
            s0 += check[r];
            s1 += check[r + 1];
            s2 += check[r + 2];
            s3 += check[r + 3];
            s4 += check[r + 4];
            s5 += check[r + 5];
            s6 += check[r + 6];
            s7 += check[r + 7];
        }
        for (; r < m; r++) {
            s0 += check[r];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)) != 0 || reachedTolerance();
    }

    /** Did an active run first reach the tracked tolerance? */
    private boolean reachedTolerance() {
        if (tolerance != Double.NEGATIVE_INFINITY) {
            for (int i = 0; i < n; i++) {
                if (loss[i] <= target[i]) {
                    return true;
                }
            }
        }
        return false;
    }

    private void keepLast(int r) {
        lastX[runIndex[r]] = theta[r];
        lastY[runIndex[r]] = theta[stride + r];
        lastLoss[runIndex[r]] = loss[r];
    }

    /** Moves the last active run into slot r. */
    private void remove(int r) {
        int last = --n;
        if (r == last) {
            return;
        }
        runIndex[r] = runIndex[last];
        batches[r] = batches[last];
        theta[r] = theta[last];
        theta[stride + r] = theta[stride + last];
        grad[r] = grad[last];
        grad[stride + r] = grad[stride + last];
        loss[r] = loss[last];
        target[r] = target[last];
        pipeline.moveRun(last, r);
    }

    // --- BatchLoss, for SAM's probe points: every active run at update t, on its own minibatch. ---

    @Override
    public void valueAndGradient(int count, double[] p, double[] f, double[] g) {
        if (!anyMinibatch) {
            surface.evaluate(count, stride, p, t, f, g);
            return;
        }
        for (int r = 0; r < count; r++) {
            if (batches[r] != null) {
                f[r] = batchGradient(r, p[r], p[stride + r]);
            } else {
                p1[0] = p[r];
                p1[1] = p[stride + r];
                surface.evaluate(1, 1, p1, t, f1, g1);
                f[r] = f1[0];
            }
            g[r] = g1[0];
            g[stride + r] = g1[1];
        }
    }

    // --- Objective, for L-BFGS line searches and Newton's Hessian: one run at update t. ---

    @Override
    public double valueAndGradient(int run, double[] th, double[] g) {
        if (batches[run] != null) {
            double f = batchGradient(run, th[0], th[1]);
            g[0] = g1[0];
            g[1] = g1[1];
            return f;
        }
        surface.evaluate(1, 1, th, t, f1, g);
        return f1[0];
    }

    @Override
    public void hessian(int run, double[] th, double[] hess) {
        surface.hessian(1, 1, th, t, h1);
        hess[0] = h1[0];
        hess[1] = h1[1];
        hess[2] = h1[1];
        hess[3] = h1[2];
    }

    /** Whether some updates went through {@link BatchSgd}'s loop (for tests). */
    boolean tookBatchLoop() {
        return batchLoop != null;
    }

    // --- Results, per scenario run index. ---

    /** The step at which run i diverged, or −1. */
    public long divergedAt(int i) {
        return divergedAt[i];
    }

    /** The first step whose loss was at most the tracked tolerance, or −1. */
    public long reachedAt(int i) {
        return reachedAt[i];
    }

    public double lastX(int i) {
        return lastX[i];
    }

    public double lastY(int i) {
        return lastY[i];
    }

    public double lastLoss(int i) {
        return lastLoss[i];
    }

    /**
     * For adaptive optimizers ({@link Preconditioned}), the denominator of coordinate {@code coord}
     * in scenario run {@code run}'s last update; NaN for other methods, before the first update, or
     * once the run has left the batch. Read it from a {@link TrajectorySink} to follow the
     * preconditioner along a run.
     */
    public double denominator(int run, int coord) {
        if (pipeline.optimizer() instanceof Preconditioned p) {
            for (int r = 0; r < n; r++) {
                if (runIndex[r] == run) {
                    return p.denominator(r, coord);
                }
            }
        }
        return Double.NaN;
    }

    public boolean wasCancelled() {
        return cancelled;
    }
}
