package org.losslab.engine.optim;

import java.util.List;

/**
 * Stochastic gradient descent with optional heavy-ball or Nesterov momentum, as torch.optim.SGD:
 * <pre>
 *   g ← g + λθ                                   (weight decay λ)
 *   b₁ = g;  b_t = μ·b_{t−1} + (1 − τ)·g         (momentum μ, dampening τ; only if μ ≠ 0)
 *   d = g + μ·b_t  (Nesterov)   or   d = b_t
 *   θ ← θ − η·d
 * </pre>
 * As torch notes, this momentum "subtly differs from Sutskever et al.": the learning rate scales
 * the buffer at use, not at accumulation, so changing η mid-run does not rescale past velocity.
 * Rounding follows torch's CPU kernels on an FMA machine: {@code add(x, alpha=a)}, used for every
 * line above, is a fused multiply-add.
 */
public final class Sgd extends Optimizer {

    /** Hyperparameters of torch.optim.SGD (defaults lr 0.01, everything else 0 / false). */
    public record Config(double lr, double momentum, double dampening, boolean nesterov, double weightDecay)
            implements OptimizerConfig {
        public static Config defaults() {
            return new Config(0.01, 0, 0, false, 0);
        }

        @Override
        public Optimizer newBatch(int dim, int stride, List<? extends OptimizerConfig> configs) {
            return new Sgd(dim, stride, OptimizerConfig.cast(configs));
        }

        @Override
        public String type() {
            return "sgd";
        }

        @Override
        public Config withLr(double lr) {
            return new Config(lr, momentum, dampening, nesterov, weightDecay);
        }

        public Config withMomentum(double m) {
            return new Config(lr, m, dampening, nesterov, weightDecay);
        }
    }

    private final double[] momentum;
    /** Weight of the new gradient in the buffer: 1 − τ, or 1 where μ = 0 (torch then keeps no buffer). */
    private final double[] gain;
    private final double[] weightDecay;
    private final boolean nesterov;
    private final boolean anyMomentum;
    /** Every run's buffer takes the new gradient with weight 1 − τ = 1. */
    private final boolean undamped;
    private final boolean anyWeightDecay;
    /** The momentum buffers b, same layout as θ. */
    private final double[] buf;
    /**
     * μ, 1 − τ and −η repeated for every coordinate (same layout as θ), so that the heavy-ball loop
     * indexes every array alike: the JIT vectorizes a loop only when all its accesses share one index.
     */
    private final double[] momentumC, gainC, negLrC;
    /** The rate each run's entries of {@link #negLrC} hold (NaN: none yet). */
    private final double[] lastLr;

    Sgd(int dim, int stride, List<Config> configs) {
        super(dim, stride);
        nesterov = configs.get(0).nesterov();
        if (configs.stream().anyMatch(c -> c.nesterov() != nesterov)) {
            throw new IllegalArgumentException("runs of one batch must agree on nesterov");
        }
        momentum = hyper(configs, Config::momentum);
        gain = hyper(configs, c -> c.momentum() == 0 ? 1 : 1 - c.dampening());
        weightDecay = hyper(configs, Config::weightDecay);
        anyMomentum = configs.stream().anyMatch(c -> c.momentum() != 0);
        undamped = configs.stream().allMatch(c -> c.momentum() == 0 || c.dampening() == 0);
        anyWeightDecay = configs.stream().anyMatch(c -> c.weightDecay() != 0);
        buf = state();
        momentumC = spread(momentum);
        gainC = spread(gain);
        negLrC = spread(new double[stride]);
        lastLr = runState(Double.NaN);
    }

    @Override
    public void step(int n, double[] theta, double[] grad, double[] loss, double[] lr, Objective objective) {
        // One small method per variant keeps each under the JIT's inlining limit.
        final boolean first = steps == 0;
        if (stride == 1) {
            singleRun(theta, grad, lr[0], first);
        } else if (!anyMomentum && !anyWeightDecay) {
            plainStep(n, theta, grad, lr);
        } else if (!anyWeightDecay && !nesterov) {
            heavyBallNoDecayStep(n, theta, grad, lr, first);
        } else if (nesterov) {
            nesterovStep(n, theta, grad, lr, first);
        } else {
            heavyBallStep(n, theta, grad, lr, first);
        }
        steps++;
    }

    /**
     * A batch of one run (a point on a surface, or a network): the hyperparameters are plain
     * numbers and the loop runs over the run's coordinates, every array at one index. The same
     * equations and roundings as the batch loops below (with μ = 0 no buffer is kept, as in torch).
     * {@code engine.sim.SingleRunSgd} repeats this update with θ in registers: a change here (a
     * rounding, a new hyperparameter) must be made there too, or make {@link #fusable()} false for it.
     */
    private void singleRun(double[] theta, double[] grad, double rate, boolean first) {
        final double mu = momentum[0], g1 = gain[0], wd = weightDecay[0], negLr = -rate;
        for (int i = 0; i < dim; i++) {
            double d = decayed(grad[i], wd, theta[i]);
            double step = d;
            if (mu != 0) {
                double b = first ? d : Math.fma(g1, d, buf[i] * mu);
                buf[i] = b;
                step = nesterov ? Math.fma(mu, b, d) : b;
            }
            theta[i] = Math.fma(negLr, step, theta[i]);
        }
    }

    /**
     * Whether this is a single run (stride 1) whose buffer exists, so {@link #momentum0()} and the
     * others describe its whole update: what a caller that keeps θ and b in registers may repeat
     * ({@code engine.sim.SingleRunSgd}). False before the first step, whose update has no buffer yet.
     */
    public boolean fusable() {
        return stride == 1 && steps > 0;
    }

    /** μ of the single run. */
    public double momentum0() {
        return momentum[0];
    }

    /** 1 − τ of the single run (1 where μ = 0). */
    public double gain0() {
        return gain[0];
    }

    /** λ of the single run. */
    public double weightDecay0() {
        return weightDecay[0];
    }

    public boolean nesterov() {
        return nesterov;
    }

    /** The momentum buffers (same layout as θ), for a fused loop to read before and write back after. Modified. */
    public double[] buffer() {
        return buf;
    }

    /** Counts {@code count} updates that a fused loop made with these hyperparameters. */
    public void stepped(long count) {
        steps += count;
    }

    /** Plain gradient descent: θ ← θ − η·g. */
    private void plainStep(int n, double[] theta, double[] grad, double[] lr) {
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                theta[o + r] = Math.fma(-lr[r], grad[o + r], theta[o + r]);
            }
        }
    }

    /** Heavy ball without weight decay, the sweep's hot loop: {@link #heavyBallStep} with λ = 0. */
    private void heavyBallNoDecayStep(int n, double[] theta, double[] grad, double[] lr, boolean first) {
        spreadRates(n, lr);
        if (n == stride) {
            // The whole batch is active: one loop over every coordinate of every run.
            heavyBallNoDecay(0, dim * stride, theta, grad, first);
        } else {
            for (int c = 0; c < dim; c++) {
                heavyBallNoDecay(c * stride, c * stride + n, theta, grad, first);
            }
        }
    }

    private void heavyBallNoDecay(int from, int to, double[] theta, double[] grad, boolean first) {
        if (first) {
            for (int i = from; i < to; i++) {
                double b = grad[i];
                buf[i] = b;
                theta[i] = Math.fma(negLrC[i], b, theta[i]);
            }
        } else if (undamped) {
            // 1 − τ = 1: torch's add_(grad, alpha=1) is fma(1, g, μb) = g + μb, rounded once either way.
            for (int i = from; i < to; i++) {
                double b = grad[i] + buf[i] * momentumC[i];
                buf[i] = b;
                theta[i] = Math.fma(negLrC[i], b, theta[i]);
            }
        } else {
            for (int i = from; i < to; i++) {
                double b = Math.fma(gainC[i], grad[i], buf[i] * momentumC[i]);
                buf[i] = b;
                theta[i] = Math.fma(negLrC[i], b, theta[i]);
            }
        }
    }

    /** −η of each run into every coordinate of {@link #negLrC}, rewritten only for runs whose rate changed. */
    private void spreadRates(int n, double[] lr) {
        if (ratesConstant && steps > 0) {
            return;
        }
        for (int r = 0; r < n; r++) {
            double rate = lr[r];
            if (rate != lastLr[r]) {
                lastLr[r] = rate;
                for (int c = 0; c < dim; c++) {
                    negLrC[c * stride + r] = -rate;
                }
            }
        }
    }

    private void nesterovStep(int n, double[] theta, double[] grad, double[] lr, boolean first) {
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                int i = o + r;
                double d = decayed(grad[i], weightDecay[r], theta[i]);
                double b = first ? d : Math.fma(gain[r], d, buf[i] * momentum[r]);
                buf[i] = b;
                theta[i] = Math.fma(-lr[r], Math.fma(momentum[r], b, d), theta[i]);
            }
        }
    }

    private void heavyBallStep(int n, double[] theta, double[] grad, double[] lr, boolean first) {
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                int i = o + r;
                double d = decayed(grad[i], weightDecay[r], theta[i]);
                // With μ = 0 the buffer is b = 0·b + 1·g = g, torch's buffer-free update.
                double b = first ? d : Math.fma(gain[r], d, buf[i] * momentum[r]);
                buf[i] = b;
                theta[i] = Math.fma(-lr[r], b, theta[i]);
            }
        }
    }

    /** g + λθ as torch's {@code d_p.add(param, alpha=λ)}, which it skips when λ = 0. */
    private static double decayed(double g, double weightDecay, double theta) {
        return weightDecay != 0 ? Math.fma(weightDecay, theta, g) : g;
    }
}
