package org.losslab.engine.update;

import java.util.List;

/**
 * Step 2, adaptive SAM (Kwon et al., "ASAM: Adaptive Sharpness-Aware Minimization for Scale-Invariant
 * Learning of Deep Neural Networks", ICML 2021): SAM's ascent step measured in the parameters' own
 * scale, with the normalization operator T = diag(|θ| + η), η = 0.01:
 * <pre>
 *   e = ρ·T²g/‖Tg‖   (e = 0 when ‖Tg‖ = 0),     g ← ∇L_B(θ + e)
 * </pre>
 * on the same minibatch B. A coordinate far from 0 is probed further than one near 0, so the
 * neighbourhood is an ellipse that scales with θ (the sharpness it measures does not change when a
 * layer's weights are rescaled). It replaces SAM in the run (one of the two per run).
 */
public final class Asam implements Transform {
    /** η of the paper's T_w = diag(|w| + η). */
    static final double ETA = 0.01;

    /** @param rho the radius ρ ≥ 0 (ASAM's ρ is larger than SAM's for the same effect: the paper uses 0.5 to 2) */
    public record Config(double rho) implements TransformConfig {
        public Config {
            if (!(rho >= 0) || Double.isInfinite(rho)) {
                throw new IllegalArgumentException("ASAM radius must be finite and ≥ 0, got " + rho);
            }
        }

        @Override
        public Stage stage() {
            return Stage.SAM;
        }

        @Override
        public boolean isIdentity() {
            return rho == 0;
        }

        @Override
        public Transform newBatch(int dim, int stride, List<? extends TransformConfig> slots, RandomStreams streams) {
            double[] rho = new double[stride];
            boolean[] adaptive = new boolean[stride];
            for (int r = 0; r < slots.size(); r++) {
                if (slots.get(r) instanceof Config c) {
                    rho[r] = c.rho;
                    adaptive[r] = true;
                } else if (slots.get(r) instanceof Sam.Config c) {
                    rho[r] = c.rho();
                }
            }
            return new Asam(dim, stride, rho, adaptive);
        }
    }

    private final int dim, stride;
    private final double[] rho, norm, probe, probeLoss, probeGrad;
    /** Per run: ASAM (T = diag(|θ| + η)) or, for a plain SAM run sharing the batch, T = I. */
    private final boolean[] adaptive;

    private Asam(int dim, int stride, double[] rho, boolean[] adaptive) {
        this.dim = dim;
        this.stride = stride;
        this.rho = rho;
        this.adaptive = adaptive;
        norm = new double[stride];
        probe = new double[dim * stride];
        probeLoss = new double[stride];
        probeGrad = new double[dim * stride];
    }

    @Override
    public void apply(Update u) {
        final int n = u.n;
        final double[] g = u.g, theta = u.theta;
        // probe holds Tg first, for its norm.
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                probe[o + r] = adaptive[r] ? (Math.abs(theta[o + r]) + ETA) * g[o + r] : g[o + r];
            }
        }
        Norms.of(n, dim, stride, probe, norm);
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                double t = adaptive[r] ? Math.abs(theta[o + r]) + ETA : 1;
                double e = rho[r] > 0 && norm[r] > 0 ? rho[r] * (t * probe[o + r]) / norm[r] : 0;
                probe[o + r] = theta[o + r] + e;
            }
        }
        Sam.takeProbeGradients(u, dim, stride, rho, probe, probeLoss, probeGrad);
    }

    @Override
    public void moveRun(int from, int to) {
        rho[to] = rho[from];
        adaptive[to] = adaptive[from];
    }
}
