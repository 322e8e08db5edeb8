package org.losslab.engine.mlp;

import java.util.List;
import java.util.Objects;

/**
 * The shape of a multilayer perceptron: input features, hidden widths, the hidden activation and
 * the output layer. Layer l maps its inputs a_{l−1} to z_l = W_l·a_{l−1} + b_l; hidden layers apply
 * the activation, the last layer is the output's (logits).
 *
 * <p>All weights live in one flat vector θ in torch's {@code nn.Sequential(Linear, …).parameters()}
 * order: for each layer its W (row-major, fan_out × fan_in, row j = the weights into unit j) then
 * its b. So the optimizers of the 2-D engine step a network exactly as they step a point.
 *
 * @param features the input features, in order
 * @param hidden   hidden-layer widths (may be empty: a linear or logistic model)
 * @param outputs  output units
 * @param bias     whether the layers have biases (a deep linear network usually has none)
 * @param block    normalization and dropout of every hidden layer ({@link HiddenBlock#PLAIN}: none);
 *                 the normalization layers' γ and β follow the linear layers in θ
 */
public record Architecture(List<Feature> features, int[] hidden, Activation activation, Output output, int outputs,
                           boolean bias, HiddenBlock block) {

    /** A plain MLP: no normalization, no dropout. */
    public Architecture(List<Feature> features, int[] hidden, Activation activation, Output output, int outputs,
                        boolean bias) {
        this(features, hidden, activation, output, outputs, bias, HiddenBlock.PLAIN);
    }

    public Architecture {
        Objects.requireNonNull(block);
        features = List.copyOf(features);
        hidden = hidden.clone();
        Objects.requireNonNull(activation);
        Objects.requireNonNull(output);
        if (features.isEmpty() || outputs < 1) {
            throw new IllegalArgumentException("a network needs at least one feature and one output");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden widths must be positive");
            }
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** Linear layers (hidden layers + the output layer). */
    public int layerCount() {
        return hidden.length + 1;
    }

    /** Width of the input to layer l. */
    public int inputsOf(int l) {
        return l == 0 ? features.size() : hidden[l - 1];
    }

    /** Units of layer l. */
    public int unitsOf(int l) {
        return l == hidden.length ? outputs : hidden[l];
    }

    /** Where W_l starts in θ. */
    public int weightOffset(int l) {
        int off = 0;
        for (int k = 0; k < l; k++) {
            off += unitsOf(k) * inputsOf(k) + (bias ? unitsOf(k) : 0);
        }
        return off;
    }

    /** Where b_l starts in θ, or −1 without biases. */
    public int biasOffset(int l) {
        return bias ? weightOffset(l) + unitsOf(l) * inputsOf(l) : -1;
    }

    /** Index in θ of W_l[j][k], the weight from input k of layer l to its unit j. */
    public int weightIndex(int l, int j, int k) {
        return weightOffset(l) + j * inputsOf(l) + k;
    }

    public int parameterCount() {
        return weightOffset(layerCount()) + block.parameterCount(hidden);
    }

    /** This network with other hidden blocks. */
    public Architecture withBlock(HiddenBlock b) {
        return new Architecture(features, hidden, activation, output, outputs, bias, b);
    }

    /**
     * Where the normalization scale γ of hidden layer l starts in θ (its shift β follows at
     * {@code + hidden[l]}), after every linear layer's weights; only with a normalized block.
     */
    public int normOffset(int l) {
        int off = weightOffset(layerCount());
        for (int k = 0; k < l; k++) {
            off += 2 * hidden[k];
        }
        return off;
    }

    /** The widest layer, input included. */
    public int maxWidth() {
        int m = features.size();
        for (int l = 0; l < layerCount(); l++) {
            m = Math.max(m, unitsOf(l));
        }
        return m;
    }

    /** Layer widths from input to output, e.g. [2, 16, 16, 1]. */
    public int[] widths() {
        int[] w = new int[layerCount() + 1];
        w[0] = features.size();
        for (int l = 0; l < layerCount(); l++) {
            w[l + 1] = unitsOf(l);
        }
        return w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && features.equals(a.features) && java.util.Arrays.equals(hidden, a.hidden)
                && activation == a.activation && output == a.output && outputs == a.outputs && bias == a.bias
                && block.equals(a.block);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, java.util.Arrays.hashCode(hidden), activation, output, outputs, bias, block);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int w : widths()) {
            s.append(s.length() == 0 ? "" : "-").append(w);
        }
        return s + " " + activation.id() + " " + output.id() + (bias ? "" : " no bias")
                + (block.isPlain() ? "" : ", " + block.describe());
    }
}
