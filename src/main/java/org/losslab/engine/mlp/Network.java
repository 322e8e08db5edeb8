package org.losslab.engine.mlp;

/**
 * Forward and backward passes of an {@link Architecture} over batches of examples: the loss, its
 * exact gradient with respect to every weight (backpropagation), and predictions.
 *
 * <p>With a₀ the input features, for layers l = 1..L:
 * <pre>
 *   z_l = W_l·a_{l−1} + b_l,   a_l = σ(z_l) (hidden),   z_L = logits
 *   δ_L = ∂ℓ/∂z_L (see {@link Output}),   δ_{l−1} = (W_lᵀ·δ_l) ⊙ σ′(z_{l−1})
 *   ∂ℓ/∂W_l = δ_l·a_{l−1}ᵀ,   ∂ℓ/∂b_l = Σ_examples δ_l
 * </pre>
 * averaged over the examples of the batch (torch's {@code reduction='mean'}).
 *
 * <p>{@link #hessianVector} adds the exact Hessian-vector product H·v of the same mean loss by
 * Pearlmutter's R-operator (Pearlmutter 1994, "Fast exact multiplication by the Hessian"): with
 * R{·} = ∂/∂r (·)(θ + r·v) at r = 0, one more quantity rides along each pass,
 * <pre>
 *   R{z_l} = V_l·a_{l−1} + W_l·R{a_{l−1}} + v_{b_l},   R{a_l} = σ′(z_l) ⊙ R{z_l},   R{a_0} = 0
 *   R{δ_L} = ∂²ℓ/∂z_L² · R{z_L}
 *   R{δ_{l−1}} = σ′(z_{l−1}) ⊙ (V_lᵀ·δ_l + W_lᵀ·R{δ_l}) + σ″(z_{l−1}) ⊙ (W_lᵀ·δ_l) ⊙ R{z_{l−1}}
 *   (H·v)_{W_l} = R{δ_l}·a_{l−1}ᵀ + δ_l·R{a_{l−1}}ᵀ,   (H·v)_{b_l} = Σ_examples R{δ_l}
 * </pre>
 * where V_l, v_{b_l} are v's entries at W_l's and b_l's places: the cost of about two gradients,
 * and exact to rounding (no finite differences).
 *
 * <p>Examples go through in chunks of {@link #CHUNK}; every activation is stored unit-major,
 * unit j of example i at {@code [j·CHUNK + i]}, so each inner loop is a run over consecutive
 * examples (an axpy or a dot product) that the JIT vectorizes. All buffers are allocated in the
 * constructor; no pass allocates. A network object is a workspace for one thread.
 */
public final class Network implements NetworkPasses {
    /** Examples per chunk: small enough that a layer's activations stay in cache. */
    static final int CHUNK = 256;

    private final Architecture arch;
    private final int layers;
    private final int[] in, out, wOff, bOff;
    private final Activation act;
    private final Output output;
    /** Pre-activations and activations per layer; act[0] holds the input features. */
    private final double[][] z, a;
    private final double[] delta, deltaPrev;
    /** A short chunk's pre-activations and activations with the units' rows end to end ({@link #activate}). */
    private final double[] packedZ, packedA;
    /** R{z}, R{a} and R{δ} of {@link #hessianVector}, allocated at its first call. */
    private double[][] rz, ra;
    private double[] rDelta, rDeltaPrev;
    private int correct;
    /** DARTS: the hidden layers' mixed activations, or null for the architecture's one activation. */
    private MixedActivation mixture;

    /** @throws IllegalArgumentException for an architecture whose hidden blocks are not plain (see {@link BlockNetwork}) */
    public Network(Architecture arch) {
        if (!arch.block().isPlain()) {
            throw new IllegalArgumentException("a network with " + arch.block().describe() + " is a BlockNetwork");
        }
        this.arch = arch;
        layers = arch.layerCount();
        in = new int[layers];
        out = new int[layers];
        wOff = new int[layers];
        bOff = new int[layers];
        z = new double[layers][];
        a = new double[layers + 1][];
        a[0] = new double[arch.features().size() * CHUNK];
        for (int l = 0; l < layers; l++) {
            in[l] = arch.inputsOf(l);
            out[l] = arch.unitsOf(l);
            wOff[l] = arch.weightOffset(l);
            bOff[l] = arch.biasOffset(l);
            z[l] = new double[out[l] * CHUNK];
            a[l + 1] = l < layers - 1 ? new double[out[l] * CHUNK] : z[l];
        }
        delta = new double[arch.maxWidth() * CHUNK];
        deltaPrev = new double[arch.maxWidth() * CHUNK];
        packedZ = new double[arch.maxWidth() * CHUNK];
        packedA = new double[arch.maxWidth() * CHUNK];
        act = arch.activation();
        output = arch.output();
    }

    @Override
    public Architecture architecture() {
        return arch;
    }

    /** Makes every hidden layer a DARTS mixture of candidates with the given weights (see {@link MixedActivation}). */
    void mix(MixedActivation m) {
        mixture = m;
    }

    /**
     * The mean loss over examples {@code idx[from..to)} of {@code ex} (all of them when {@code idx}
     * is null: {@code from..to} are then example numbers), and its gradient.
     *
     * @param theta weights. Not modified.
     * @param grad  the gradient, or null for the loss alone. Modified (overwritten).
     * @return the mean loss (NaN for an empty batch)
     */
    @Override
    public double evaluate(double[] theta, Examples ex, int[] idx, int from, int to, double[] grad) {
        int total = to - from;
        if (grad != null) {
            java.util.Arrays.fill(grad, 0.0);
        }
        if (total == 0) {
            correct = 0;
            return Double.NaN;
        }
        return accumulate(theta, ex, idx, from, to, 1.0 / total, grad) / total;
    }

    /**
     * Part of a mean: adds ∂(scale·Σℓᵢ)/∂θ over examples {@code from..to} to {@code grad} (which it
     * does not clear) and returns the plain sum Σℓᵢ; {@link #correct()} counts this part. Two parts
     * over one range, with the whole range's scale, make its {@link #evaluate}.
     *
     * @param grad gradient accumulator, or null. Modified.
     */
    double accumulate(double[] theta, Examples ex, int[] idx, int from, int to, double scale, double[] grad) {
        correct = 0;
        double loss = 0;
        for (int c = from; c < to; c += CHUNK) {
            int m = Math.min(CHUNK, to - c);
            gather(ex, idx, c, m);
            forward(theta, m);
            loss += lossAndDelta(ex, idx, c, m, scale, grad != null);
            if (grad != null) {
                backward(theta, m, grad);
            }
        }
        return loss;
    }

    /**
     * The mean loss over examples {@code idx[from..to)} of {@code ex} (as {@link #evaluate}), its
     * gradient, and the exact Hessian-vector product H·v of that mean loss (see the class comment).
     *
     * @param theta weights. Not modified.
     * @param v     the direction, in θ's layout. Not modified.
     * @param grad  the gradient. Modified (overwritten).
     * @param hv    H·v. Modified (overwritten).
     * @return the mean loss (NaN for an empty batch)
     */
    double hessianVector(double[] theta, double[] v, Examples ex, int[] idx, int from, int to, double[] grad, double[] hv) {
        java.util.Arrays.fill(grad, 0.0);
        java.util.Arrays.fill(hv, 0.0);
        int total = to - from;
        correct = 0;
        if (total == 0) {
            return Double.NaN;
        }
        if (rz == null) {
            rz = new double[layers][];
            ra = new double[layers + 1][];
            for (int l = 0; l < layers; l++) {
                rz[l] = new double[out[l] * CHUNK];
                ra[l + 1] = l < layers - 1 ? new double[out[l] * CHUNK] : rz[l];
            }
            rDelta = new double[arch.maxWidth() * CHUNK];
            rDeltaPrev = new double[arch.maxWidth() * CHUNK];
        }
        double scale = 1.0 / total;
        double loss = 0;
        for (int c = from; c < to; c += CHUNK) {
            int m = Math.min(CHUNK, to - c);
            gather(ex, idx, c, m);
            forward(theta, m);
            forwardR(theta, v, m);
            loss += lossAndDelta(ex, idx, c, m, scale, true);
            outputR(m, scale);
            backwardR(theta, v, m, grad, hv);
        }
        return loss / total;
    }

    /**
     * K-FAC's Kronecker factors of the Fisher over examples {@code idx[from..to)} (all when {@code idx}
     * is null), as means over the examples (see {@link Kfac}): for each layer l,
     * <pre>
     *   A_l = E[ā āᵀ],  ā = (a_{l−1}, 1) (the 1 only with biases)
     *   G_l = E[Σ_c g_c g_cᵀ],  g_c = J_lᵀ c_c,  ∂²ℓ/∂z_L² = Σ_c c_c c_cᵀ
     * </pre>
     * where J_l = ∂z_L/∂z_l: the columns c_c of the output loss's curvature are backpropagated like
     * δ, one pass each ({@link #curvatureColumns}), so G_l is the exact expectation of g gᵀ over the
     * model's own predictive distribution instead of a sampled one.
     *
     * @param aFactor per layer, A_l row-major (d_A × d_A, d_A = inputs + 1 with biases). Modified.
     * @param gFactor per layer, G_l row-major (units × units). Modified.
     */
    void kroneckerFactors(double[] theta, Examples ex, int[] idx, int from, int to, double[][] aFactor, double[][] gFactor) {
        for (int l = 0; l < layers; l++) {
            java.util.Arrays.fill(aFactor[l], 0.0);
            java.util.Arrays.fill(gFactor[l], 0.0);
        }
        int total = to - from;
        if (total == 0) {
            return;
        }
        int columns = curvatureColumns();
        for (int c = from; c < to; c += CHUNK) {
            int m = Math.min(CHUNK, to - c);
            gather(ex, idx, c, m);
            forward(theta, m);
            for (int l = 0; l < layers; l++) {
                addInputMoments(a[l], in[l], bOff[l] >= 0, m, aFactor[l]);
            }
            for (int col = 0; col < columns; col++) {
                curvatureColumn(col, m);
                double[] d = delta, dPrev = deltaPrev;
                for (int l = layers - 1; l >= 0; l--) {
                    addMoments(d, out[l], m, gFactor[l], out[l]);
                    if (l == 0) {
                        break;
                    }
                    propagate(theta, l, d, dPrev, m);
                    double[] t = d;
                    d = dPrev;
                    dPrev = t;
                }
            }
        }
        for (int l = 0; l < layers; l++) {
            finishMean(aFactor[l], in[l] + (bOff[l] >= 0 ? 1 : 0), total);
            finishMean(gFactor[l], out[l], total);
        }
    }

    /**
     * How many columns c_c factor the output loss's curvature ∂²ℓ/∂z²: one for the sigmoid with BCE
     * (√(p(1 − p))), one per class for softmax (c_k = √p_k·(e_k − p), since Σ_k p_k(e_k − p)(e_k − p)ᵀ
     * = diag(p) − ppᵀ), one per unit for MSE (√(2/units)·e_k).
     */
    private int curvatureColumns() {
        return output == Output.SIGMOID ? 1 : out[layers - 1];
    }

    /** δ_L := column {@code col} of the curvature factor of each example of the chunk. */
    private void curvatureColumn(int col, int m) {
        double[] logits = z[layers - 1];
        int units = out[layers - 1];
        switch (output) {
            case SIGMOID:
                for (int i = 0; i < m; i++) {
                    double p = MlpMath.sigmoid(logits[i]);
                    delta[i] = Math.sqrt(p * (1 - p));
                }
                break;
            case SOFTMAX:
                for (int i = 0; i < m; i++) {
                    double max = maxLogit(logits, units, i);
                    double lse = max + Math.log(expSum(logits, units, i, max));
                    double pc = Math.exp(logits[col * CHUNK + i] - lse), root = Math.sqrt(pc);
                    for (int k = 0; k < units; k++) {
                        double pk = Math.exp(logits[k * CHUNK + i] - lse);
                        delta[k * CHUNK + i] = root * ((k == col ? 1 : 0) - pk);
                    }
                }
                break;
            case LINEAR: {
                double f = Math.sqrt(units == 1 ? 2.0 : 2.0 / units);
                for (int k = 0; k < units; k++) {
                    double v = k == col ? f : 0;
                    for (int i = 0; i < m; i++) {
                        delta[k * CHUNK + i] = v;
                    }
                }
                break;
            }
            default:
                throw new AssertionError(output);
        }
    }

    /** dPrev = (W_lᵀ·d) ⊙ σ′(z_{l−1}) over the chunk: δ one layer down, without the weight gradient. */
    private void propagate(double[] theta, int l, double[] d, double[] dPrev, int m) {
        int nIn = in[l], nOut = out[l], w = wOff[l];
        for (int k = 0; k < nIn; k++) {
            int col = k * CHUNK;
            for (int i = 0; i < m; i++) {
                dPrev[col + i] = 0;
            }
            for (int j = 0; j < nOut; j++) {
                double wjk = theta[w + j * nIn + k];
                int row = j * CHUNK;
                for (int i = 0; i < m; i++) {
                    dPrev[col + i] += wjk * d[row + i];
                }
            }
            act.backward(z[l - 1], a[l], dPrev, col, col + m);
        }
    }

    /** Upper triangle of Σ_i v v ᵀ over the chunk's rows 0..n of {@code v}, added into the n × n {@code f}. */
    private static void addMoments(double[] v, int n, int m, double[] f, int stride) {
        for (int j = 0; j < n; j++) {
            for (int k = j; k < n; k++) {
                f[j * stride + k] += dot(v, j * CHUNK, v, k * CHUNK, m);
            }
        }
    }

    /** {@link #addMoments} of ā = (a, 1): the inputs' moments, their sums, and the count. */
    private static void addInputMoments(double[] src, int nIn, boolean bias, int m, double[] f) {
        int dim = nIn + (bias ? 1 : 0);
        addMoments(src, nIn, m, f, dim);
        if (bias) {
            for (int k = 0; k < nIn; k++) {
                f[k * dim + nIn] += sum(src, k * CHUNK, m);
            }
            f[nIn * dim + nIn] += m;
        }
    }

    /** Divides the upper triangle by the count and mirrors it below the diagonal. */
    private static void finishMean(double[] f, int n, int total) {
        for (int j = 0; j < n; j++) {
            for (int k = j; k < n; k++) {
                double v = f[j * n + k] / total;
                f[j * n + k] = v;
                f[k * n + j] = v;
            }
        }
    }

    /** Examples classified correctly by the last {@link #evaluate} (0 for regression). */
    @Override
    public int correct() {
        return correct;
    }

    private void gather(Examples ex, int[] idx, int c, int m) {
        double[] a0 = a[0];
        int n = ex.n;
        for (int f = 0; f < ex.features; f++) {
            int base = f * n;
            int row = f * CHUNK;
            if (idx == null) {
                System.arraycopy(ex.x, base + c, a0, row, m);
            } else {
                for (int i = 0; i < m; i++) {
                    a0[row + i] = ex.x[base + idx[c + i]];
                }
            }
        }
    }

    private void forward(double[] theta, int m) {
        for (int l = 0; l < layers; l++) {
            double[] dst = z[l];
            affine(theta, wOff[l], bOff[l], a[l], in[l], out[l], m, dst, false);
            if (l < layers - 1) {
                if (mixture != null) {
                    for (int j = 0; j < out[l]; j++) {
                        mixture.forward(l, dst, a[l + 1], j * CHUNK, j * CHUNK + m);
                    }
                    continue;
                }
                activate(dst, a[l + 1], out[l], m);
            }
        }
    }

    /**
     * a = σ(z) for the chunk's m examples of a layer's units. tanh's polynomial pass vectorizes only
     * over runs long enough for the JIT's unrolled SIMD loop (eight lanes of AVX-512, unrolled), which
     * a unit's row of a minibatch (32 examples) is not; so a short chunk's rows are packed end to end
     * first, tanh goes over all of them at once, and the results are unpacked. Every element gets the
     * same operations as before, so the values are bit for bit the same.
     */
    private void activate(double[] z, double[] a, int units, int m) {
        if (act == Activation.TANH && m < CHUNK && units > 1) {
            for (int j = 0; j < units; j++) {
                System.arraycopy(z, j * CHUNK, packedZ, j * m, m);
            }
            MlpMath.tanh(packedZ, packedA, 0, units * m);
            for (int j = 0; j < units; j++) {
                System.arraycopy(packedA, j * m, a, j * CHUNK, m);
            }
            return;
        }
        for (int j = 0; j < units; j++) {
            act.forward(z, a, j * CHUNK, j * CHUNK + m);
        }
    }

    /**
     * dst[j] = b[j] + Σ_k W[j][k]·src[k] for the nOut units over the chunk's m examples, W and b read
     * from {@code p} at {@code w} and {@code b} (no bias when b &lt; 0); with {@code add}, the sum is
     * added to dst instead and the bias left out.
     */
    private static void affine(double[] p, int w, int b, double[] src, int nIn, int nOut, int m, double[] dst, boolean add) {
        if (!add && nIn >= STRIP_FROM) {
            affineStrips(p, w, b, src, nIn, nOut, m, dst);
            return;
        }
        if (!add && nIn == 2) {
            // The first layer on the two plain features: the general loop's three passes per unit (the
            // bias, then each input, each pass too short at a minibatch to vectorize well) as one pass,
            // b + W[j][0]·x₀ + W[j][1]·x₁ added in the same order.
            for (int j = 0; j < nOut; j++) {
                int row = j * CHUNK;
                double bj = b >= 0 ? p[b + j] : 0.0, w0 = p[w + 2 * j], w1 = p[w + 2 * j + 1];
                for (int i = 0; i < m; i++) {
                    dst[row + i] = bj + w0 * src[i] + w1 * src[CHUNK + i];
                }
            }
            return;
        }
        for (int j = 0; j < nOut; j++) {
            int row = j * CHUNK;
            if (!add) {
                double bj = b >= 0 ? p[b + j] : 0.0;
                for (int i = 0; i < m; i++) {
                    dst[row + i] = bj;
                }
            }
            for (int k = 0; k < nIn; k++) {
                double wjk = p[w + j * nIn + k];
                int col = k * CHUNK;
                for (int i = 0; i < m; i++) {
                    dst[row + i] += wjk * src[col + i];
                }
            }
        }
    }

    /**
     * Layers with at least this many inputs are summed in strips of four examples: a pass per
     * (unit, input) pair, as in the general loop, is too short at minibatch sizes for the JIT's
     * vectorized loop to start, and reloads and stores dst once per input.
     */
    private static final int STRIP_FROM = 4;

    /**
     * {@link #affine} without {@code add}, four examples at a time with the sums in registers. Each
     * sum is still b[j] + W[j][0]·src[0] + W[j][1]·src[1] + … added in input order, so every value
     * is bit for bit that of the general loop.
     */
    private static void affineStrips(double[] p, int w, int b, double[] src, int nIn, int nOut, int m, double[] dst) {
        for (int j = 0; j < nOut; j++) {
            int row = j * CHUNK, wj = w + j * nIn;
            double bj = b >= 0 ? p[b + j] : 0.0;
            int i = 0;
            for (; i + 3 < m; i += 4) {
                double s0 = bj, s1 = bj, s2 = bj, s3 = bj;
                for (int k = 0; k < nIn; k++) {
                    double wjk = p[wj + k];
                    int c = k * CHUNK + i;
                    s0 += wjk * src[c];
                    s1 += wjk * src[c + 1];
                    s2 += wjk * src[c + 2];
                    s3 += wjk * src[c + 3];
                }
                dst[row + i] = s0;
                dst[row + i + 1] = s1;
                dst[row + i + 2] = s2;
                dst[row + i + 3] = s3;
            }
            for (; i < m; i++) {
                double s = bj;
                for (int k = 0; k < nIn; k++) {
                    s += p[wj + k] * src[k * CHUNK + i];
                }
                dst[row + i] = s;
            }
        }
    }

    /** R{z_l} and R{a_l} of every layer, from the stored z and a of {@link #forward}. */
    private void forwardR(double[] theta, double[] v, int m) {
        for (int l = 0; l < layers; l++) {
            double[] dst = rz[l];
            affine(v, wOff[l], bOff[l], a[l], in[l], out[l], m, dst, false);
            if (l > 0) {
                affine(theta, wOff[l], -1, ra[l], in[l], out[l], m, dst, true);
            }
            if (l < layers - 1) {
                for (int j = 0; j < out[l]; j++) {
                    act.rForward(z[l], a[l + 1], dst, ra[l + 1], j * CHUNK, j * CHUNK + m);
                }
            }
        }
    }

    /**
     * R{δ_L} = scale·(∂²ℓ/∂z²)·R{z_L}: σ(1 − σ)·R{z} for the sigmoid with BCE; p ⊙ (R{z} − pᵀR{z})
     * for softmax with cross-entropy (∂²ℓ/∂z² = diag(p) − ppᵀ); 2·R{z}/units for MSE.
     */
    private void outputR(int m, double scale) {
        double[] logits = z[layers - 1], r = rz[layers - 1];
        int units = out[layers - 1];
        switch (output) {
            case SIGMOID:
                for (int i = 0; i < m; i++) {
                    double p = MlpMath.sigmoid(logits[i]);
                    rDelta[i] = scale * p * (1 - p) * r[i];
                }
                break;
            case SOFTMAX:
                for (int i = 0; i < m; i++) {
                    double max = maxLogit(logits, units, i);
                    double lse = max + Math.log(expSum(logits, units, i, max)), pr = 0;
                    for (int k = 0; k < units; k++) {
                        pr += Math.exp(logits[k * CHUNK + i] - lse) * r[k * CHUNK + i];
                    }
                    for (int k = 0; k < units; k++) {
                        double p = Math.exp(logits[k * CHUNK + i] - lse);
                        rDelta[k * CHUNK + i] = scale * p * (r[k * CHUNK + i] - pr);
                    }
                }
                break;
            case LINEAR: {
                double f = units == 1 ? 2 * scale : 2 * scale / units;
                for (int k = 0; k < units; k++) {
                    for (int i = 0; i < m; i++) {
                        rDelta[k * CHUNK + i] = f * r[k * CHUNK + i];
                    }
                }
                break;
            }
            default:
                throw new AssertionError(output);
        }
    }

    /** The largest logit of example i (the shift of a stable softmax). */
    private static double maxLogit(double[] logits, int units, int i) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < units; k++) {
            max = Math.max(max, logits[k * CHUNK + i]);
        }
        return max;
    }

    /** Σ_k e^(z_k − max) over example i's logits. */
    private static double expSum(double[] logits, int units, int i, double max) {
        double s = 0;
        for (int k = 0; k < units; k++) {
            s += Math.exp(logits[k * CHUNK + i] - max);
        }
        return s;
    }

    /** Backpropagation of δ and R{δ} together, accumulating the gradient and H·v. */
    private void backwardR(double[] theta, double[] v, int m, double[] grad, double[] hv) {
        double[] d = delta, dPrev = deltaPrev, rd = rDelta, rdPrev = rDeltaPrev;
        for (int l = layers - 1; l >= 0; l--) {
            double[] src = a[l];
            int nIn = in[l], nOut = out[l], w = wOff[l];
            if (bOff[l] >= 0) {
                for (int j = 0; j < nOut; j++) {
                    grad[bOff[l] + j] += sum(d, j * CHUNK, m);
                    hv[bOff[l] + j] += sum(rd, j * CHUNK, m);
                }
            }
            weightGradient(d, src, nOut, nIn, m, grad, w);
            weightGradient(rd, src, nOut, nIn, m, hv, w);
            if (l == 0) {
                break;
            }
            weightGradient(d, ra[l], nOut, nIn, m, hv, w);
            // δ_{l−1} = Wᵀδ, R{δ_{l−1}} = Vᵀδ + WᵀR{δ}, before the activation's σ′ and σ″ terms.
            for (int k = 0; k < nIn; k++) {
                int col = k * CHUNK;
                for (int i = 0; i < m; i++) {
                    dPrev[col + i] = 0;
                    rdPrev[col + i] = 0;
                }
                for (int j = 0; j < nOut; j++) {
                    double wjk = theta[w + j * nIn + k], vjk = v[w + j * nIn + k];
                    int row = j * CHUNK;
                    for (int i = 0; i < m; i++) {
                        dPrev[col + i] += wjk * d[row + i];
                        rdPrev[col + i] += vjk * d[row + i] + wjk * rd[row + i];
                    }
                }
            }
            for (int k = 0; k < nIn; k++) {
                act.rBackward(z[l - 1], src, rz[l - 1], dPrev, rdPrev, k * CHUNK, k * CHUNK + m);
            }
            double[] t = d;
            d = dPrev;
            dPrev = t;
            t = rd;
            rd = rdPrev;
            rdPrev = t;
        }
    }

    /** Sums the loss of the chunk, counts correct predictions and, if asked, sets δ_L = scale·∂ℓ/∂z. */
    private double lossAndDelta(Examples ex, int[] idx, int c, int m, double scale, boolean wantDelta) {
        double[] logits = z[layers - 1];
        int units = out[layers - 1];
        double sum = 0;
        switch (output) {
            case SIGMOID:
                for (int i = 0; i < m; i++) {
                    double v = logits[i], y = ex.y[idx == null ? c + i : idx[c + i]];
                    sum += Math.max(v, 0) - v * y + Math.log1p(Math.exp(-Math.abs(v)));
                    if ((v > 0 ? 1 : 0) == y) {
                        correct++;
                    }
                    if (wantDelta) {
                        delta[i] = scale * (MlpMath.sigmoid(v) - y);
                    }
                }
                break;
            case SOFTMAX:
                for (int i = 0; i < m; i++) {
                    int y = (int) ex.y[idx == null ? c + i : idx[c + i]];
                    double max = Double.NEGATIVE_INFINITY;
                    int best = 0;
                    for (int k = 0; k < units; k++) {
                        double v = logits[k * CHUNK + i];
                        if (v > max) {
                            max = v;
                            best = k;
                        }
                    }
                    double s = 0;
                    for (int k = 0; k < units; k++) {
                        s += Math.exp(logits[k * CHUNK + i] - max);
                    }
                    double lse = max + Math.log(s);
                    sum += lse - logits[y * CHUNK + i];
                    if (best == y) {
                        correct++;
                    }
                    if (wantDelta) {
                        for (int k = 0; k < units; k++) {
                            double p = Math.exp(logits[k * CHUNK + i] - lse);
                            delta[k * CHUNK + i] = scale * (p - (k == y ? 1 : 0));
                        }
                    }
                }
                break;
            case LINEAR:
                for (int i = 0; i < m; i++) {
                    double y = ex.y[idx == null ? c + i : idx[c + i]];
                    double e2 = 0;
                    if (units == 1) {
                        double d = logits[i] - y;
                        e2 = d * d;
                        if (wantDelta) {
                            delta[i] = scale * 2 * d;
                        }
                        if (ex.classes > 0 && (logits[i] > 0.5 ? 1 : 0) == y) {
                            correct++;
                        }
                    } else {
                        int best = 0;
                        for (int k = 0; k < units; k++) {
                            double v = logits[k * CHUNK + i];
                            double d = v - (k == y ? 1 : 0);
                            e2 += d * d;
                            if (v > logits[best * CHUNK + i]) {
                                best = k;
                            }
                            if (wantDelta) {
                                delta[k * CHUNK + i] = scale * 2 * d / units;
                            }
                        }
                        e2 /= units;
                        if (best == y) {
                            correct++;
                        }
                    }
                    sum += e2;
                }
                break;
            default:
                throw new AssertionError(output);
        }
        return sum;
    }

    private void backward(double[] theta, int m, double[] grad) {
        double[] d = delta, dPrev = deltaPrev;
        for (int l = layers - 1; l >= 0; l--) {
            double[] src = a[l];
            int nIn = in[l], nOut = out[l], w = wOff[l];
            if (bOff[l] >= 0) {
                for (int j = 0; j < nOut; j++) {
                    grad[bOff[l] + j] += sum(d, j * CHUNK, m);
                }
            }
            weightGradient(d, src, nOut, nIn, m, grad, w);
            if (l == 0) {
                break;
            }
            // δ_{l−1}[k] = Σ_j W[j][k]·δ_l[j], row k built in one pass per j (the first j initializes it).
            if (nOut >= STRIP_FROM) {
                transposedStrips(theta, w, d, nIn, nOut, m, dPrev);
            } else {
                for (int k = 0; k < nIn; k++) {
                    int col = k * CHUNK;
                    double w0 = theta[w + k];
                    for (int i = 0; i < m; i++) {
                        dPrev[col + i] = w0 * d[i];
                    }
                    for (int j = 1; j < nOut; j++) {
                        double wjk = theta[w + j * nIn + k];
                        int row = j * CHUNK;
                        for (int i = 0; i < m; i++) {
                            dPrev[col + i] += wjk * d[row + i];
                        }
                    }
                }
            }
            if (mixture != null) {
                for (int k = 0; k < nIn; k++) {
                    mixture.backward(l - 1, z[l - 1], dPrev, k * CHUNK, k * CHUNK + m);
                }
            } else {
                for (int k = 0; k < nIn; k++) {
                    act.backward(z[l - 1], src, dPrev, k * CHUNK, k * CHUNK + m);
                }
            }
            double[] t = d;
            d = dPrev;
            dPrev = t;
        }
    }

    /**
     * dPrev[k] = W[0][k]·d[0] + W[1][k]·d[1] + … (units in order) for every input k over the chunk, four
     * examples at a time with the sums in registers (see {@link #affineStrips}): bit for bit the
     * one-pass-per-unit loop of {@link #backward}.
     */
    private static void transposedStrips(double[] theta, int w, double[] d, int nIn, int nOut, int m, double[] dPrev) {
        for (int k = 0; k < nIn; k++) {
            int col = k * CHUNK;
            double w0 = theta[w + k];
            int i = 0;
            for (; i + 3 < m; i += 4) {
                double s0 = w0 * d[i], s1 = w0 * d[i + 1], s2 = w0 * d[i + 2], s3 = w0 * d[i + 3];
                for (int j = 1; j < nOut; j++) {
                    double wjk = theta[w + j * nIn + k];
                    int r = j * CHUNK + i;
                    s0 += wjk * d[r];
                    s1 += wjk * d[r + 1];
                    s2 += wjk * d[r + 2];
                    s3 += wjk * d[r + 3];
                }
                dPrev[col + i] = s0;
                dPrev[col + i + 1] = s1;
                dPrev[col + i + 2] = s2;
                dPrev[col + i + 3] = s3;
            }
            for (; i < m; i++) {
                double s = w0 * d[i];
                for (int j = 1; j < nOut; j++) {
                    s += theta[w + j * nIn + k] * d[j * CHUNK + i];
                }
                dPrev[col + i] = s;
            }
        }
    }

    /**
     * ∂ℓ/∂W[j][k] += Σ_i δ[j][i]·a[k][i]. Four units j at a time share each load of a[k][i] and keep
     * four independent sums, so the loop is bound by multiply-adds rather than loads or latency; two
     * inputs k at a time make that eight sums, enough to cover the latency of an addition, each sum
     * still taken over i in order.
     */
    private static void weightGradient(double[] d, double[] src, int nOut, int nIn, int m, double[] grad, int w) {
        int j = 0;
        for (; j + 3 < nOut; j += 4) {
            int r0 = j * CHUNK, r1 = r0 + CHUNK, r2 = r1 + CHUNK, r3 = r2 + CHUNK;
            int k = 0;
            for (; k + 1 < nIn; k += 2) {
                int c0 = k * CHUNK, c1 = c0 + CHUNK;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
                for (int i = 0; i < m; i++) {
                    double u = src[c0 + i], v = src[c1 + i];
                    double d0 = d[r0 + i], d1 = d[r1 + i], d2 = d[r2 + i], d3 = d[r3 + i];
                    s0 += d0 * u;
                    s1 += d1 * u;
                    s2 += d2 * u;
                    s3 += d3 * u;
                    t0 += d0 * v;
                    t1 += d1 * v;
                    t2 += d2 * v;
                    t3 += d3 * v;
                }
                grad[w + j * nIn + k] += s0;
                grad[w + (j + 1) * nIn + k] += s1;
                grad[w + (j + 2) * nIn + k] += s2;
                grad[w + (j + 3) * nIn + k] += s3;
                grad[w + j * nIn + k + 1] += t0;
                grad[w + (j + 1) * nIn + k + 1] += t1;
                grad[w + (j + 2) * nIn + k + 1] += t2;
                grad[w + (j + 3) * nIn + k + 1] += t3;
            }
            for (; k < nIn; k++) {
                int col = k * CHUNK;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int i = 0; i < m; i++) {
                    double v = src[col + i];
                    s0 += d[r0 + i] * v;
                    s1 += d[r1 + i] * v;
                    s2 += d[r2 + i] * v;
                    s3 += d[r3 + i] * v;
                }
                grad[w + j * nIn + k] += s0;
                grad[w + (j + 1) * nIn + k] += s1;
                grad[w + (j + 2) * nIn + k] += s2;
                grad[w + (j + 3) * nIn + k] += s3;
            }
        }
        for (; j < nOut; j++) {
            for (int k = 0; k < nIn; k++) {
                grad[w + j * nIn + k] += dot(d, j * CHUNK, src, k * CHUNK, m);
            }
        }
    }

    /** Σ a[ao+i]·b[bo+i], four partial sums so the additions pipeline. */
    private static double dot(double[] a, int ao, double[] b, int bo, int m) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < m; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < m; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double sum(double[] a, int ao, int m) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < m; i += 4) {
            s0 += a[ao + i];
            s1 += a[ao + i + 1];
            s2 += a[ao + i + 2];
            s3 += a[ao + i + 3];
        }
        for (; i < m; i++) {
            s0 += a[ao + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The network's output at n points, for decision boundaries and regression curves:
     * {@code out[c·n + i]} is, for point i, P(class 1) with a sigmoid output, P(class c) with
     * softmax, and output unit c's value with a linear output.
     *
     * @param theta weights. Not modified.
     * @param x1    first coordinates. Not modified.
     * @param x2    second coordinates. Not modified.
     * @param out   length ≥ outputs·n. Modified.
     */
    @Override
    public void predict(double[] theta, int n, double[] x1, double[] x2, double[] out) {
        int units = this.out[layers - 1];
        double[] logits = z[layers - 1];
        double[] a0 = a[0];
        int nf = arch.features().size();
        for (int c = 0; c < n; c += CHUNK) {
            int m = Math.min(CHUNK, n - c);
            for (int f = 0; f < nf; f++) {
                Feature feature = arch.features().get(f);
                for (int i = 0; i < m; i++) {
                    a0[f * CHUNK + i] = feature.of(x1[c + i], x2[c + i]);
                }
            }
            forward(theta, m);
            for (int i = 0; i < m; i++) {
                switch (output) {
                    case SIGMOID:
                        out[c + i] = MlpMath.sigmoid(logits[i]);
                        break;
                    case SOFTMAX: {
                        double max = maxLogit(logits, units, i);
                        double s = expSum(logits, units, i, max);
                        for (int k = 0; k < units; k++) {
                            out[k * n + c + i] = Math.exp(logits[k * CHUNK + i] - max) / s;
                        }
                        break;
                    }
                    case LINEAR:
                        for (int k = 0; k < units; k++) {
                            out[k * n + c + i] = logits[k * CHUNK + i];
                        }
                        break;
                    default:
                        throw new AssertionError(output);
                }
            }
        }
    }

    /**
     * The activations of every unit for one point (for drawing the network): {@code result[l][j]}
     * is unit j of layer l, layer 0 being the input features and the last the output logits.
     * Allocates; meant for hover cards, not loops.
     */
    public double[][] activations(double[] theta, double x1, double x2) {
        predict(theta, 1, new double[] {x1}, new double[] {x2}, new double[arch.outputs()]);
        double[][] r = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            int width = l == 0 ? arch.features().size() : out[l - 1];
            r[l] = new double[width];
            for (int j = 0; j < width; j++) {
                r[l][j] = a[l][j * CHUNK];
            }
        }
        return r;
    }
}
