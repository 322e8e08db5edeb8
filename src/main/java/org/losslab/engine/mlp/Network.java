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
 * <p>Examples go through in chunks of {@link #CHUNK}; every activation is stored unit-major,
 * unit j of example i at {@code [j·CHUNK + i]}, so each inner loop is a run over consecutive
 * examples (an axpy or a dot product) that the JIT vectorizes. All buffers are allocated in the
 * constructor; no pass allocates. A network object is a workspace for one thread.
 */
public final class Network {
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
    private int correct;

    public Network(Architecture arch) {
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
        act = arch.activation();
        output = arch.output();
    }

    public Architecture architecture() {
        return arch;
    }

    /**
     * The mean loss over examples {@code idx[from..to)} of {@code ex} (all of them when {@code idx}
     * is null: {@code from..to} are then example numbers), and its gradient.
     *
     * @param theta weights. Not modified.
     * @param grad  the gradient, or null for the loss alone. Modified (overwritten).
     * @return the mean loss (NaN for an empty batch)
     */
    double evaluate(double[] theta, Examples ex, int[] idx, int from, int to, double[] grad) {
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

    /** Examples classified correctly by the last {@link #evaluate} (0 for regression). */
    int correct() {
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
            double[] src = a[l], dst = z[l];
            int nIn = in[l], w = wOff[l];
            for (int j = 0; j < out[l]; j++) {
                int row = j * CHUNK;
                double b = bOff[l] >= 0 ? theta[bOff[l] + j] : 0.0;
                for (int i = 0; i < m; i++) {
                    dst[row + i] = b;
                }
                for (int k = 0; k < nIn; k++) {
                    double wjk = theta[w + j * nIn + k];
                    int col = k * CHUNK;
                    for (int i = 0; i < m; i++) {
                        dst[row + i] += wjk * src[col + i];
                    }
                }
            }
            if (l < layers - 1) {
                for (int j = 0; j < out[l]; j++) {
                    act.forward(dst, a[l + 1], j * CHUNK, j * CHUNK + m);
                }
            }
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
            for (int k = 0; k < nIn; k++) {
                act.backward(z[l - 1], src, dPrev, k * CHUNK, k * CHUNK + m);
            }
            double[] t = d;
            d = dPrev;
            dPrev = t;
        }
    }

    /**
     * ∂ℓ/∂W[j][k] += Σ_i δ[j][i]·a[k][i]. Four units j at a time share each load of a[k][i] and keep
     * four independent sums, so the loop is bound by multiply-adds rather than loads or latency.
     */
    private static void weightGradient(double[] d, double[] src, int nOut, int nIn, int m, double[] grad, int w) {
        int j = 0;
        for (; j + 3 < nOut; j += 4) {
            int r0 = j * CHUNK, r1 = r0 + CHUNK, r2 = r1 + CHUNK, r3 = r2 + CHUNK;
            for (int k = 0; k < nIn; k++) {
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
                        double max = Double.NEGATIVE_INFINITY;
                        for (int k = 0; k < units; k++) {
                            max = Math.max(max, logits[k * CHUNK + i]);
                        }
                        double s = 0;
                        for (int k = 0; k < units; k++) {
                            s += Math.exp(logits[k * CHUNK + i] - max);
                        }
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
