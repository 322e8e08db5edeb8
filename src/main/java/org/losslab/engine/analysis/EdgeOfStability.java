package org.losslab.engine.analysis;

import java.util.List;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Adagrad;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.optim.RmsProp;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Stepper;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.update.RunSettings;

/**
 * Sharpness along a run, against the stability limit of its optimizer: the edge of stability
 * (Cohen et al., ICLR 2021; adaptive methods: Cohen et al. 2022).
 *
 * <p>On a quadratic with top Hessian eigenvalue λmax, gradient descent with step η is stable only
 * while λmax &lt; 2/η; heavy ball with momentum β (dampening τ) while λmax &lt; 2(1 + β)/((1 − τ)η);
 * Nesterov while λmax &lt; (2 + 2β)/((1 + 2β)η). An adaptive method divides coordinate c of its step
 * by d_c, so it is gradient descent on a problem of curvature P^{−1/2} H P^{−1/2}, P = diag(d): its
 * top eigenvalue, the preconditioned sharpness, is what must stay below 2/η (RMSprop, Adagrad with
 * its decayed η; with RMSprop momentum μ, 2(1 + μ)/η), or below (2 + 2β₁)/((1 − β₁)η) for Adam.
 * Where the run's sharpness meets that limit it starts to oscillate along the top eigen-direction.
 *
 * <p>The series is computed by replaying the run (same streams, so the very points of the
 * trajectory) and reading the optimizer's denominators after each update. Point k's
 * preconditioned sharpness uses the denominators of the update that produced it (point 0 has none).
 */
public final class EdgeOfStability {
    private EdgeOfStability() {
    }

    /**
     * The sharpness series of one run, point by point (index k = the point after k updates).
     * Arrays are copies; NaN where a value does not apply.
     *
     * @param sharpness      λmax(H(θ_k))
     * @param preconditioned λmax(P_k^{−1/2} H(θ_k) P_k^{−1/2}) for Adam/AdamW, RMSprop and Adagrad
     * @param limit          the stability limit of the update that produced point k, in the same
     *                       units as {@code preconditioned} for adaptive methods, else as {@code sharpness}
     * @param lr             the learning rate of that update
     * @param adaptive       true when {@code limit} applies to {@code preconditioned}
     */
    public record Series(double[] sharpness, double[] preconditioned, double[] limit, double[] lr, boolean adaptive,
                         long divergedAt) {
        public Series {
            sharpness = sharpness.clone();
            preconditioned = preconditioned.clone();
            limit = limit.clone();
            lr = lr.clone();
        }

        @Override
        public double[] sharpness() {
            return sharpness.clone();
        }

        @Override
        public double[] preconditioned() {
            return preconditioned.clone();
        }

        @Override
        public double[] limit() {
            return limit.clone();
        }

        @Override
        public double[] lr() {
            return lr.clone();
        }

        public int size() {
            return sharpness.length;
        }

        /** The sharpness that is compared with the limit: preconditioned for adaptive methods. */
        public double effective(int k) {
            return adaptive ? preconditioned[k] : sharpness[k];
        }

        /** The first point whose effective sharpness exceeds its update's limit, or −1. */
        public int firstAboveLimit() {
            for (int k = 1; k < size(); k++) {
                if (effective(k) > limit[k]) {
                    return k;
                }
            }
            return -1;
        }
    }

    /**
     * Replays run {@code runIndex} of a scenario and measures its sharpness at every point.
     *
     * @return the series, or null if cancelled
     */
    public static Series of(Surface surface, RunSettings run, int runIndex, long steps, long seed, Cancellation cancel) {
        if (steps > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("too many steps for a sharpness series: " + steps);
        }
        int size = (int) steps + 1;
        double[] sharp = new double[size], pre = new double[size], limit = new double[size], lr = new double[size];
        java.util.Arrays.fill(pre, Double.NaN);
        java.util.Arrays.fill(limit, Double.NaN);
        java.util.Arrays.fill(lr, Double.NaN);
        OptimizerConfig opt = run.optimizer();
        boolean adaptive = opt instanceof Adam.Config || opt instanceof RmsProp.Config || opt instanceof Adagrad.Config;
        Stepper stepper = new Stepper(surface, List.of(run), new int[] {runIndex}, steps, seed);
        double[] p = new double[2], h = new double[3];
        int[] count = {0};
        boolean done = stepper.run((r, step, x, y, loss, gn, rate) -> {
            int k = (int) step;
            count[0] = k + 1;
            p[0] = x;
            p[1] = y;
            surface.hessian(1, 1, p, step, h);
            sharp[k] = Curvature.lambdaMax(h[0], h[1], h[2]);
            if (k == 0) {
                return;
            }
            lr[k] = rate;
            limit[k] = limit(opt, rate, k);
            if (adaptive) {
                // P^{−1/2} H P^{−1/2} = [[hxx/d₀, hxy/√(d₀d₁)], [hxy/√(d₀d₁), hyy/d₁]].
                double d0 = stepper.denominator(r, 0), d1 = stepper.denominator(r, 1);
                pre[k] = Curvature.lambdaMax(h[0] / d0, h[1] / Math.sqrt(d0 * d1), h[2] / d1);
            }
        }, cancel);
        if (!done) {
            return null;
        }
        int n = count[0];
        return new Series(java.util.Arrays.copyOf(sharp, n), java.util.Arrays.copyOf(pre, n),
                java.util.Arrays.copyOf(limit, n), java.util.Arrays.copyOf(lr, n), adaptive, stepper.divergedAt(runIndex));
    }

    /**
     * The stability limit of update k (1-based, as torch's step count) with learning rate η; NaN for
     * methods without one (L-BFGS, Newton, NAdam).
     */
    public static double limit(OptimizerConfig opt, double lr, long k) {
        if (opt instanceof Sgd.Config s) {
            double mu = s.momentum();
            if (mu == 0) {
                return 2 / lr;
            }
            if (s.nesterov()) {
                return (2 + 2 * mu) / ((1 + 2 * mu) * lr);
            }
            return 2 * (1 + mu) / ((1 - s.dampening()) * lr);
        }
        if (opt instanceof Adam.Config a) {
            return (2 + 2 * a.beta1()) / ((1 - a.beta1()) * lr);
        }
        if (opt instanceof RmsProp.Config r) {
            return 2 * (1 + r.momentum()) / lr;
        }
        if (opt instanceof Adagrad.Config g) {
            return 2 * (1 + (k - 1) * g.lrDecay()) / lr;
        }
        return Double.NaN;
    }
}
