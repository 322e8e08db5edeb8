package org.losslab.engine.optim;

import java.util.List;

/**
 * Adam (Kingma &amp; Ba, 2015) and AdamW (Loshchilov &amp; Hutter, 2019), as torch.optim.Adam and
 * torch.optim.AdamW. At update t = 1, 2, …:
 * <pre>
 *   AdamW: θ ← θ·(1 − ηλ)          Adam: g ← g + λθ
 *   m ← β₁m + (1 − β₁)g
 *   v ← β₂v + (1 − β₂)g²
 *   v̂ = max(v̂, v) if amsgrad, else v
 *   θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
 * </pre>
 * The bias corrections are folded in exactly where torch folds them, so the rounding matches;
 * {@code add(x, alpha=a)} and {@code addcmul} are fused multiply-adds in torch's CPU kernels on
 * an FMA machine, {@code addcdiv} is {@code self + (value·t1)/t2}.
 *
 * <p>With {@code biasCorrection} off (no torch counterpart: Kingma &amp; Ba's Algorithm 1 without
 * its lines m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)) the update is θ ← θ − η·m/(√v + ε). Both moments start
 * at 0 and are biased towards it: for a steady gradient g the uncorrected step is
 * η·(1 − β₁ᵗ)/√(1 − β₂ᵗ) instead of η. The bias of m alone makes the first steps short, that of v
 * alone makes them long; which wins depends on the betas: (1 − β₁)/√(1 − β₂) at t = 1 is 3.2 for the
 * defaults (0.9, 0.999), 0.32 for (0.99, 0.999) or (0.9, 0.9). The correction is what lets Adam take
 * steps of the size η from update 1 (Kingma &amp; Ba 2015, §3).
 */
public final class Adam extends Optimizer implements Preconditioned {

    /**
     * Hyperparameters of torch.optim.Adam ({@code decoupled = false}) or torch.optim.AdamW
     * ({@code decoupled = true}, weight decay default 0.01).
     */
    public record Config(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                         boolean decoupled, boolean biasCorrection) implements OptimizerConfig {
        /** torch's Adam or AdamW, with its bias corrections. */
        public Config(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                      boolean decoupled) {
            this(lr, beta1, beta2, eps, weightDecay, amsgrad, decoupled, true);
        }

        public static Config adam() {
            return new Config(1e-3, 0.9, 0.999, 1e-8, 0, false, false);
        }

        public static Config adamW() {
            return new Config(1e-3, 0.9, 0.999, 1e-8, 1e-2, false, true);
        }

        @Override
        public Optimizer newBatch(int dim, int stride, List<? extends OptimizerConfig> configs) {
            return new Adam(dim, stride, OptimizerConfig.cast(configs));
        }

        @Override
        public String type() {
            return decoupled ? "adamw" : "adam";
        }

        @Override
        public Config withLr(double lr) {
            return new Config(lr, beta1, beta2, eps, weightDecay, amsgrad, decoupled, biasCorrection);
        }

        public Config withBeta1(double b1) {
            return new Config(lr, b1, beta2, eps, weightDecay, amsgrad, decoupled, biasCorrection);
        }

        public Config withBiasCorrection(boolean on) {
            return new Config(lr, beta1, beta2, eps, weightDecay, amsgrad, decoupled, on);
        }
    }

    private final double[] beta1, beta2, eps, weightDecay;
    private final boolean amsgrad, decoupled, biasCorrection;
    private final double[] m, v, vMax;
    /** Per-run scratch for this update: η/(1 − β₁ᵗ) and √(1 − β₂ᵗ). */
    private final double[] stepSize, bc2Sqrt;
    /** All runs share β₁ and β₂, so the bias corrections are computed once per update, not per run. */
    private final boolean sharedBetas;

    Adam(int dim, int stride, List<Config> configs) {
        super(dim, stride);
        amsgrad = configs.get(0).amsgrad();
        decoupled = configs.get(0).decoupled();
        if (configs.stream().anyMatch(c -> c.amsgrad() != amsgrad || c.decoupled() != decoupled)) {
            throw new IllegalArgumentException("runs of one batch must agree on amsgrad and adam/adamw");
        }
        biasCorrection = configs.get(0).biasCorrection();
        if (configs.stream().anyMatch(c -> c.biasCorrection() != biasCorrection)) {
            throw new IllegalArgumentException("runs of one batch must agree on biasCorrection");
        }
        beta1 = hyper(configs, Config::beta1);
        beta2 = hyper(configs, Config::beta2);
        eps = hyper(configs, Config::eps);
        weightDecay = hyper(configs, Config::weightDecay);
        m = state();
        v = state();
        vMax = amsgrad ? state() : null;
        stepSize = runScratch();
        bc2Sqrt = runScratch();
        sharedBetas = configs.stream().allMatch(c -> c.beta1() == beta1[0] && c.beta2() == beta2[0]);
    }

    @Override
    public void step(int n, double[] theta, double[] grad, double[] loss, double[] lr, Objective objective) {
        if (lowPrecision) {
            lowPrecisionStep(n, theta, grad, lr);
            return;
        }
        steps++;
        final double t = steps;
        if (!biasCorrection) {
            // Dividing by 1 is exact, so the loop below computes θ − η·m/(√v + ε) as it stands.
            for (int r = 0; r < n; r++) {
                stepSize[r] = lr[r];
                bc2Sqrt[r] = 1;
            }
        } else if (sharedBetas) {
            double bc1 = 1 - Math.pow(beta1[0], t);
            double bc2s = Math.sqrt(1 - Math.pow(beta2[0], t));
            for (int r = 0; r < n; r++) {
                stepSize[r] = lr[r] / bc1;
                bc2Sqrt[r] = bc2s;
            }
        } else {
            for (int r = 0; r < n; r++) {
                stepSize[r] = lr[r] / (1 - Math.pow(beta1[r], t));
                bc2Sqrt[r] = Math.sqrt(1 - Math.pow(beta2[r], t));
            }
        }
        if (n == 1 && stride == 1 && dim >= ONE_RUN_FROM && !amsgrad && (decoupled || weightDecay[0] == 0)) {
            oneRun(theta, grad, lr[0]);
            return;
        }
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                int i = o + r;
                double b1 = beta1[r], b2 = beta2[r];
                double g = grad[i];
                if (decoupled) {
                    theta[i] *= 1 - lr[r] * weightDecay[r];
                } else if (weightDecay[r] != 0) {
                    g = Math.fma(weightDecay[r], theta[i], g);     // grad.add(param, alpha=λ)
                }
                double mi = Math.fma(1 - b1, g, m[i] * b1);        // exp_avg.mul_(β₁).add_(g, alpha=1−β₁)
                double vi = Math.fma((1 - b2) * g, g, v[i] * b2);  // exp_avg_sq.mul_(β₂).addcmul_(g, g, value=1−β₂)
                m[i] = mi;
                v[i] = vi;
                if (amsgrad) {
                    vi = Math.max(vMax[i], vi);
                    vMax[i] = vi;
                }
                double denom = Math.sqrt(vi) / bc2Sqrt[r] + eps[r];
                // torch's addcdiv_: θ + (value·m)/denom, in that order.
                theta[i] += -stepSize[r] * mi / denom;
            }
        }
    }

    /**
     * One run of many weights (a network's) takes {@link #oneRun}: from this many coordinates on; a
     * point on a surface (two) keeps the general loop.
     */
    private static final int ONE_RUN_FROM = 16;

    /**
     * The update of one run whose coordinates lie side by side (stride 1), without amsgrad or coupled
     * weight decay: the general loop's operations on each coordinate, in the same order, with the
     * hyperparameters in locals. The general loop's inner loop over runs has one trip here, so the JIT
     * compiles one coordinate at a time; this loop over the coordinates vectorizes (the square root and
     * the two divisions, which dominate, go eight lanes at a time). AdamW's decay θ·(1 − ηλ) comes first
     * for every coordinate, in a pass of its own; it touches nothing the other operations read before.
     */
    private void oneRun(double[] theta, double[] grad, double lr) {
        final double b1 = beta1[0], b2 = beta2[0], e = eps[0], step = stepSize[0], bc2 = bc2Sqrt[0];
        final double c1 = 1 - b1, c2 = 1 - b2;
        final double[] m = this.m, v = this.v;
        final int d = dim;
        if (decoupled) {
            double decay = 1 - lr * weightDecay[0];
            for (int i = 0; i < d; i++) {
                theta[i] *= decay;
            }
        }
        for (int i = 0; i < d; i++) {
            double g = grad[i];
            double mi = Math.fma(c1, g, m[i] * b1);
            double vi = Math.fma(c2 * g, g, v[i] * b2);
            m[i] = mi;
            v[i] = vi;
            double denom = Math.sqrt(vi) / bc2 + e;
            theta[i] += -step * mi / denom;
        }
    }

    @Override
    public boolean hasLowPrecisionPath() {
        return true;
    }

    /**
     * The update in each run's {@link Precision}, tensor operation by tensor operation as
     * {@code _single_tensor_adam} / {@code _single_tensor_adamw} do them, each rounded to the format:
     * {@code θ.mul_(1 − ηλ)} (AdamW) or {@code g.add(θ, alpha=λ)} (Adam),
     * {@code m.mul_(β₁).add_(g, alpha=1−β₁)}, {@code v.mul_(β₂).addcmul_(g, g, value=1−β₂)},
     * {@code torch.maximum} (amsgrad), {@code (v̂.sqrt() / √(1−β₂ᵗ)).add_(ε)},
     * {@code θ.addcdiv_(m, denom, value=−η/(1−β₁ᵗ))}; the bias corrections are Python floats. In
     * bfloat16 β₂ = 0.999 rounds to 1 and in float16 ε = 10⁻⁸ rounds to 0, as in torch.
     */
    private void lowPrecisionStep(int n, double[] theta, double[] grad, double[] lr) {
        steps++;
        final double t = steps;
        for (int r = 0; r < n; r++) {
            final Precision p = precision(r);
            final double b1 = beta1[r], b2 = beta2[r], wd = weightDecay[r], e = eps[r];
            final double bc1 = 1 - Math.pow(b1, t);
            final double step = lr[r] / bc1;
            final double bc2s = Math.sqrt(1 - Math.pow(b2, t));
            stepSize[r] = step;
            bc2Sqrt[r] = bc2s;
            for (int c = 0; c < dim; c++) {
                int i = c * stride + r;
                double g = grad[i];
                if (decoupled) {
                    theta[i] = p.mul(theta[i], 1 - lr[r] * wd);
                } else if (wd != 0) {
                    g = p.add(g, theta[i], wd);
                }
                double mi = p.add(p.mul(m[i], b1), g, 1 - b1);
                double vi = p.addcmul(p.mul(v[i], b2), g, g, 1 - b2);
                m[i] = mi;
                v[i] = vi;
                if (amsgrad) {
                    vi = Math.max(vMax[i], vi);
                    vMax[i] = vi;
                }
                double denom = p.addScalar(p.div(p.sqrt(vi), bc2s), e);
                theta[i] = p.addcdiv(theta[i], mi, denom, -step);
            }
        }
    }

    /** √v̂ + ε of the last update: √v/√(1 − β₂ᵗ) + ε (v its running maximum with amsgrad). */
    @Override
    public double denominator(int slot, int coord) {
        if (steps == 0) {
            return Double.NaN;
        }
        int i = coord * stride + slot;
        return Math.sqrt(amsgrad ? vMax[i] : v[i]) / bc2Sqrt[slot] + eps[slot];
    }
}
