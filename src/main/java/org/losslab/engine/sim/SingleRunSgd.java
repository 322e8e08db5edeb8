package org.losslab.engine.sim;

import org.losslab.engine.optim.Sgd;
import org.losslab.engine.surface.Surface;

/**
 * The updates of one run of SGD (heavy ball, Nesterov, weight decay: {@link Sgd}'s equations and
 * roundings exactly) on a surface, with the run's point, its momentum buffer and the gradient held
 * in local variables from one update to the next:
 *
 * <pre>
 *   d = g + λθ;  b ← (1 − τ)·d + μ·b;  θ ← θ − η·(Nesterov ? d + μ·b : b);  (f, g) ← surface(θ)
 * </pre>
 *
 * <p>Why a loop of its own: the general path hands θ to the optimizer and the surface through the
 * batch arrays, so each update of a single run stores θ, the gradient and the buffer and loads them
 * back a few cycles later, and the chain of dependent arithmetic waits on those round trips through
 * memory (a plain loop of the same arithmetic is about twice as fast). Here the point and gradient
 * the surface sees are arrays allocated once per call and never shared, so once the JIT inlines the
 * surface it keeps them in registers too (escape analysis), and the buffer and θ are locals. The
 * values are the same as the general path's: the same surface code, the same fused multiply-adds in
 * the same order.
 *
 * <p>It runs only where nothing else acts between updates (the Stepper's plain pipeline: no link, a
 * constant rate, no minibatch, no traced channel) and stops at the first point that the Stepper must
 * look at itself: a non-finite value (divergence) or a loss at most the tracked tolerance.
 */
final class SingleRunSgd {
    private SingleRunSgd() {
    }

    /**
     * Updates {@code from} … {@code to − 1}: each takes θ and its gradient from {@code theta},
     * {@code grad} (stride 1), updates and evaluates the new point at its step, until a point is not
     * finite or has loss ≤ {@code target}. Every point but the last is reported to {@code sink}
     * (when not null); the last is the caller's to report and check. The run's state goes back into
     * the arrays and the optimizer's buffer and step count.
     *
     * @return the step of the last point evaluated (at most {@code to}), which is in {@code theta},
     *         {@code loss} and {@code grad}
     */
    static long run(Surface surface, Sgd sgd, double[] theta, double[] grad, double[] loss, double rate, long from, long to,
                    double target, TrajectorySink sink, int run) {
        final double mu = sgd.momentum0(), g1 = sgd.gain0(), wd = sgd.weightDecay0(), negLr = -rate;
        final boolean nesterov = sgd.nesterov(), momentum = mu != 0;
        final double[] buf = sgd.buffer();
        double x = theta[0], y = theta[1], gx = grad[0], gy = grad[1], f = loss[0];
        double bx = momentum ? buf[0] : 0, by = momentum ? buf[1] : 0;
        final double[] p = new double[2], g = new double[2], fv = new double[1];
        long k = from;
        while (k < to) {
            double dx = wd != 0 ? Math.fma(wd, x, gx) : gx;
            double dy = wd != 0 ? Math.fma(wd, y, gy) : gy;
            double sx = dx, sy = dy;
            if (momentum) {
                bx = Math.fma(g1, dx, bx * mu);
                by = Math.fma(g1, dy, by * mu);
                sx = nesterov ? Math.fma(mu, bx, dx) : bx;
                sy = nesterov ? Math.fma(mu, by, dy) : by;
            }
            x = Math.fma(negLr, sx, x);
            y = Math.fma(negLr, sy, y);
            k++;
            p[0] = x;
            p[1] = y;
            surface.evaluate(1, 1, p, k, fv, g);
            f = fv[0];
            gx = g[0];
            gy = g[1];
            // The Stepper's event test: s·0 is 0 exactly when x, y, f and ‖g‖ are all finite.
            if ((x + y + f + (gx * gx + gy * gy)) * 0.0 != 0 || f <= target || k == to) {
                break;
            }
            if (sink != null) {
                sink.point(run, k, x, y, f, Math.sqrt(gx * gx + gy * gy), rate);
            }
        }
        theta[0] = x;
        theta[1] = y;
        grad[0] = gx;
        grad[1] = gy;
        loss[0] = f;
        if (momentum) {
            buf[0] = bx;
            buf[1] = by;
        }
        sgd.stepped(k - from);
        return k;
    }
}
