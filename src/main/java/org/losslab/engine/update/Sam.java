package org.losslab.engine.update;

import java.util.List;

/**
 * Step 2, sharpness-aware minimization (Foret et al., "Sharpness-Aware Minimization for Efficiently
 * Improving Generalization", ICLR 2021): the gradient at the worst nearby point to first order,
 * <pre>
 *   e = ρ·g/‖g‖   (e = 0 when ‖g‖ = 0),     g ← ∇L_B(θ + e)
 * </pre>
 * on the same minibatch B. All runs of the batch are probed together (a run with ρ = 0 at θ itself);
 * only runs with ρ &gt; 0 take the probe's gradient.
 */
public final class Sam implements Transform {

    /** @param rho the radius ρ ≥ 0 */
    public record Config(double rho) implements TransformConfig {
        public Config {
            if (!(rho >= 0)) {
                throw new IllegalArgumentException("SAM radius must be ≥ 0, got " + rho);
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
            for (TransformConfig c : slots) {
                if (c instanceof Asam.Config a) {
                    // SAM and ASAM runs in one batch share one link; ASAM's treats SAM runs as T = I.
                    return a.newBatch(dim, stride, slots, streams);
                }
            }
            double[] rho = new double[stride];
            for (int r = 0; r < slots.size(); r++) {
                rho[r] = slots.get(r) instanceof Config c ? c.rho : 0;
            }
            return new Sam(dim, stride, rho);
        }
    }

    private final int dim, stride;
    private final double[] rho, norm, probe, probeLoss, probeGrad;

    private Sam(int dim, int stride, double[] rho) {
        this.dim = dim;
        this.stride = stride;
        this.rho = rho;
        norm = new double[stride];
        probe = new double[dim * stride];
        probeLoss = new double[stride];
        probeGrad = new double[dim * stride];
    }

    @Override
    public void apply(Update u) {
        final int n = u.n;
        final double[] g = u.g, theta = u.theta;
        Norms.of(n, dim, stride, g, norm);
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                double e = rho[r] > 0 && norm[r] > 0 ? rho[r] * g[o + r] / norm[r] : 0;
                probe[o + r] = theta[o + r] + e;
            }
        }
        takeProbeGradients(u, dim, stride, rho, probe, probeLoss, probeGrad);
    }

    /**
     * SAM's second evaluation, shared with {@link Asam}: g ← ∇L_B(probe) for the runs with ρ > 0. A run
     * without keeps its g, which need not be the exact gradient at θ (an ES estimate in the same batch).
     */
    static void takeProbeGradients(Update u, int dim, int stride, double[] rho, double[] probe, double[] probeLoss,
                                   double[] probeGrad) {
        final int n = u.n;
        final double[] g = u.g;
        u.batch.valueAndGradient(n, probe, probeLoss, probeGrad);
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                if (rho[r] > 0) {
                    g[o + r] = probeGrad[o + r];
                }
            }
        }
    }

    @Override
    public void moveRun(int from, int to) {
        rho[to] = rho[from];
    }
}
