package org.losslab.engine.update;

import java.util.List;

/**
 * Step 3, gradient-norm clipping as torch.nn.utils.clip_grad_norm_ (one norm over all of a run's
 * parameters):
 * <pre>
 *   g ← g · min(1, c / (‖g‖ + 10⁻⁶))
 * </pre>
 * A run without clipping (c = ∞) is left exactly as it is.
 */
public final class ClipNorm implements Transform {
    /** torch's {@code clip_grad_norm_} adds this to the norm before dividing. */
    static final double EPS = 1e-6;

    /** @param maxNorm c &gt; 0 */
    public record Config(double maxNorm) implements TransformConfig {
        public Config {
            if (!(maxNorm > 0)) {
                throw new IllegalArgumentException("clipNorm must be > 0, got " + maxNorm);
            }
        }

        @Override
        public Stage stage() {
            return Stage.CLIP_NORM;
        }

        @Override
        public boolean isIdentity() {
            return maxNorm == Double.POSITIVE_INFINITY;
        }

        @Override
        public Transform newBatch(int dim, int stride, List<? extends TransformConfig> slots, RandomStreams streams) {
            double[] c = new double[stride];
            // Slots past the list (runs after the last one with this link) are runs without it.
            java.util.Arrays.fill(c, Double.POSITIVE_INFINITY);
            for (int r = 0; r < slots.size(); r++) {
                c[r] = slots.get(r) instanceof Config k ? k.maxNorm : Double.POSITIVE_INFINITY;
            }
            return new ClipNorm(dim, stride, c);
        }
    }

    private final int dim, stride;
    private final double[] maxNorm, norm;

    private ClipNorm(int dim, int stride, double[] maxNorm) {
        this.dim = dim;
        this.stride = stride;
        this.maxNorm = maxNorm;
        norm = new double[stride];
    }

    @Override
    public void apply(Update u) {
        final int n = u.n;
        final double[] g = u.g;
        Norms.of(n, dim, stride, g, norm);
        for (int r = 0; r < n; r++) {
            double c = maxNorm[r];
            // The norm array now holds each run's factor; 1 (exactly no change) without clipping.
            norm[r] = c == Double.POSITIVE_INFINITY ? 1 : Math.min(1.0, c / (norm[r] + EPS));
        }
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                if (maxNorm[r] != Double.POSITIVE_INFINITY) {
                    g[o + r] *= norm[r];
                }
            }
        }
    }

    @Override
    public void moveRun(int from, int to) {
        maxNorm[to] = maxNorm[from];
    }
}
