package org.losslab.engine.optim;

import java.util.List;

/**
 * Adagrad (Duchi, Hazan &amp; Singer, JMLR 12, 2011), as torch.optim.Adagrad. At update
 * t = 1, 2, … with this update's rate η, rate decay δ, weight decay λ:
 * <pre>
 *   g ← g + λθ
 *   η̃ = η / (1 + (t − 1)·δ)
 *   s ← s + g²                      (s starts at initialAccumulatorValue)
 *   θ ← θ − η̃·g / (√s + ε)
 * </pre>
 * Rounding follows torch's CPU kernels on an FMA machine: {@code add(x, alpha=a)} and
 * {@code addcmul} are fused multiply-adds, {@code addcdiv} is {@code self + (value·t1)/t2}.
 */
public final class Adagrad extends Optimizer implements Preconditioned {

    /** Hyperparameters of torch.optim.Adagrad; torch's checks (all non-negative) are applied. */
    public record Config(double lr, double lrDecay, double eps, double initialAccumulatorValue, double weightDecay)
            implements OptimizerConfig {
        public Config {
            Check.nonNegative("lr", lr);
            Check.nonNegative("lrDecay", lrDecay);
            Check.nonNegative("eps", eps);
            Check.nonNegative("initialAccumulatorValue", initialAccumulatorValue);
            Check.nonNegative("weightDecay", weightDecay);
        }

        /** torch's defaults: lr 0.01, no rate decay, ε 1e-10, accumulator from 0, no weight decay. */
        public static Config defaults() {
            return new Config(0.01, 0, 1e-10, 0, 0);
        }

        @Override
        public Optimizer newBatch(int dim, int stride, List<? extends OptimizerConfig> configs) {
            return new Adagrad(dim, stride, OptimizerConfig.cast(configs));
        }

        @Override
        public String type() {
            return "adagrad";
        }

        @Override
        public Config withLr(double lr) {
            return new Config(lr, lrDecay, eps, initialAccumulatorValue, weightDecay);
        }
    }

    private final double[] lrDecay, eps, initial, weightDecay;
    /** The accumulators s, laid out as θ. */
    private final double[] sum;
    /** Per-run scratch for this update: −η̃. */
    private final double[] negClr;

    Adagrad(int dim, int stride, List<Config> configs) {
        super(dim, stride);
        lrDecay = hyper(configs, Config::lrDecay);
        eps = hyper(configs, Config::eps);
        initial = hyper(configs, Config::initialAccumulatorValue);
        weightDecay = hyper(configs, Config::weightDecay);
        sum = state(initial);
        negClr = new double[stride];
    }

    @Override
    public void step(int n, double[] theta, double[] grad, double[] loss, double[] lr, Objective objective) {
        steps++;
        final double t = steps;
        for (int r = 0; r < n; r++) {
            negClr[r] = -(lr[r] / (1 + (t - 1) * lrDecay[r]));
        }
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                final int i = o + r;
                double g = grad[i];
                if (weightDecay[r] != 0) {
                    g = Math.fma(weightDecay[r], theta[i], g);     // grad.add(param, alpha=λ)
                }
                double s = Math.fma(g, g, sum[i]);                 // state_sum.addcmul_(g, g, value=1)
                sum[i] = s;
                double std = Math.sqrt(s) + eps[r];
                theta[i] += negClr[r] * g / std;                   // param.addcdiv_(g, std, value=−η̃)
            }
        }
    }

    /** √s + ε of the last update. */
    @Override
    public double denominator(int slot, int coord) {
        return steps == 0 ? Double.NaN : Math.sqrt(sum[coord * stride + slot]) + eps[slot];
    }
}
