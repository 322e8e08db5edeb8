package org.losslab.engine.update;

import java.util.List;
import org.losslab.engine.optim.Optimizer;
import org.losslab.engine.optim.Precision;

/**
 * Training in a low-precision format (float32, bfloat16, float16), as a model whose tensors have that
 * dtype is trained in torch (Micikevicius et al. 2018, "Mixed Precision Training"). With F the
 * rounding to the format and S the loss scale:
 * <pre>
 *   θ₀ = F(θ_start)                                   the model's parameters in the format
 *   g  = F(∇L(θ_t))                                   backward's gradient in the format
 * without master weights: θ_{t+1} = optimizer_F(θ_t, g)  every operation rounded ({@link Precision})
 * with master weights:    w_{t+1} = optimizer(w_t, F(S·∇L(θ_t))/S)   in float64, w₀ = θ₀
 *                         θ_{t+1} = F(w_{t+1})
 * </pre>
 * The loss and gradient are evaluated in float64 at the format's point θ_t (a backward in a wider
 * accumulator, as mixed-precision kernels do), then rounded. An update smaller than half an ulp of θ
 * leaves θ unchanged: such an update, one whose gradient was not zero and after which no coordinate
 * of θ moved, is <em>stalled</em>; the link counts them per run ({@code precision.stalled}, reported
 * as a channel and marked on the path) and reports the share of coordinates with a non-zero gradient
 * that the last update left unchanged ({@code precision.frozen}, the measure for networks). With
 * master weights the small updates are not lost: they add up in w until θ moves.
 *
 * <p>It is the last gradient link (the other gradient links work on the gradient as float64 sees
 * it; the optimizer gets it in the format) and, through {@link ParameterFormat}, the last thing of
 * every update (Langevin noise, added in float64, is rounded with θ).
 */
public final class LowPrecision implements Transform, Traced, ParameterFormat {

    /**
     * @param precision     the format of θ, g and the optimizer's state
     * @param masterWeights apply the update to a float64 copy of θ, rounded into θ after each update
     * @param lossScale     S &gt; 0, the static loss scale (only with master weights: the scaled
     *                      gradient is unscaled in the master's precision, as torch's GradScaler)
     */
    public record Config(Precision precision, boolean masterWeights, double lossScale) implements TransformConfig {
        public Config {
            if (precision == null) {
                throw new IllegalArgumentException("precision is required");
            }
            if (!(lossScale > 0) || lossScale == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("lossScale must be finite and > 0, got " + lossScale);
            }
            if (lossScale != 1 && !masterWeights) {
                throw new IllegalArgumentException("lossScale needs masterWeights: the scaled gradient is unscaled "
                        + "into the master weights' precision (torch's GradScaler refuses to unscale into "
                        + precision.key() + ")");
            }
        }

        /** The format without master weights or loss scaling. */
        public static Config of(Precision precision) {
            return new Config(precision, false, 1);
        }

        @Override
        public Stage stage() {
            return Stage.PRECISION;
        }

        @Override
        public boolean isIdentity() {
            return precision == Precision.FLOAT64;
        }

        @Override
        public Transform newBatch(int dim, int stride, List<? extends TransformConfig> slots, RandomStreams streams) {
            return new LowPrecision(dim, stride, slots);
        }
    }

    private final int dim, stride;
    /** Per slot: its format (float64 for a run without this link), master weights, loss scale. */
    private final Precision[] precision;
    private final boolean[] master;
    private final double[] scale;
    /** The float64 master copies w, in θ's layout (only for slots with master weights). */
    private final double[] weights;
    /** θ_t of the update under way, to see which coordinates the update moved. */
    private final double[] before;
    /** Per slot: coordinates with a non-zero gradient in the update under way. */
    private final int[] pushed;
    /** Per slot: stalled updates so far, and the frozen share of the last update. */
    private final double[] stalled, frozen;

    private LowPrecision(int dim, int stride, List<? extends TransformConfig> slots) {
        this.dim = dim;
        this.stride = stride;
        precision = new Precision[stride];
        master = new boolean[stride];
        scale = new double[stride];
        for (int r = 0; r < stride; r++) {
            Config c = r < slots.size() && slots.get(r) instanceof Config k ? k : Config.of(Precision.FLOAT64);
            precision[r] = c.precision;
            master[r] = c.masterWeights && c.precision != Precision.FLOAT64;
            scale[r] = c.lossScale;
        }
        weights = new double[dim * stride];
        before = new double[dim * stride];
        pushed = new int[stride];
        stalled = new double[stride];
        frozen = new double[stride];
    }

    /** Tells the optimizer which slots compute in their format themselves (those without master weights). */
    void configure(Optimizer optimizer) {
        for (int r = 0; r < stride; r++) {
            if (!master[r]) {
                optimizer.computeIn(r, precision[r]);
            }
        }
    }

    @Override
    public void start(int n, double[] theta) {
        for (int r = 0; r < n; r++) {
            Precision p = precision[r];
            for (int c = 0; c < dim; c++) {
                int i = c * stride + r;
                theta[i] = p.round(theta[i]);
                weights[i] = theta[i];
            }
        }
    }

    /** Before the optimizer's step: g in the format (scaled and unscaled with master weights); w in place of θ. */
    @Override
    public void apply(Update u) {
        final double[] g = u.g, theta = u.theta;
        for (int r = 0; r < u.n; r++) {
            final Precision p = precision[r];
            final double s = scale[r];
            final boolean m = master[r];
            int nonzero = 0;
            for (int c = 0; c < dim; c++) {
                int i = c * stride + r;
                double gi = s == 1 ? p.round(g[i]) : p.round(s * g[i]) / s;
                g[i] = gi;
                if (gi != 0) {
                    nonzero++;
                }
                before[i] = theta[i];
                if (m) {
                    theta[i] = weights[i];
                }
            }
            pushed[r] = nonzero;
        }
    }

    @Override
    public void finish(Update u) {
        final double[] theta = u.theta;
        for (int r = 0; r < u.n; r++) {
            final Precision p = precision[r];
            final boolean m = master[r];
            int still = 0, stillPushed = 0;
            for (int c = 0; c < dim; c++) {
                int i = c * stride + r;
                if (m) {
                    weights[i] = theta[i];
                }
                double q = p.round(theta[i]);
                theta[i] = q;
                // A coordinate that kept its value; counted among the pushed ones if its gradient was not 0.
                if (q == before[i]) {
                    still++;
                    if (u.g[i] != 0) {
                        stillPushed++;
                    }
                }
            }
            if (pushed[r] > 0 && still == dim) {
                stalled[r]++;
            }
            frozen[r] = pushed[r] == 0 ? 0 : (double) stillPushed / pushed[r];
        }
    }

    @Override
    public void moveRun(int from, int to) {
        precision[to] = precision[from];
        master[to] = master[from];
        scale[to] = scale[from];
        stalled[to] = stalled[from];
        frozen[to] = frozen[from];
        pushed[to] = pushed[from];
        for (int c = 0; c < dim; c++) {
            weights[c * stride + to] = weights[c * stride + from];
            before[c * stride + to] = before[c * stride + from];
        }
    }

    @Override
    public List<String> channels() {
        return List.of("precision.stalled", "precision.frozen");
    }

    @Override
    public double channel(int k, int slot) {
        return k == 0 ? stalled[slot] : frozen[slot];
    }
}
