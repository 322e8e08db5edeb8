package org.losslab.engine.update;

import java.util.List;

/**
 * Step 3b, gradient clipping by value as torch.nn.utils.clip_grad_value_, after norm clipping:
 * <pre>
 *   g_i ← clamp(g_i, −v, v)   for every coordinate i
 * </pre>
 * Unlike norm clipping it changes the direction of g: on a surface a clipped step is pulled toward
 * the diagonals. A run without it (v = ∞) is left exactly as it is.
 */
public final class ClipValue implements Transform {

    /** @param maxValue v &gt; 0 */
    public record Config(double maxValue) implements TransformConfig {
        public Config {
            if (!(maxValue > 0)) {
                throw new IllegalArgumentException("clipValue must be > 0, got " + maxValue);
            }
        }

        @Override
        public Stage stage() {
            return Stage.CLIP_VALUE;
        }

        @Override
        public boolean isIdentity() {
            return maxValue == Double.POSITIVE_INFINITY;
        }

        @Override
        public Transform newBatch(int dim, int stride, List<? extends TransformConfig> slots, RandomStreams streams) {
            double[] v = new double[stride];
            // Slots past the list (runs after the last one with this link) are runs without it.
            java.util.Arrays.fill(v, Double.POSITIVE_INFINITY);
            for (int r = 0; r < slots.size(); r++) {
                v[r] = slots.get(r) instanceof Config k ? k.maxValue : Double.POSITIVE_INFINITY;
            }
            return new ClipValue(dim, stride, v);
        }
    }

    private final int dim, stride;
    private final double[] maxValue;

    private ClipValue(int dim, int stride, double[] maxValue) {
        this.dim = dim;
        this.stride = stride;
        this.maxValue = maxValue;
    }

    @Override
    public void apply(Update u) {
        final int n = u.n;
        final double[] g = u.g;
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                double v = maxValue[r];
                // torch's clamp_(-v, v): min(max(g, −v), v), and a NaN stays NaN.
                double x = g[o + r];
                g[o + r] = x < -v ? -v : x > v ? v : x;
            }
        }
    }

    @Override
    public void moveRun(int from, int to) {
        maxValue[to] = maxValue[from];
    }
}
