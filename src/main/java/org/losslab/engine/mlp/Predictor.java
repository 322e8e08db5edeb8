package org.losslab.engine.mlp;

/**
 * Something that maps input points to a network's outputs at given weights: a {@link Network}, a
 * {@link BlockNetwork} (in evaluation mode, with its running statistics) or a {@link Trainer}'s
 * workspace. One thread at a time.
 */
public interface Predictor {
    Architecture architecture();

    /**
     * The outputs at n points as {@link Network#predict}: {@code out[c·n + i]} is P(class 1) with a
     * sigmoid output, P(class c) with softmax, output unit c's value with a linear output.
     *
     * @param theta weights. Not modified.
     * @param x1    first coordinates. Not modified.
     * @param x2    second coordinates. Not modified.
     * @param out   length ≥ outputs·n. Modified.
     */
    void predict(double[] theta, int n, double[] x1, double[] x2, double[] out);
}
