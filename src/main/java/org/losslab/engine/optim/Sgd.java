package org.losslab.engine.optim;

import java.util.List;
import java.util.Objects;

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
 *
 * <p>With {@code lineSearch = ARMIJO} (no torch counterpart; momentum must be 0) the rate of each
 * update is not η but the first of η, η/2, η/4, … that decreases the loss enough, by {@link Armijo}'s
 * backtracking from the scheduled η: θ ← θ − η_k·d. The accepted η_k is reported as the channel
 * {@value #ARMIJO_CHANNEL}.
 */
public final class Sgd extends Optimizer {

    /** The name of the channel holding the step length Armijo's search accepted at each update. */
    public static final String ARMIJO_CHANNEL = "sgd.armijoLr";

    /** How the rate of an update is chosen: the scheduled η itself, or Armijo backtracking from it. */
    public enum LineSearch {
        NONE("none"), ARMIJO("armijo");

        private final String key;

        LineSearch(String key) {
            this.key = key;
        }

        /** The file's name: {@code none} or {@code armijo}. */
        public String key() {
            return key;
        }

        public static LineSearch of(String key) {
            for (LineSearch s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("lineSearch must be \"none\" or \"armijo\", got \"" + key + "\"");
        }
    }

    /**
     * Hyperparameters of torch.optim.SGD (defaults lr 0.01, everything else 0 / false), and the line
     * search (default none, torch's fixed step).
     */
    public record Config(double lr, double momentum, double dampening, boolean nesterov, double weightDecay,
                         LineSearch lineSearch) implements OptimizerConfig {
        public Config {
            Objects.requireNonNull(lineSearch, "lineSearch");
            if (lineSearch == LineSearch.ARMIJO && momentum != 0) {
                throw new IllegalArgumentException("the Armijo line search needs momentum 0");
            }
        }

        /** torch.optim.SGD's hyperparameters with its fixed step. */
        public Config(double lr, double momentum, double dampening, boolean nesterov, double weightDecay) {
            this(lr, momentum, dampening, nesterov, weightDecay, LineSearch.NONE);
        }

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
            return new Config(lr, momentum, dampening, nesterov, weightDecay, lineSearch);
        }

        public Config withMomentum(double m) {
            return new Config(lr, m, dampening, nesterov, weightDecay, lineSearch);
        }

        public Config withLineSearch(LineSearch search) {
            return new Config(lr, momentum, dampening, nesterov, weightDecay, search);
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
    /** The line search, or null without one; with its gather buffers of one run's θ and d. */
    private final Armijo armijo;
    private final double[] runTheta, runDirection;
    /** The step each run's last Armijo search accepted (NaN before the first). */
    private final double[] armijoLr;

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
        LineSearch search = configs.get(0).lineSearch();
        if (configs.stream().anyMatch(c -> c.lineSearch() != search)) {
            throw new IllegalArgumentException("runs of one batch must agree on lineSearch");
        }
        armijo = search == LineSearch.ARMIJO ? new Armijo(dim) : null;
        runTheta = armijo != null ? new double[dim] : null;
        runDirection = armijo != null ? new double[dim] : null;
        armijoLr = runState(Double.NaN);
    }

    @Override
    public void step(int n, double[] theta, double[] grad, double[] loss, double[] lr, Objective objective) {
        // One small method per variant keeps each under the JIT's inlining limit.
        final boolean first = steps == 0;
        if (lowPrecision) {
            lowPrecisionStep(n, theta, grad, lr, first);
        } else if (armijo != null) {
            armijoStep(n, theta, grad, loss, lr, objective);
        } else if (stride == 1) {
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
     * Gradient descent with Armijo backtracking, run by run (each search evaluates that run's loss):
     * d = g + λθ, η_k from {@link Armijo#search}, θ ← θ − η_k·d.
     */
    private void armijoStep(int n, double[] theta, double[] grad, double[] loss, double[] lr, Objective objective) {
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < dim; c++) {
                int i = c * stride + r;
                runTheta[c] = theta[i];
                runDirection[c] = decayed(grad[i], weightDecay[r], theta[i]);
            }
            double eta = armijo.search(r, objective, runTheta, runDirection, loss[r], lr[r], weightDecay[r]);
            armijoLr[r] = eta;
            for (int c = 0; c < dim; c++) {
                theta[c * stride + r] = Math.fma(-eta, runDirection[c], runTheta[c]);
            }
        }
    }

    @Override
    public List<String> channels() {
        return armijo != null ? List.of(ARMIJO_CHANNEL) : List.of();
    }

    @Override
    public double channel(int k, int slot) {
        return armijoLr[slot];
    }

    /**
     * Whether this is a single run (stride 1) whose buffer exists, so {@link #momentum0()} and the
     * others describe its whole update: what a caller that keeps θ and b in registers may repeat
     * ({@code engine.sim.SingleRunSgd}). False before the first step, whose update has no buffer yet.
     */
    public boolean fusable() {
        // Armijo's search and the low-precision path are steps of their own, not the fused loop's.
        return stride == 1 && steps > 0 && armijo == null && !lowPrecision;
    }

    /**
     * Whether the batch's next updates are plain float64 steps of these hyperparameters (no line
     * search, no low precision, the buffers exist), so that a fused loop over the batch
     * ({@code engine.sim.BatchSgd}) may repeat them with {@link #momentum(int)} and the others.
     */
    public boolean fusableBatch() {
        return steps > 0 && armijo == null && !lowPrecision;
    }

    /** Some run of the batch has momentum μ ≠ 0. */
    public boolean anyMomentum() {
        return anyMomentum;
    }

    /** Some run of the batch has weight decay λ ≠ 0. */
    public boolean anyWeightDecay() {
        return anyWeightDecay;
    }

    /** Every run's buffer takes the new gradient with weight 1 − τ = 1. */
    public boolean undamped() {
        return undamped;
    }

    /** μ of the run in {@code slot}. */
    public double momentum(int slot) {
        return momentum[slot];
    }

    /** 1 − τ of the run in {@code slot} (1 where μ = 0). */
    public double gain(int slot) {
        return gain[slot];
    }

    /** λ of the run in {@code slot}. */
    public double weightDecay(int slot) {
        return weightDecay[slot];
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

    @Override
    public boolean hasLowPrecisionPath() {
        return true;
    }

    /**
     * The update in each run's {@link Precision}, tensor operation by tensor operation as
     * {@code _single_tensor_sgd} does them, each rounded to the format: {@code d.add(θ, alpha=λ)},
     * {@code buf.mul_(μ).add_(d, alpha=1−τ)} (the first buffer a clone of d), {@code d.add(buf,
     * alpha=μ)} for Nesterov, {@code θ.add_(d, alpha=−η)}. A float64 run gives the bits of the loops
     * above.
     */
    private void lowPrecisionStep(int n, double[] theta, double[] grad, double[] lr, boolean first) {
        for (int r = 0; r < n; r++) {
            final Precision p = precision(r);
            final double mu = momentum[r], g1 = gain[r], wd = weightDecay[r], negLr = -lr[r];
            for (int c = 0; c < dim; c++) {
                int i = c * stride + r;
                double d = wd != 0 ? p.add(grad[i], theta[i], wd) : grad[i];
                if (mu != 0) {
                    double b = first ? d : p.add(p.mul(buf[i], mu), d, g1);
                    buf[i] = b;
                    d = nesterov ? p.add(d, b, mu) : b;
                }
                theta[i] = p.add(theta[i], d, negLr);
            }
        }
    }

    /** g + λθ as torch's {@code d_p.add(param, alpha=λ)}, which it skips when λ = 0. */
    private static double decayed(double g, double weightDecay, double theta) {
        return weightDecay != 0 ? Math.fma(weightDecay, theta, g) : g;
    }
}
