package org.losslab.engine.optim;

import java.util.List;

/**
 * NAdam, Adam with Nesterov momentum (Dozat, "Incorporating Nesterov Momentum into Adam", ICLR
 * workshop 2016), as torch.optim.NAdam of PyTorch 1.13. At update t = 1, 2, … with rate η,
 * weight decay λ and momentum decay ψ:
 * <pre>
 *   g ← g + λθ
 *   μ_t = β₁(1 − ½·0.96^(tψ)),   μ_{t+1} = β₁(1 − ½·0.96^((t+1)ψ))
 *   P ← P·μ_t                      (P starts at 1)
 *   P' = P·μ_t·μ_{t+1}             (1.13 multiplies μ_t in twice; later releases use P·μ_{t+1})
 *   m ← β₁m + (1 − β₁)g
 *   v ← β₂v + (1 − β₂)g²
 *   d = √(v / (1 − β₂ᵗ)) + ε
 *   θ ← θ − η(1 − μ_t)/(1 − P) · g/d − η·μ_{t+1}/(1 − P') · m/d
 * </pre>
 * P' is what torch 1.13 computes ({@code mu_product_next = mu_product * mu * mu_next} after
 * {@code mu_product *= mu}); it is kept so trajectories match that release.
 * Rounding follows torch's CPU kernels on an FMA machine: {@code add(x, alpha=a)} and
 * {@code addcmul} are fused multiply-adds, {@code addcdiv} is {@code self + (value·t1)/t2}.
 */
public final class NAdam extends Optimizer {

    /** Hyperparameters of torch.optim.NAdam ({@code betas} as beta1, beta2); torch's checks apply. */
    public record Config(double lr, double beta1, double beta2, double eps, double momentumDecay, double weightDecay)
            implements OptimizerConfig {
        public Config {
            Check.nonNegative("lr", lr);
            Check.nonNegative("eps", eps);
            Check.unitInterval("beta1", beta1);
            Check.unitInterval("beta2", beta2);
            Check.nonNegative("weightDecay", weightDecay);
            Check.nonNegative("momentumDecay", momentumDecay);
        }

        /** torch's defaults: lr 0.002, betas (0.9, 0.999), ε 1e-8, ψ 0.004, no weight decay. */
        public static Config defaults() {
            return new Config(0.002, 0.9, 0.999, 1e-8, 0.004, 0);
        }

        @Override
        public Optimizer newBatch(int dim, int stride, List<? extends OptimizerConfig> configs) {
            return new NAdam(dim, stride, OptimizerConfig.cast(configs));
        }

        @Override
        public String type() {
            return "nadam";
        }

        @Override
        public Config withLr(double lr) {
            return new Config(lr, beta1, beta2, eps, momentumDecay, weightDecay);
        }
    }

    private final double[] beta1, beta2, eps, momentumDecay, weightDecay;
    /** Per-run μ-product P (torch's {@code state['mu_product']}). */
    private final double[] muProduct;
    private final double[] m, v;
    /** Per-run scratch for this update: 1 − β₂ᵗ and the two addcdiv coefficients. */
    private final double[] bc2, gradCoef, avgCoef;

    NAdam(int dim, int stride, List<Config> configs) {
        super(dim, stride);
        beta1 = hyper(configs, Config::beta1);
        beta2 = hyper(configs, Config::beta2);
        eps = hyper(configs, Config::eps);
        momentumDecay = hyper(configs, Config::momentumDecay);
        weightDecay = hyper(configs, Config::weightDecay);
        muProduct = runState(1);
        m = state();
        v = state();
        bc2 = new double[stride];
        gradCoef = new double[stride];
        avgCoef = new double[stride];
    }

    @Override
    public void step(int n, double[] theta, double[] grad, double[] loss, double[] lr, Objective objective) {
        steps++;
        final double t = steps;
        for (int r = 0; r < n; r++) {
            bc2[r] = 1 - Math.pow(beta2[r], t);
            double mu = beta1[r] * (1. - 0.5 * Math.pow(0.96, t * momentumDecay[r]));
            double muNext = beta1[r] * (1. - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay[r]));
            double p = muProduct[r] * mu;
            muProduct[r] = p;
            double pNext = p * mu * muNext;
            gradCoef[r] = -lr[r] * (1. - mu) / (1. - p);
            avgCoef[r] = -lr[r] * muNext / (1. - pNext);
        }
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                final int i = o + r;
                final double b1 = beta1[r], b2 = beta2[r];
                double g = grad[i];
                if (weightDecay[r] != 0) {
                    g = Math.fma(weightDecay[r], theta[i], g);          // grad.add(param, alpha=λ)
                }
                double mi = Math.fma(1 - b1, g, m[i] * b1);            // exp_avg.mul_(β₁).add_(g, alpha=1−β₁)
                double vi = Math.fma((1 - b2) * g, g, v[i] * b2);      // exp_avg_sq.mul_(β₂).addcmul_(g, g, value=1−β₂)
                m[i] = mi;
                v[i] = vi;
                double denom = Math.sqrt(vi / bc2[r]) + eps[r];
                double th = theta[i] + gradCoef[r] * g / denom;        // two addcdiv_ calls, in torch's order
                theta[i] = th + avgCoef[r] * mi / denom;
            }
        }
    }
}
