package org.losslab.engine.mlp;

import java.util.SplittableRandom;

/**
 * The forward and backward passes of an MLP whose hidden layers are {@link HiddenBlock}s other
 * than the plain one: for hidden layer l,
 * <pre>
 *   z_l = W_l·a_{l−1} + b_l,   u_l = N_l(z_l) (batch or layer normalization, or u_l = z_l),
 *   s_l = σ(u_l),   a_l = m_l ⊙ s_l (inverted dropout in training, a_l = s_l in evaluation)
 * </pre>
 * and the output layer z_L = W_L·a_{L−1} + b_L with its loss as {@link Network}'s ({@link Output}).
 * Backwards, δ flows through each piece in reverse: the mask (see {@link Dropout}), σ′(u_l), the
 * normalization's Jacobian ({@link BatchNorm}, {@link LayerNorm}, which also give ∂ℓ/∂γ, ∂ℓ/∂β),
 * then W_lᵀ as in the plain network.
 *
 * <p>Like {@code torch.nn.Module} the network is in training or evaluation mode ({@link #train}).
 * In training mode a pass sees its whole batch at once (batch statistics couple the examples); the
 * first training pass after {@link #beginUpdate()} draws the dropout masks and folds the batch into
 * the running statistics, and later passes of the same update (SAM's second gradient, a line
 * search, Newton's finite differences) reuse the masks and leave the statistics alone. In
 * evaluation mode (running statistics, no dropout) examples are independent and go through in
 * chunks. Predictions are always in evaluation mode; {@link #sample} is one MC-dropout pass.
 *
 * <p>Activations are unit-major with a stride that grows to the largest training batch the first
 * time it is seen; no pass allocates after that. A network object is a workspace for one thread.
 */
public final class BlockNetwork implements NetworkPasses {
    private final Architecture arch;
    private final int layers;
    private final int[] in, out, wOff, bOff, nOff;
    private final Activation act;
    private final Output output;
    private final BatchNorm[] bn;
    private final LayerNorm[] ln;
    private final Dropout[] drop;
    private SplittableRandom rng;

    private int stride;
    /** Per layer: pre-normalization z (z[L−1] the logits); per hidden layer: u, s = σ(u), a = dropout(s). */
    private double[][] z, u, s, a;
    /** What the current pass feeds to each layer: a[0], then a[l] or s[l−1] (no mask this pass). */
    private final double[][] input;
    private double[] delta, deltaPrev;
    private boolean training, fresh, masked;
    private int correct;

    /**
     * @param arch        a network with a non-plain (or plain) hidden block
     * @param dropoutSeed seed of the dropout masks' stream
     */
    public BlockNetwork(Architecture arch, long dropoutSeed) {
        this.arch = arch;
        layers = arch.layerCount();
        int hidden = layers - 1;
        in = new int[layers];
        out = new int[layers];
        wOff = new int[layers];
        bOff = new int[layers];
        nOff = new int[hidden];
        for (int l = 0; l < layers; l++) {
            in[l] = arch.inputsOf(l);
            out[l] = arch.unitsOf(l);
            wOff[l] = arch.weightOffset(l);
            bOff[l] = arch.biasOffset(l);
        }
        HiddenBlock block = arch.block();
        bn = block.normalization() == Normalization.BATCH ? new BatchNorm[hidden] : null;
        ln = block.normalization() == Normalization.LAYER ? new LayerNorm[hidden] : null;
        drop = block.dropout() > 0 ? new Dropout[hidden] : null;
        for (int l = 0; l < hidden; l++) {
            nOff[l] = arch.normOffset(l);
            if (bn != null) {
                bn[l] = new BatchNorm(out[l]);
            }
            if (ln != null) {
                ln[l] = new LayerNorm(out[l]);
            }
            if (drop != null) {
                drop[l] = new Dropout(out[l], block.dropout());
            }
        }
        act = arch.activation();
        output = arch.output();
        input = new double[layers][];
        rng = new SplittableRandom(dropoutSeed);
        allocate(Network.CHUNK);
    }

    private void allocate(int newStride) {
        stride = newStride;
        z = new double[layers][];
        u = new double[layers][];
        s = new double[layers][];
        a = new double[layers][];
        a[0] = new double[arch.features().size() * stride];
        for (int l = 0; l < layers; l++) {
            z[l] = new double[out[l] * stride];
            if (l < layers - 1) {
                u[l] = bn != null || ln != null ? new double[out[l] * stride] : z[l];
                s[l] = new double[out[l] * stride];
                a[l + 1] = drop != null ? new double[out[l] * stride] : s[l];
            }
        }
        delta = new double[arch.maxWidth() * stride];
        deltaPrev = new double[arch.maxWidth() * stride];
    }

    @Override
    public Architecture architecture() {
        return arch;
    }

    /** torch's {@code model.train(on)}: training mode (batch statistics, dropout) or evaluation mode. */
    public void train(boolean on) {
        training = on;
    }

    public boolean training() {
        return training;
    }

    /** The next training pass starts an update: it draws new masks and updates the running statistics. */
    public void beginUpdate() {
        fresh = true;
    }

    /** Running statistics back to mean 0, variance 1, and the dropout stream restarted from {@code seed}. */
    public void reset(long dropoutSeed) {
        if (bn != null) {
            for (BatchNorm b : bn) {
                b.reset();
            }
        }
        rng = new SplittableRandom(dropoutSeed);
        fresh = false;
        masked = false;
    }

    /** Numbers of running statistics: a mean and a variance per unit of each batch-normalized layer. */
    public int runningStatisticsCount() {
        int n = 0;
        if (bn != null) {
            for (int l = 0; l < layers - 1; l++) {
                n += 2 * out[l];
            }
        }
        return n;
    }

    /**
     * The running statistics, layer by layer its running means then its running variances (torch's
     * {@code running_mean}, {@code running_var} buffers in {@code state_dict} order).
     *
     * @param dst length ≥ {@link #runningStatisticsCount()}. Modified.
     */
    public void runningStatistics(double[] dst) {
        int k = 0;
        if (bn != null) {
            for (BatchNorm b : bn) {
                System.arraycopy(b.runningMean, 0, dst, k, b.runningMean.length);
                k += b.runningMean.length;
                System.arraycopy(b.runningVar, 0, dst, k, b.runningVar.length);
                k += b.runningVar.length;
            }
        }
    }

    /** Sets the running statistics from the layout of {@link #runningStatistics}. Not modified. */
    public void setRunningStatistics(double[] src) {
        int k = 0;
        if (bn != null) {
            for (BatchNorm b : bn) {
                System.arraycopy(src, k, b.runningMean, 0, b.runningMean.length);
                k += b.runningMean.length;
                System.arraycopy(src, k, b.runningVar, 0, b.runningVar.length);
                k += b.runningVar.length;
            }
        }
    }

    @Override
    public double evaluate(double[] theta, Examples ex, int[] idx, int from, int to, double[] grad) {
        int total = to - from;
        if (grad != null) {
            java.util.Arrays.fill(grad, 0.0);
        }
        correct = 0;
        if (total == 0) {
            return Double.NaN;
        }
        double scale = 1.0 / total, loss = 0;
        if (training) {
            if (total > stride) {
                allocate(total);
            }
            boolean first = fresh;
            fresh = false;
            gather(ex, idx, from, total);
            if (drop != null && first) {
                for (Dropout d : drop) {
                    d.draw(rng, stride, total);
                }
            }
            forward(theta, total, true, drop != null, first);
            loss = lossAndDelta(ex, idx, from, total, scale, grad != null);
            if (grad != null) {
                backward(theta, total, grad);
            }
        } else {
            for (int c = from; c < to; c += stride) {
                int m = Math.min(stride, to - c);
                gather(ex, idx, c, m);
                forward(theta, m, false, false, false);
                loss += lossAndDelta(ex, idx, c, m, scale, grad != null);
                if (grad != null) {
                    backward(theta, m, grad);
                }
            }
        }
        return loss / total;
    }

    @Override
    public int correct() {
        return correct;
    }

    private void gather(Examples ex, int[] idx, int c, int m) {
        double[] a0 = a[0];
        int n = ex.n;
        for (int f = 0; f < ex.features; f++) {
            int base = f * n, row = f * stride;
            if (idx == null) {
                System.arraycopy(ex.x, base + c, a0, row, m);
            } else {
                for (int i = 0; i < m; i++) {
                    a0[row + i] = ex.x[base + idx[c + i]];
                }
            }
        }
    }

    /**
     * @param batchStats normalize by the batch's statistics (training mode), else the running ones
     * @param dropout    apply the current masks
     * @param update     fold the batch statistics into the running ones
     */
    private void forward(double[] theta, int m, boolean batchStats, boolean dropout, boolean update) {
        masked = dropout;
        input[0] = a[0];
        for (int l = 0; l < layers; l++) {
            affine(theta, wOff[l], bOff[l], input[l], in[l], out[l], m, z[l]);
            if (l == layers - 1) {
                break;
            }
            if (bn != null) {
                bn[l].forward(z[l], u[l], stride, m, theta, nOff[l], batchStats, update);
            } else if (ln != null) {
                ln[l].forward(z[l], u[l], stride, m, theta, nOff[l]);
            }
            for (int j = 0; j < out[l]; j++) {
                act.forward(u[l], s[l], j * stride, j * stride + m);
            }
            if (dropout) {
                drop[l].apply(s[l], a[l + 1], stride, m);
                input[l + 1] = a[l + 1];
            } else {
                input[l + 1] = s[l];
            }
        }
    }

    /** dst[j] = b[j] + Σ_k W[j][k]·src[k] over the m examples (no bias when b &lt; 0). */
    private void affine(double[] p, int w, int b, double[] src, int nIn, int nOut, int m, double[] dst) {
        for (int j = 0; j < nOut; j++) {
            int row = j * stride;
            double bj = b >= 0 ? p[b + j] : 0.0;
            for (int i = 0; i < m; i++) {
                dst[row + i] = bj;
            }
            for (int k = 0; k < nIn; k++) {
                double wjk = p[w + j * nIn + k];
                int col = k * stride;
                for (int i = 0; i < m; i++) {
                    dst[row + i] += wjk * src[col + i];
                }
            }
        }
    }

    private void backward(double[] theta, int m, double[] grad) {
        double[] d = delta, dPrev = deltaPrev;
        for (int l = layers - 1; l >= 0; l--) {
            double[] src = input[l];
            int nIn = in[l], nOut = out[l], w = wOff[l];
            for (int j = 0; j < nOut; j++) {
                int row = j * stride;
                double sb = 0;
                for (int i = 0; i < m; i++) {
                    sb += d[row + i];
                }
                if (bOff[l] >= 0) {
                    grad[bOff[l] + j] += sb;
                }
                for (int k = 0; k < nIn; k++) {
                    int col = k * stride;
                    double sw = 0;
                    for (int i = 0; i < m; i++) {
                        sw += d[row + i] * src[col + i];
                    }
                    grad[w + j * nIn + k] += sw;
                }
            }
            if (l == 0) {
                break;
            }
            for (int k = 0; k < nIn; k++) {
                int col = k * stride;
                for (int i = 0; i < m; i++) {
                    dPrev[col + i] = 0;
                }
                for (int j = 0; j < nOut; j++) {
                    double wjk = theta[w + j * nIn + k];
                    int row = j * stride;
                    for (int i = 0; i < m; i++) {
                        dPrev[col + i] += wjk * d[row + i];
                    }
                }
            }
            int h = l - 1;
            if (masked) {
                drop[h].backward(dPrev, stride, m);
            }
            for (int k = 0; k < nIn; k++) {
                act.backward(u[h], s[h], dPrev, k * stride, k * stride + m);
            }
            if (bn != null) {
                bn[h].backward(dPrev, stride, m, theta, nOff[h], training, grad);
            } else if (ln != null) {
                ln[h].backward(dPrev, stride, m, theta, nOff[h], grad);
            }
            double[] t = d;
            d = dPrev;
            dPrev = t;
        }
    }

    /** As {@link Network}'s: sums the chunk's loss, counts correct predictions, sets δ_L = scale·∂ℓ/∂z. */
    private double lossAndDelta(Examples ex, int[] idx, int c, int m, double scale, boolean wantDelta) {
        double[] logits = z[layers - 1];
        int units = out[layers - 1];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double y = ex.y[idx == null ? c + i : idx[c + i]];
            switch (output) {
                case SIGMOID: {
                    double v = logits[i];
                    sum += Math.max(v, 0) - v * y + Math.log1p(Math.exp(-Math.abs(v)));
                    if ((v > 0 ? 1 : 0) == y) {
                        correct++;
                    }
                    if (wantDelta) {
                        delta[i] = scale * (MlpMath.sigmoid(v) - y);
                    }
                    break;
                }
                case SOFTMAX: {
                    int label = (int) y, best = 0;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < units; k++) {
                        if (logits[k * stride + i] > max) {
                            max = logits[k * stride + i];
                            best = k;
                        }
                    }
                    double e = 0;
                    for (int k = 0; k < units; k++) {
                        e += Math.exp(logits[k * stride + i] - max);
                    }
                    double lse = max + Math.log(e);
                    sum += lse - logits[label * stride + i];
                    if (best == label) {
                        correct++;
                    }
                    if (wantDelta) {
                        for (int k = 0; k < units; k++) {
                            delta[k * stride + i] = scale * (Math.exp(logits[k * stride + i] - lse) - (k == label ? 1 : 0));
                        }
                    }
                    break;
                }
                case LINEAR: {
                    if (units == 1) {
                        double d = logits[i] - y;
                        sum += d * d;
                        if (wantDelta) {
                            delta[i] = scale * 2 * d;
                        }
                        if (ex.classes > 0 && (logits[i] > 0.5 ? 1 : 0) == y) {
                            correct++;
                        }
                    } else {
                        int best = 0;
                        double e2 = 0;
                        for (int k = 0; k < units; k++) {
                            double v = logits[k * stride + i], d = v - (k == (int) y ? 1 : 0);
                            e2 += d * d;
                            if (v > logits[best * stride + i]) {
                                best = k;
                            }
                            if (wantDelta) {
                                delta[k * stride + i] = scale * 2 * d / units;
                            }
                        }
                        sum += e2 / units;
                        if (best == (int) y) {
                            correct++;
                        }
                    }
                    break;
                }
                default:
                    throw new AssertionError(output);
            }
        }
        return sum;
    }

    /** The outputs at n points in evaluation mode (running statistics, no dropout), as {@link Network#predict}. */
    @Override
    public void predict(double[] theta, int n, double[] x1, double[] x2, double[] out) {
        predict(theta, n, x1, x2, out, null);
    }

    /**
     * One MC-dropout pass: the outputs at n points with fresh dropout masks drawn from {@code mc}
     * (normalization in evaluation mode), laid out as {@link #predict}.
     */
    public void sample(double[] theta, int n, double[] x1, double[] x2, double[] out, SplittableRandom mc) {
        predict(theta, n, x1, x2, out, java.util.Objects.requireNonNull(mc));
    }

    private void predict(double[] theta, int n, double[] x1, double[] x2, double[] res, SplittableRandom mc) {
        int units = out[layers - 1];
        double[] logits = z[layers - 1];
        int nf = arch.features().size();
        boolean dropout = mc != null && drop != null;
        for (int c = 0; c < n; c += stride) {
            int m = Math.min(stride, n - c);
            for (int f = 0; f < nf; f++) {
                Feature feature = arch.features().get(f);
                for (int i = 0; i < m; i++) {
                    a[0][f * stride + i] = feature.of(x1[c + i], x2[c + i]);
                }
            }
            if (dropout) {
                for (Dropout d : drop) {
                    d.draw(mc, stride, m);
                }
            }
            forward(theta, m, false, dropout, false);
            for (int i = 0; i < m; i++) {
                switch (output) {
                    case SIGMOID:
                        res[c + i] = MlpMath.sigmoid(logits[i]);
                        break;
                    case SOFTMAX: {
                        double max = Double.NEGATIVE_INFINITY, e = 0;
                        for (int k = 0; k < units; k++) {
                            max = Math.max(max, logits[k * stride + i]);
                        }
                        for (int k = 0; k < units; k++) {
                            e += Math.exp(logits[k * stride + i] - max);
                        }
                        for (int k = 0; k < units; k++) {
                            res[k * n + c + i] = Math.exp(logits[k * stride + i] - max) / e;
                        }
                        break;
                    }
                    case LINEAR:
                        for (int k = 0; k < units; k++) {
                            res[k * n + c + i] = logits[k * stride + i];
                        }
                        break;
                    default:
                        throw new AssertionError(output);
                }
            }
        }
        // A prediction leaves no masks for a training pass to reuse.
        masked = false;
    }
}
