package org.losslab.engine.mlp;

import java.util.List;

/**
 * DARTS's continuous relaxation of the choice of a hidden layer's activation (Liu, Simonyan and Yang
 * 2019, "DARTS: Differentiable architecture search", eq. 1): the layer's output is the
 * softmax(α)-weighted mix of the candidates,
 * <pre>
 *   a = Σ_k w_k·σ_k(z),   w = softmax(α_l)
 *   ∂ℓ/∂z = ∂ℓ/∂a ⊙ Σ_k w_k·σ_k′(z),   ∂ℓ/∂w_k = Σ ∂ℓ/∂a ⊙ σ_k(z)
 * </pre>
 * summed over the layer's units and the batch's examples. The mixture weights w of every hidden
 * layer sit in one array {@code w[l·K + k]} owned by the trainer (a network's workspace reads them,
 * never writes); each network has its own instance for its scratch buffers and its gradient
 * accumulator ∂ℓ/∂w. With one-hot weights the layer is exactly the chosen candidate (the retrained,
 * discrete architecture). Allocates only in the constructor.
 */
final class MixedActivation {
    /** The candidates, in the order of w's entries. */
    static final List<Activation> CANDIDATES = List.of(Activation.TANH, Activation.RELU, Activation.SIGMOID, Activation.IDENTITY);
    static final int K = 4;

    private final double[] w;
    private final double[] gw;
    private final double[] value, slope, mix;

    /**
     * @param w     mixture weights, hidden layers × {@link #K}. Read, not modified.
     * @param width the widest hidden layer
     */
    MixedActivation(double[] w, int width) {
        this.w = w;
        gw = new double[w.length];
        value = new double[width * Network.CHUNK];
        slope = new double[width * Network.CHUNK];
        mix = new double[width * Network.CHUNK];
    }

    /** a[i] = Σ_k w_k·σ_k(z[i]) for from ≤ i &lt; to, in hidden layer l. */
    void forward(int l, double[] z, double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = 0;
        }
        for (int k = 0; k < K; k++) {
            double wk = w[l * K + k];
            CANDIDATES.get(k).forward(z, value, from, to);
            for (int i = from; i < to; i++) {
                a[i] += wk * value[i];
            }
        }
    }

    /** Adds ∂ℓ/∂w of layer l from d = ∂ℓ/∂a, then d[i] *= Σ_k w_k·σ_k′(z[i]) (from ≤ i &lt; to). */
    void backward(int l, double[] z, double[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            mix[i] = 0;
        }
        for (int k = 0; k < K; k++) {
            Activation c = CANDIDATES.get(k);
            c.forward(z, value, from, to);
            double s = 0;
            for (int i = from; i < to; i++) {
                s += d[i] * value[i];
                slope[i] = 1;
            }
            gw[l * K + k] += s;
            c.backward(z, value, slope, from, to);
            double wk = w[l * K + k];
            for (int i = from; i < to; i++) {
                mix[i] += wk * slope[i];
            }
        }
        for (int i = from; i < to; i++) {
            d[i] *= mix[i];
        }
    }

    /** Clears the accumulated ∂ℓ/∂w. */
    void clearGradient() {
        java.util.Arrays.fill(gw, 0.0);
    }

    /** The accumulated ∂ℓ/∂w, hidden layers × K (not a copy). */
    double[] gradient() {
        return gw;
    }
}
