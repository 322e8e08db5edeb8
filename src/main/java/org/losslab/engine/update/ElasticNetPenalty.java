package org.losslab.engine.update;

import java.util.List;

/**
 * The coupled L1 and L2 penalties as terms of the loss (the elastic net of Zou &amp; Hastie, "Regularization
 * and variable selection via the elastic net", J. R. Stat. Soc. B 67, 2005):
 * <pre>
 *   L(θ) = f(θ) + λ₁‖θ‖₁ + (λ₂/2)‖θ‖²,     g ← g + λ₁·sign(θ_t) + λ₂·θ_t
 * </pre>
 * with sign(0) = 0, as torch's autograd differentiates {@code l1 * p.abs().sum() + l2 / 2 * (p * p).sum()}
 * added to the loss. Because the penalty goes through the gradient, an adaptive method divides it
 * by its denominators like the rest of g: that is Adam + L2, against AdamW's decoupled weight
 * decay, which shrinks θ outside the gradient (Loshchilov &amp; Hutter 2019). It sits after SAM (which
 * perturbs the data loss only) and before clipping, so the penalty is clipped with the rest.
 */
public final class ElasticNetPenalty implements Transform {

    /**
     * @param l1 λ₁ ≥ 0
     * @param l2 λ₂ ≥ 0
     */
    public record Config(double l1, double l2) implements TransformConfig {
        public Config {
            if (!(l1 >= 0) || !(l2 >= 0) || Double.isInfinite(l1) || Double.isInfinite(l2)) {
                throw new IllegalArgumentException("l1 and l2 must be finite and ≥ 0, got " + l1 + ", " + l2);
            }
        }

        @Override
        public Stage stage() {
            return Stage.PENALTY;
        }

        @Override
        public boolean isIdentity() {
            return l1 == 0 && l2 == 0;
        }

        @Override
        public Transform newBatch(int dim, int stride, List<? extends TransformConfig> slots, RandomStreams streams) {
            double[] l1 = new double[stride], l2 = new double[stride];
            for (int r = 0; r < slots.size(); r++) {
                if (slots.get(r) instanceof Config k) {
                    l1[r] = k.l1;
                    l2[r] = k.l2;
                }
            }
            return new ElasticNetPenalty(dim, stride, l1, l2);
        }
    }

    private final int dim, stride;
    private final double[] l1, l2;

    private ElasticNetPenalty(int dim, int stride, double[] l1, double[] l2) {
        this.dim = dim;
        this.stride = stride;
        this.l1 = l1;
        this.l2 = l2;
    }

    @Override
    public void apply(Update u) {
        final int n = u.n;
        final double[] g = u.g, theta = u.theta;
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                double p = theta[o + r];
                // Runs without the penalty add exact zeros (λ = 0, and 0·sign = 0), leaving g unchanged.
                g[o + r] = g[o + r] + l1[r] * Math.signum(p) + l2[r] * p;
            }
        }
    }

    @Override
    public void moveRun(int from, int to) {
        l1[to] = l1[from];
        l2[to] = l2[from];
    }
}
