package org.losslab.engine.optim;

import java.util.List;

/**
 * RMSprop (Hinton, Coursera lecture 6e, 2012; centered form from Graves, arXiv:1308.0850, eq. 38),
 * as torch.optim.RMSprop. At every update, with rate η, smoothing α, weight decay λ, momentum μ:
 * <pre>
 *   g ← g + λθ
 *   v ← αv + (1 − α)g²
 *   centered:  ḡ ← αḡ + (1 − α)g,   a = √(v − ḡ²) + ε
 *   otherwise:                      a = √v + ε
 *   μ &gt; 0:  b ← μb + g/a,  θ ← θ − ηb        (b starts at 0)
 *   μ = 0:  θ ← θ − ηg/a
 * </pre>
 * Rounding follows torch's CPU kernels on an FMA machine: {@code add(x, alpha=a)} and
 * {@code addcmul} are fused multiply-adds, {@code addcdiv} is {@code self + (value·t1)/t2};
 * hence the {@link Math#fma} calls. Momentum, centering and weight decay may differ per run.
 */
public final class RmsProp extends Optimizer implements Preconditioned {

    /** Hyperparameters of torch.optim.RMSprop; torch's checks (all non-negative) are applied. */
    public record Config(double lr, double alpha, double eps, double momentum, boolean centered, double weightDecay)
            implements OptimizerConfig {
        public Config {
            Check.nonNegative("lr", lr);
            Check.nonNegative("alpha", alpha);
            Check.nonNegative("eps", eps);
            Check.nonNegative("momentum", momentum);
            Check.nonNegative("weightDecay", weightDecay);
        }

        /** torch's defaults: lr 0.01, α 0.99, ε 1e-8, no momentum, not centered, no weight decay. */
        public static Config defaults() {
            return new Config(0.01, 0.99, 1e-8, 0, false, 0);
        }

        @Override
        public Optimizer newBatch(int dim, int stride, List<? extends OptimizerConfig> configs) {
            return new RmsProp(dim, stride, OptimizerConfig.cast(configs));
        }

        @Override
        public String type() {
            return "rmsprop";
        }

        @Override
        public Config withLr(double lr) {
            return new Config(lr, alpha, eps, momentum, centered, weightDecay);
        }
    }

    private final double[] alpha, eps, momentum, weightDecay;
    private final boolean[] centered;
    /** v, ḡ (only if a run is centered) and b (only if a run has momentum), laid out as θ. */
    private final double[] squareAvg, gradAvg, buf;

    RmsProp(int dim, int stride, List<Config> configs) {
        super(dim, stride);
        alpha = hyper(configs, Config::alpha);
        eps = hyper(configs, Config::eps);
        momentum = hyper(configs, Config::momentum);
        weightDecay = hyper(configs, Config::weightDecay);
        centered = flag(configs, Config::centered);
        squareAvg = state();
        gradAvg = configs.stream().anyMatch(Config::centered) ? state() : null;
        buf = configs.stream().anyMatch(c -> c.momentum() > 0) ? state() : null;
    }

    @Override
    public void step(int n, double[] theta, double[] grad, double[] loss, double[] lr, Objective objective) {
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                final int i = o + r;
                final double a = alpha[r], ca = 1 - a;
                double g = grad[i];
                if (weightDecay[r] != 0) {
                    g = Math.fma(weightDecay[r], theta[i], g);          // grad.add(param, alpha=λ)
                }
                double v = Math.fma(ca * g, g, squareAvg[i] * a);      // square_avg.mul_(α).addcmul_(g, g, value=1−α)
                squareAvg[i] = v;
                double avg;
                if (centered[r]) {
                    double gm = Math.fma(ca, g, gradAvg[i] * a);       // grad_avg.mul_(α).add_(g, alpha=1−α)
                    gradAvg[i] = gm;
                    avg = Math.sqrt(Math.fma(-gm, gm, v)) + eps[r];    // square_avg.addcmul(ḡ, ḡ, value=−1).sqrt_().add_(ε)
                } else {
                    avg = Math.sqrt(v) + eps[r];
                }
                if (momentum[r] > 0) {
                    double b = buf[i] * momentum[r] + g / avg;         // buf.mul_(μ).addcdiv_(g, avg)
                    buf[i] = b;
                    theta[i] = Math.fma(-lr[r], b, theta[i]);          // param.add_(buf, alpha=−η)
                } else {
                    theta[i] += -lr[r] * g / avg;                      // param.addcdiv_(g, avg, value=−η)
                }
            }
        }
        steps++;
    }

    /** √v + ε of the last update (centered: √(v − ḡ²) + ε). */
    @Override
    public double denominator(int slot, int coord) {
        if (steps == 0) {
            return Double.NaN;
        }
        int i = coord * stride + slot;
        double v = squareAvg[i];
        if (centered[slot]) {
            double gm = gradAvg[i];
            return Math.sqrt(Math.fma(-gm, gm, v)) + eps[slot];
        }
        return Math.sqrt(v) + eps[slot];
    }
}
