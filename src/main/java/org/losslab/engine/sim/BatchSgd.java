package org.losslab.engine.sim;

import java.util.Arrays;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.surface.Surface;

/**
 * The updates of a large batch of SGD runs (plain, heavy ball, Nesterov, dampening, weight decay:
 * {@link Sgd}'s equations and roundings exactly) on a surface, over separate coordinate arrays from
 * one update to the next: for each coordinate c ∈ {x, y} of every run i,
 *
 * <pre>
 *   d = g + λθ;  b ← (1 − τ)·d + μ·b;  θ ← θ − η·(Nesterov ? d + μ·b : b);  (f, g) ← surface(θ)
 * </pre>
 *
 * <p>Why a loop of its own: the Stepper's general path keeps θ in the optimizer's flat layout (x
 * block, y block), copies it into coordinate arrays for the surface and back, and scans every run
 * for divergence after every update with a sum that the JIT cannot vectorize (floating-point
 * addition is not reassociated). Here θ, g, f and the buffers stay in coordinate arrays, each update
 * is three loops that read every array at one index (SIMD code), and the divergence test is
 * deferred: each run keeps a = min over a chunk of updates of e = f + (x + y + f + g_x² + g_y²)·0,
 * which is NaN from the first non-finite value on (NaN is absorbing in both + and {@code Math.min})
 * and at most the tolerance once the loss has reached it. A chunk's end looks once at a ≤ target;
 * only runs that show an event are replayed from the chunk's first point, one update at a time
 * with the same arithmetic for that slot alone, so the Stepper sees each event at its exact step with the
 * exact point ({@link Events#point}). The replayed values are the batch's: the runs do not interact,
 * and the surface's one-point call does the same arithmetic as its batch loop (BatchSgdTest holds
 * every surface to that).
 *
 * <p>Chunks are short at the start, where most diverging runs of a sweep blow up (each replay costs
 * up to one chunk of scalar updates), and longer after. Used by the Stepper only where nothing else
 * acts between updates (its plain pipeline with nothing traced and no sink) and only from the second
 * update on (the first builds the buffers). Allocates nothing once its thread's arrays are as
 * long as the batch.
 */
final class BatchSgd {
    /** What the Stepper does with a point of a run that showed an event. */
    interface Events {
        /**
         * The point of the run in {@code slot} after update {@code step − 1}; true if the run diverged
         * there, in which case the Stepper has recorded it and moved its last active run into
         * {@code slot} (this loop then does the same with its own arrays).
         */
        boolean point(int slot, long step, double x, double y, double f, double gx, double gy);
    }

    /** Chunk lengths: short for the first {@link #EARLY} updates, long after. */
    static final int EARLY = 64, EARLY_CHUNK = 4, CHUNK = 32;

    private enum Rule { PLAIN, HEAVY_BALL, DAMPED_HEAVY_BALL, GENERAL }

    private final Surface surface;
    private final Sgd sgd;
    private final Rule rule;
    private final boolean nesterov;
    private final int stride;
    // Per slot: the point, its loss and gradient, the momentum buffers, the hyperparameters, the
    // chunk's event value a; and the same state at the chunk's first point.
    private final double[] x, y, f, gx, gy, bx, by, mu, gain, wd, negLr, a;
    private final double[] x0, y0, gx0, gy0, bx0, by0;
    /**
     * The per-slot arrays that outlive a chunk's end, for moving a slot (the chunk's checkpoint and
     * event values of a moved run are not read again: runs are looked at from the last slot down).
     */
    private final double[][] slots;
    // One slot's scratch for a replay: its point, loss, gradient and buffers (x, y).
    private final double[] rp = new double[2], rf = new double[1], rg = new double[2], rb = new double[2];

    /**
     * The arrays of this thread's loops, at least {@code stride} long. Shared by every BatchSgd the
     * thread makes (a sweep makes one per row): they hold nothing from one {@link #run} to the next
     * (each call loads its runs' state and stores it back), and a thread is in one run at a time.
     */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[18][0]);

    private static double[][] scratch(int stride) {
        double[][] v = SCRATCH.get();
        if (v[0].length < stride) {
            for (int k = 0; k < v.length; k++) {
                v[k] = new double[stride];
            }
        }
        return v;
    }

    BatchSgd(Surface surface, Sgd sgd, int stride) {
        this.surface = surface;
        this.sgd = sgd;
        this.stride = stride;
        nesterov = sgd.nesterov();
        if (!sgd.anyMomentum() && !sgd.anyWeightDecay()) {
            rule = Rule.PLAIN;
        } else if (!sgd.anyWeightDecay() && !nesterov) {
            rule = sgd.undamped() ? Rule.HEAVY_BALL : Rule.DAMPED_HEAVY_BALL;
        } else {
            rule = Rule.GENERAL;
        }
        double[][] v = scratch(stride);
        x = v[0];
        y = v[1];
        f = v[2];
        gx = v[3];
        gy = v[4];
        bx = v[5];
        by = v[6];
        mu = v[7];
        gain = v[8];
        wd = v[9];
        negLr = v[10];
        a = v[11];
        x0 = v[12];
        y0 = v[13];
        gx0 = v[14];
        gy0 = v[15];
        bx0 = v[16];
        by0 = v[17];
        slots = new double[][] {x, y, f, gx, gy, bx, by, mu, gain, wd, negLr};
    }

    /**
     * Updates {@code from} … {@code to − 1} of the {@code n} active runs, whose points, losses and
     * gradients are in the Stepper's flat arrays ({@code theta[r]}, {@code theta[stride + r]}) and
     * whose buffers are in the optimizer; every event on the way goes to {@code events} at its step
     * (removing diverged runs), and the state of the runs still active goes back at the end.
     *
     * @param rate   the constant rate of each slot
     * @param target per slot, the loss at or below which {@code events} must see the point (the
     *               tolerance until the run has reached it, then −∞). Read after each event.
     * @return the number of runs still active
     */
    int run(int n, long from, long to, double[] theta, double[] grad, double[] loss, double[] rate, double[] target,
            Events events) {
        load(n, theta, grad, loss, rate);
        long k = from;
        while (k < to && n > 0) {
            int chunk = (int) Math.min(k < EARLY ? EARLY_CHUNK : CHUNK, to - k);
            checkpoint(n);
            for (int s = 0; s < chunk; s++) {
                // Three passes, not fused: C2 (JDK 17) leaves a loop of the update and the watch
                // together as scalar code (2.0 ns an element against 0.76 for the two apart).
                update(n);
                surface.evaluate(n, x, y, k + s + 1, f, gx, gy);
                watch(n);
            }
            for (int i = n - 1; i >= 0; i--) {
                if (!(a[i] > target[i]) && replay(i, k, chunk, events)) {
                    moveSlot(--n, i);
                }
            }
            k += chunk;
        }
        sgd.stepped(k - from);
        store(n, theta, grad, loss);
        return n;
    }

    /** θ ← θ − η·d for both coordinates of slots 0 … n−1 (the rule's loops, SIMD code but for weight decay). */
    private void update(int n) {
        switch (rule) {
            case PLAIN -> {
                plain(n, x, gx, negLr);
                plain(n, y, gy, negLr);
            }
            case HEAVY_BALL -> {
                heavyBall(n, x, gx, bx, mu, negLr);
                heavyBall(n, y, gy, by, mu, negLr);
            }
            case DAMPED_HEAVY_BALL -> {
                dampedHeavyBall(n, x, gx, bx, mu, gain, negLr);
                dampedHeavyBall(n, y, gy, by, mu, gain, negLr);
            }
            default -> {
                general(n, x, gx, bx, mu, gain, wd, negLr);
                general(n, y, gy, by, mu, gain, wd, negLr);
            }
        }
    }

    /** θ ← θ − η·g (torch: {@code param.add_(grad, alpha=−lr)}, one fused multiply-add). */
    private static void plain(int n, double[] c, double[] g, double[] negLr) {
        for (int i = 0; i < n; i++) {
            c[i] = Math.fma(negLr[i], g[i], c[i]);
        }
    }

    /** b ← μ·b + g, θ ← θ − η·b: 1 − τ = 1, so torch's {@code add_(grad, alpha=1)} is g + μb rounded once. */
    private static void heavyBall(int n, double[] c, double[] g, double[] b, double[] mu, double[] negLr) {
        for (int i = 0; i < n; i++) {
            double v = g[i] + b[i] * mu[i];
            b[i] = v;
            c[i] = Math.fma(negLr[i], v, c[i]);
        }
    }

    /** b ← μ·b + (1 − τ)·g, θ ← θ − η·b. */
    private static void dampedHeavyBall(int n, double[] c, double[] g, double[] b, double[] mu, double[] gain,
                                        double[] negLr) {
        for (int i = 0; i < n; i++) {
            double v = Math.fma(gain[i], g[i], b[i] * mu[i]);
            b[i] = v;
            c[i] = Math.fma(negLr[i], v, c[i]);
        }
    }

    /** Weight decay (d = g + λθ only where λ ≠ 0, as torch skips it) and Nesterov's d + μb. */
    private void general(int n, double[] c, double[] g, double[] b, double[] mu, double[] gain, double[] wd,
                         double[] negLr) {
        for (int i = 0; i < n; i++) {
            double d = wd[i] != 0 ? Math.fma(wd[i], c[i], g[i]) : g[i];
            double v = Math.fma(gain[i], d, b[i] * mu[i]);
            b[i] = v;
            c[i] = Math.fma(negLr[i], nesterov ? Math.fma(mu[i], v, d) : v, c[i]);
        }
    }

    /** a ← min(a, f + (x + y + f + g_x² + g_y²)·0): NaN once anything was non-finite, else the least loss. */
    private void watch(int n) {
        for (int i = 0; i < n; i++) {
            double fi = f[i], u = gx[i], v = gy[i];
            a[i] = Math.min(a[i], (x[i] + y[i] + fi + (u * u + v * v)) * 0.0 + fi);
        }
    }

    /**
     * The chunk of slot i again, from its first point, one update at a time, showing each point to
     * {@code events} until the run diverges or the chunk ends.
     *
     * @return true if the run diverged (the Stepper has removed it)
     */
    private boolean replay(int i, long from, int chunk, Events events) {
        double px = x0[i], py = y0[i], qx = gx0[i], qy = gy0[i];
        rb[0] = bx0[i];
        rb[1] = by0[i];
        for (int s = 0; s < chunk; s++) {
            px = coordinate(px, qx, 0, i);
            py = coordinate(py, qy, 1, i);
            long step = from + s + 1;
            rp[0] = px;
            rp[1] = py;
            surface.evaluate(1, 1, rp, step, rf, rg);
            qx = rg[0];
            qy = rg[1];
            if (events.point(i, step, px, py, rf[0], qx, qy)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One coordinate c with gradient g of slot i by the rule, its buffer in {@code rb[k]}: the loops'
     * arithmetic for one element, written apart so that the loops' profiles see only whole batches
     * (C2 would not vectorize loops it has seen run once per call).
     */
    private double coordinate(double c, double g, int k, int i) {
        switch (rule) {
            case PLAIN -> {
                return Math.fma(negLr[i], g, c);
            }
            case HEAVY_BALL -> {
                double v = g + rb[k] * mu[i];
                rb[k] = v;
                return Math.fma(negLr[i], v, c);
            }
            case DAMPED_HEAVY_BALL -> {
                double v = Math.fma(gain[i], g, rb[k] * mu[i]);
                rb[k] = v;
                return Math.fma(negLr[i], v, c);
            }
            default -> {
                double d = wd[i] != 0 ? Math.fma(wd[i], c, g) : g;
                double v = Math.fma(gain[i], d, rb[k] * mu[i]);
                rb[k] = v;
                return Math.fma(negLr[i], nesterov ? Math.fma(mu[i], v, d) : v, c);
            }
        }
    }

    private void checkpoint(int n) {
        System.arraycopy(x, 0, x0, 0, n);
        System.arraycopy(y, 0, y0, 0, n);
        System.arraycopy(gx, 0, gx0, 0, n);
        System.arraycopy(gy, 0, gy0, 0, n);
        System.arraycopy(bx, 0, bx0, 0, n);
        System.arraycopy(by, 0, by0, 0, n);
        Arrays.fill(a, 0, n, Double.POSITIVE_INFINITY);
    }

    /** Moves slot {@code last} into slot {@code to}, as the Stepper did with its own arrays. */
    private void moveSlot(int last, int to) {
        if (last == to) {
            return;
        }
        for (double[] v : slots) {
            v[to] = v[last];
        }
    }

    private void load(int n, double[] theta, double[] grad, double[] loss, double[] rate) {
        // The buffers always: with weight decay and no momentum anywhere, Sgd's rule still reads
        // b·0, whose zero carries b's sign.
        double[] buf = sgd.buffer();
        for (int r = 0; r < n; r++) {
            x[r] = theta[r];
            y[r] = theta[stride + r];
            gx[r] = grad[r];
            gy[r] = grad[stride + r];
            f[r] = loss[r];
            bx[r] = buf[r];
            by[r] = buf[stride + r];
            mu[r] = sgd.momentum(r);
            gain[r] = sgd.gain(r);
            wd[r] = sgd.weightDecay(r);
            negLr[r] = -rate[r];
        }
    }

    private void store(int n, double[] theta, double[] grad, double[] loss) {
        double[] buf = sgd.buffer();
        for (int r = 0; r < n; r++) {
            theta[r] = x[r];
            theta[stride + r] = y[r];
            grad[r] = gx[r];
            grad[stride + r] = gy[r];
            loss[r] = f[r];
            buf[r] = bx[r];
            buf[stride + r] = by[r];
        }
    }
}
