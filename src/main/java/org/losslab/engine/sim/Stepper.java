package org.losslab.engine.sim;

import java.util.Arrays;
import java.util.List;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Objective;
import org.losslab.engine.optim.Optimizer;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.optim.Preconditioned;
import org.losslab.engine.random.Gaussian;
import org.losslab.engine.random.Minibatches;
import org.losslab.engine.random.Seeds;
import org.losslab.engine.schedule.Schedule;
import org.losslab.engine.surface.FiniteSum;
import org.losslab.engine.surface.Surface;

/**
 * Steps a batch of runs of one optimizer type on one surface, together, through the spec's
 * per-update algorithm. For update t = 0, 1, …, steps−1 from θ_t:
 * <ol>
 *   <li>g = ∇f(θ_t) (the run's minibatch gradient on finite sums; expressions see t);</li>
 *   <li>SAM, if ρ &gt; 0: e = ρ·g/‖g‖ (0 when ‖g‖ = 0), g = ∇f(θ_t + e) on the same minibatch;</li>
 *   <li>clipping, if c is set: g = g·min(1, c/(‖g‖ + 10⁻⁶)), as torch.nn.utils.clip_grad_norm_;</li>
 *   <li>lr_t = lr·(t+1)/W for t &lt; W, else schedule(t − W);</li>
 *   <li>θ = the optimizer's update of θ_t with g and lr_t;</li>
 *   <li>Langevin noise, if T &gt; 0: θ_{t+1} = θ + √(2·lr_t·T)·ξ, ξ ~ N(0, I₂).</li>
 * </ol>
 * After each update the new point is evaluated in full (loss and exact gradient, t = its step):
 * that gradient is the next update's g, the loss feeds ReduceLROnPlateau, and both go to the
 * {@link TrajectorySink}. A run whose point, loss or gradient is no longer finite is diverged: its
 * last point is still reported, then it leaves the batch (the last active run moves into its slot),
 * so a sweep stops paying for runs that blew up.
 *
 * <p>Structure of arrays: slot r of the batch has x = θ[r], y = θ[stride + r]. Everything is
 * allocated in the constructor; {@link #run} allocates nothing per update. A stepper is used by one
 * thread; make one per task.
 */
public final class Stepper implements Objective {
    private static final double CLIP_EPS = 1e-6;

    private final Surface surface;
    private final FiniteSum finiteSum;
    private final long steps;
    private final int stride;
    private int n;

    // Per slot: which scenario run it holds, and that run's settings.
    private final int[] runIndex;
    private final double[] baseLr;
    private final long[] warmup;
    private final Schedule[] schedule;
    private final double[] temperature;
    private final double[] rho;
    private final double[] clip;
    private final Gaussian[] noise;
    private final Minibatches[] batches;

    private final boolean anySam, anyClip, anyNoise, anyMinibatch, anyPlateau, constantLr;
    /** Whether step 1's full gradient is changed before the optimizer sees it. */
    private final boolean adjustsGradient;

    // Per slot state, structure of arrays.
    private final double[] theta;
    private final double[] grad;
    private final double[] loss;
    private final double[] gUse;
    private final double[] lossUse;
    private final double[] probe;
    private final double[] probeLoss;
    private final double[] lr;
    /** Per slot: the tolerance until the run first reaches it, then −∞ (nothing more to record). */
    private final double[] target;
    private final Optimizer optimizer;

    // Scratch for one run (Objective calls, minibatch gradients).
    private final double[] g1 = new double[2];
    private final double[] p1 = new double[2];
    private final double[] f1 = new double[1];
    private final double[] h1;
    private long t;

    // Results per scenario run.
    private final long[] divergedAt;
    private final long[] reachedAt;
    private final double[] lastX, lastY, lastLoss;
    private double tolerance = Double.NEGATIVE_INFINITY;
    private boolean cancelled;

    /**
     * @param surface  the loss
     * @param runs     the runs of this batch, all with the same optimizer type. Not modified.
     * @param indices  each run's index in its scenario (seeds its noise and minibatches; names its rows)
     * @param steps    updates per run
     * @param seed     the scenario seed
     */
    public Stepper(Surface surface, List<RunConfig> runs, int[] indices, long steps, long seed) {
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
    public Stepper(Surface surface, List<RunConfig> runs, int[] indices, int[] streams, long steps, long seed) {
        if (runs.isEmpty() || runs.size() != indices.length || streams.length != indices.length) {
            throw new IllegalArgumentException("need one index per run");
        }
        this.surface = surface;
        this.finiteSum = surface instanceof FiniteSum fs ? fs : null;
        this.steps = steps;
        this.stride = runs.size();
        this.n = stride;
        runIndex = indices.clone();
        baseLr = new double[stride];
        warmup = new long[stride];
        schedule = new Schedule[stride];
        temperature = new double[stride];
        rho = new double[stride];
        clip = new double[stride];
        noise = new Gaussian[stride];
        batches = new Minibatches[stride];
        theta = new double[2 * stride];
        grad = new double[2 * stride];
        loss = new double[stride];
        gUse = new double[2 * stride];
        lossUse = new double[stride];
        probe = new double[2 * stride];
        probeLoss = new double[stride];
        lr = new double[stride];
        target = new double[stride];
        Arrays.fill(target, Double.NEGATIVE_INFINITY);
        h1 = new double[3];
        boolean sam = false, clips = false, noisy = false, mini = false, plateau = false, constant = true;
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
        for (int r = 0; r < stride; r++) {
            RunConfig c = runs.get(r);
            baseLr[r] = c.optimizer().lr();
            warmup[r] = c.warmupSteps();
            schedule[r] = c.schedule().create(c.optimizer().lr(), Math.max(0, steps - c.warmupSteps()));
            temperature[r] = c.noiseTemperature();
            rho[r] = c.samRho();
            clip[r] = c.clipNorm();
            theta[r] = c.startX();
            theta[stride + r] = c.startY();
            sam |= rho[r] > 0;
            clips |= c.clips();
            if (temperature[r] > 0) {
                noisy = true;
                noise[r] = new Gaussian(Seeds.of(seed, streams[r], Seeds.NOISE));
            }
            if (finiteSum != null && c.batchSize() > 0 && c.batchSize() < finiteSum.size()) {
                mini = true;
                batches[r] = new Minibatches(finiteSum.size(), c.batchSize(), Seeds.of(seed, streams[r], Seeds.BATCHES));
            }
            plateau |= schedule[r].isStateful();
            constant &= warmup[r] == 0 && schedule[r].isConstant();
            lr[r] = schedule[r].at(0);
        }
        anySam = sam;
        anyClip = clips;
        anyNoise = noisy;
        anyMinibatch = mini;
        anyPlateau = plateau;
        constantLr = constant;
        adjustsGradient = mini || sam || clips;
        optimizer = OptimizerConfig.create(2, stride, runs.stream().map(RunConfig::optimizer).toList());
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
        surface.evaluate(n, stride, theta, 0, loss, grad);
        report(sink, 0);
        for (long k = 0; k < steps && n > 0; k++) {
            if ((k & 1023) == 0 && cancel.isCancelled()) {
                cancelled = true;
                return false;
            }
            t = k;
            double[] g = adjustsGradient ? adjustedGradient() : grad;
            if (!constantLr) {
                for (int r = 0; r < n; r++) {
                    lr[r] = k < warmup[r] ? baseLr[r] * (k + 1) / warmup[r] : schedule[r].at(k - warmup[r]);
                }
            }
            optimizer.step(n, theta, g, anyMinibatch ? lossUse : loss, lr, this);
            if (anyNoise) {
                addNoise();
            }
            surface.evaluate(n, stride, theta, k + 1, loss, grad);
            if (anyPlateau) {
                for (int r = 0; r < n; r++) {
                    if (k >= warmup[r]) {
                        schedule[r].observe(loss[r]);
                    }
                }
            }
            report(sink, k + 1);
        }
        for (int r = 0; r < n; r++) {
            keepLast(r);
        }
        return true;
    }

    /** Steps 1–3 when any run minibatches, uses SAM or clips: the gradient the optimizer is given. */
    private double[] adjustedGradient() {
        if (anyMinibatch) {
            for (int r = 0; r < n; r++) {
                if (batches[r] != null) {
                    batches[r].next();
                    lossUse[r] = batchGradient(r, theta[r], theta[stride + r]);
                    gUse[r] = g1[0];
                    gUse[stride + r] = g1[1];
                } else {
                    lossUse[r] = loss[r];
                    gUse[r] = grad[r];
                    gUse[stride + r] = grad[stride + r];
                }
            }
        } else {
            System.arraycopy(grad, 0, gUse, 0, n);
            System.arraycopy(grad, stride, gUse, stride, n);
        }
        if (anySam) {
            sharpnessAware();
        }
        if (anyClip) {
            for (int r = 0; r < n; r++) {
                double c = clip[r];
                if (c != Double.POSITIVE_INFINITY) {
                    double gx = gUse[r], gy = gUse[stride + r];
                    double scale = Math.min(1.0, c / (Math.sqrt(gx * gx + gy * gy) + CLIP_EPS));
                    gUse[r] = gx * scale;
                    gUse[stride + r] = gy * scale;
                }
            }
        }
        return gUse;
    }

    /** SAM (Foret et al., 2021): the gradient at the worst nearby point θ + ρ·g/‖g‖. */
    private void sharpnessAware() {
        for (int r = 0; r < n; r++) {
            double gx = gUse[r], gy = gUse[stride + r];
            double norm = Math.sqrt(gx * gx + gy * gy);
            double ex = 0, ey = 0;
            if (rho[r] > 0 && norm > 0) {
                ex = rho[r] * gx / norm;
                ey = rho[r] * gy / norm;
            }
            probe[r] = theta[r] + ex;
            probe[stride + r] = theta[stride + r] + ey;
        }
        if (anyMinibatch) {
            for (int r = 0; r < n; r++) {
                if (rho[r] > 0) {
                    if (batches[r] != null) {
                        batchGradient(r, probe[r], probe[stride + r]);
                        gUse[r] = g1[0];
                        gUse[stride + r] = g1[1];
                    } else {
                        p1[0] = probe[r];
                        p1[1] = probe[stride + r];
                        surface.evaluate(1, 1, p1, t, f1, g1);
                        gUse[r] = g1[0];
                        gUse[stride + r] = g1[1];
                    }
                }
            }
        } else {
            // Runs with ρ = 0 are probed at θ itself, which reproduces their gradient exactly.
            surface.evaluate(n, stride, probe, t, probeLoss, gUse);
        }
    }

    private double batchGradient(int r, double x, double y) {
        Minibatches b = batches[r];
        return finiteSum.batchValueAndGradient(x, y, b.indices(), b.from(), b.to(), g1);
    }

    private void addNoise() {
        for (int r = 0; r < n; r++) {
            if (temperature[r] > 0) {
                double s = Math.sqrt(2 * lr[r] * temperature[r]);
                theta[r] += s * noise[r].next();
                theta[stride + r] += s * noise[r].next();
            }
        }
    }

    /** Reports every active run's point and removes those that diverged. */
    private void report(TrajectorySink sink, long step) {
        if (sink == null && !anyEvent()) {
            return;
        }
        for (int r = n - 1; r >= 0; r--) {
            double x = theta[r], y = theta[stride + r], f = loss[r];
            double gx = grad[r], gy = grad[stride + r];
            double gn = Math.sqrt(gx * gx + gy * gy);
            if (sink != null) {
                sink.point(runIndex[r], step, x, y, f, gn, step == 0 ? Double.NaN : lr[r]);
            }
            if (f <= tolerance && reachedAt[runIndex[r]] < 0) {
                reachedAt[runIndex[r]] = step;
                target[r] = Double.NEGATIVE_INFINITY;
            }
            if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(f) && Double.isFinite(gn))) {
                divergedAt[runIndex[r]] = step;
                keepLast(r);
                remove(r);
            }
        }
    }

    /**
     * Did any active run diverge or first reach the tolerance? A cheap scan that the exact loop in
     * {@link #report} confirms: x + y + f + g_x² + g_y² is non-finite whenever one of the terms is
     * (‖g‖ is finite exactly when g_x² + g_y² is), and s − s is 0 for finite s and NaN otherwise. A sum
     * of finite terms that overflows only sends the step through the exact loop, which finds nothing.
     */
    private boolean anyEvent() {
        final int s = stride;
        boolean event = false;
        for (int r = 0; r < n; r++) {
            double gx = grad[r], gy = grad[s + r], f = loss[r];
            double sum = theta[r] + theta[s + r] + f + (gx * gx + gy * gy);
            // An OR carried from run to run, not a sum: no floating-point latency chain.
            event |= (sum - sum != 0) | (f <= target[r]);
        }
        return event;
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
        baseLr[r] = baseLr[last];
        warmup[r] = warmup[last];
        schedule[r] = schedule[last];
        temperature[r] = temperature[last];
        rho[r] = rho[last];
        clip[r] = clip[last];
        noise[r] = noise[last];
        batches[r] = batches[last];
        theta[r] = theta[last];
        theta[stride + r] = theta[stride + last];
        grad[r] = grad[last];
        grad[stride + r] = grad[stride + last];
        loss[r] = loss[last];
        lr[r] = lr[last];
        target[r] = target[last];
        optimizer.moveRun(last, r);
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
        if (optimizer instanceof Preconditioned p) {
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
