package org.losslab.engine.mlp;

import java.util.Objects;

/**
 * What each hidden layer is besides its linear map and activation: Linear → normalization → σ →
 * dropout, the order of torch's {@code nn.Sequential(nn.Linear(h), nn.BatchNorm1d(h), nn.Tanh(),
 * nn.Dropout(p))}. The {@link #PLAIN} block (no normalization, no dropout) is the plain MLP that
 * {@link Network} computes; any other block is computed by {@link BlockNetwork}.
 *
 * <p>A normalization layer has a learnable scale γ and shift β per unit (torch's {@code weight}
 * and {@code bias}, starting at 1 and 0). They follow all the linear layers' weights in θ, layer by
 * layer (γ_1, β_1, γ_2, β_2, …): the {@code parameters()} order of a torch module that registers
 * its linear layers before its normalization layers.
 *
 * @param normalization the normalization of every hidden layer
 * @param dropout       the dropout rate p of every hidden layer's activations, 0 ≤ p &lt; 1
 */
public record HiddenBlock(Normalization normalization, double dropout) {
    /** The plain MLP: no normalization, no dropout. */
    public static final HiddenBlock PLAIN = new HiddenBlock(Normalization.NONE, 0);

    public HiddenBlock {
        Objects.requireNonNull(normalization);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + dropout);
        }
    }

    public boolean isPlain() {
        return normalization == Normalization.NONE && dropout == 0;
    }

    public boolean normalized() {
        return normalization != Normalization.NONE;
    }

    public HiddenBlock withNormalization(Normalization n) {
        return new HiddenBlock(n, dropout);
    }

    public HiddenBlock withDropout(double p) {
        return new HiddenBlock(normalization, p);
    }

    /** The learnable γ and β of the normalization layers of hidden layers of these widths. */
    int parameterCount(int[] hidden) {
        if (!normalized()) {
            return 0;
        }
        int n = 0;
        for (int h : hidden) {
            n += 2 * h;
        }
        return n;
    }

    /** A short description for titles, e.g. "batch norm, dropout 0.2"; "" for the plain block. */
    public String describe() {
        String n = normalized() ? normalization.id() + " norm" : "";
        String d = dropout > 0 ? "dropout " + dropout : "";
        return n.isEmpty() ? d : d.isEmpty() ? n : n + ", " + d;
    }
}
