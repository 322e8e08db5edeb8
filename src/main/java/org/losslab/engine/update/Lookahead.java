package org.losslab.engine.update;

import java.util.List;

/**
 * Lookahead around the run's optimizer (Zhang, Lucas, Hinton &amp; Ba, "Lookahead Optimizer: k steps
 * forward, 1 step back", NeurIPS 2019, Algorithm 1): the optimizer's updates (noise included) move
 * the fast weights θ; slow weights φ, starting at θ₀, follow them every k updates:
 * <pre>
 *   after update t with (t + 1) mod k = 0:   φ ← φ + α(θ − φ),   θ ← φ
 * </pre>
 * (t counted from the first update this link makes: in a federated round, from the round's first
 * local step, φ starting at the server point).
 * The inner optimizer's state (momentum, Adam's moments) carries on across the jump back, as in the
 * paper's experiments. On a surface the slow weights are reported as channels {@code lookahead.x},
 * {@code lookahead.y}, and the fast weights before the last update's jump back as {@code lookahead.fastX},
 * {@code lookahead.fastY} (the point itself on updates without a jump), so the slow path and each jump
 * can be drawn beside the fast path.
 */
public final class Lookahead implements Transform, Traced {
    private static final List<String> CHANNELS = List.of("lookahead.x", "lookahead.y", "lookahead.fastX", "lookahead.fastY");

    /**
     * @param k     the fast updates per slow step, ≥ 1
     * @param alpha the slow step size α in (0, 1]
     */
    public record Config(int k, double alpha) implements TransformConfig {
        public Config {
            if (k < 1) {
                throw new IllegalArgumentException("lookahead k must be ≥ 1, got " + k);
            }
            if (!(alpha > 0 && alpha <= 1)) {
                throw new IllegalArgumentException("lookahead alpha must be in (0, 1], got " + alpha);
            }
        }

        @Override
        public Stage stage() {
            return Stage.LOOKAHEAD;
        }

        @Override
        public boolean isIdentity() {
            // α = 1 puts φ on θ: the jump back changes nothing (k = 1 likewise only copies θ).
            return alpha == 1;
        }

        @Override
        public Transform newBatch(int dim, int stride, List<? extends TransformConfig> slots, RandomStreams streams) {
            int[] k = new int[stride];
            double[] alpha = new double[stride];
            for (int r = 0; r < slots.size(); r++) {
                if (slots.get(r) instanceof Config c) {
                    k[r] = c.k;
                    alpha[r] = c.alpha;
                }
            }
            return new Lookahead(dim, stride, k, alpha);
        }
    }

    private final int dim, stride;
    /** k per run; 0 for a run without Lookahead. */
    private final int[] k;
    private final double[] alpha;
    /** The slow weights φ in the batch layout. */
    private final double[] slow;
    /** On a surface: θ before the jump back of the last update (x block, y block). */
    private final double[] fast;

    private Lookahead(int dim, int stride, int[] k, double[] alpha) {
        this.dim = dim;
        this.stride = stride;
        this.k = k;
        this.alpha = alpha;
        slow = new double[dim * stride];
        java.util.Arrays.fill(slow, Double.NaN);
        fast = new double[dim == 2 ? 2 * stride : 0];
        java.util.Arrays.fill(fast, Double.NaN);
    }

    /** Updates this link has seen: the k-cycle counts from the first (a federated round's pipeline starts at its round's t). */
    private long updates;

    @Override
    public void beforeStep(Update u) {
        if (updates != 0) {
            return;
        }
        // φ₀ = θ₀, before the first update moves θ.
        for (int c = 0; c < dim; c++) {
            System.arraycopy(u.theta, c * stride, slow, c * stride, u.n);
        }
    }

    @Override
    public void apply(Update u) {
        final long t1 = ++updates;
        final double[] theta = u.theta;
        if (dim == 2) {
            System.arraycopy(theta, 0, fast, 0, u.n);
            System.arraycopy(theta, stride, fast, stride, u.n);
        }
        for (int r = 0; r < u.n; r++) {
            if (k[r] == 0 || t1 % k[r] != 0) {
                continue;
            }
            double a = alpha[r];
            for (int c = 0; c < dim; c++) {
                int i = c * stride + r;
                // torch_optimizer and the paper's code: slow.add_(fast - slow, alpha=a), then fast.copy_(slow).
                double s = Math.fma(a, theta[i] - slow[i], slow[i]);
                slow[i] = s;
                theta[i] = s;
            }
        }
    }

    @Override
    public void moveRun(int from, int to) {
        k[to] = k[from];
        alpha[to] = alpha[from];
        for (int c = 0; c < dim; c++) {
            slow[c * stride + to] = slow[c * stride + from];
        }
        if (dim == 2) {
            fast[to] = fast[from];
            fast[stride + to] = fast[stride + from];
        }
    }

    @Override
    public List<String> channels() {
        return dim == 2 ? CHANNELS : List.of();
    }

    @Override
    public double channel(int c, int slot) {
        if (k[slot] == 0) {
            return Double.NaN;
        }
        return c < 2 ? slow[c * stride + slot] : fast[(c - 2) * stride + slot];
    }
}
