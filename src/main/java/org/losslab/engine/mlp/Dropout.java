package org.losslab.engine.mlp;

import java.util.SplittableRandom;

/**
 * Inverted dropout of one hidden layer's activations (Srivastava et al. 2014, "Dropout: a simple
 * way to prevent neural networks from overfitting"), as {@code torch.nn.Dropout(p)}: in training
 * each activation is kept with probability 1 − p and scaled by 1/(1 − p), so its expectation is
 * unchanged and evaluation needs no rescaling,
 * <pre>
 *   a_ij = s_ij·m_ij,   m_ij = 0 with probability p, else 1/(1 − p);   ∂ℓ/∂s_ij = m_ij·∂ℓ/∂a_ij
 * </pre>
 * In evaluation dropout is the identity — except for MC dropout (Gal &amp; Ghahramani 2016,
 * "Dropout as a Bayesian approximation"), which keeps drawing masks at test time and reads the
 * spread of the stochastic predictions as the network's uncertainty.
 *
 * <p>The mask is drawn from the given stream, one uniform variate per activation in unit-major
 * order; it is kept for the backward pass and for re-evaluations of the same batch (SAM's second
 * gradient, a line search), which see the same thinned network.
 */
final class Dropout {
    private final int units;
    private final double rate, keep;
    private double[] mask = new double[0];

    Dropout(int units, double rate) {
        this.units = units;
        this.rate = rate;
        this.keep = 1 / (1 - rate);
    }

    /** Draws a new mask for m examples at stride S from {@code rng}. */
    void draw(SplittableRandom rng, int stride, int m) {
        if (mask.length < units * stride) {
            mask = new double[units * stride];
        }
        for (int j = 0; j < units; j++) {
            int row = j * stride;
            for (int i = 0; i < m; i++) {
                mask[row + i] = rng.nextDouble() < rate ? 0.0 : keep;
            }
        }
    }

    /** a = s ⊙ mask (s not modified, a modified; they may be the same block). */
    void apply(double[] s, double[] a, int stride, int m) {
        for (int j = 0; j < units; j++) {
            int row = j * stride;
            for (int i = 0; i < m; i++) {
                a[row + i] = s[row + i] * mask[row + i];
            }
        }
    }

    /** ∂ℓ/∂s = mask ⊙ ∂ℓ/∂a, in place. */
    void backward(double[] d, int stride, int m) {
        apply(d, d, stride, m);
    }
}
