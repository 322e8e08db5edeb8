package org.losslab.engine.mlp;

/**
 * The passes a {@link Trainer} asks of its network: the mean loss and gradient over a batch, the
 * count of correct predictions of that pass, and predictions. {@link Network} (the plain MLP) and
 * {@link BlockNetwork} (normalization, dropout) implement it.
 */
interface NetworkPasses extends Predictor {
    /**
     * The mean loss over examples {@code idx[from..to)} of {@code ex} (all of them when {@code idx}
     * is null: {@code from..to} are then example numbers), and its gradient.
     *
     * @param theta weights. Not modified.
     * @param grad  the gradient, or null for the loss alone. Modified (overwritten).
     * @return the mean loss (NaN for an empty batch)
     */
    double evaluate(double[] theta, Examples ex, int[] idx, int from, int to, double[] grad);

    /** Examples classified correctly by the last {@link #evaluate} (0 for regression). */
    int correct();
}
