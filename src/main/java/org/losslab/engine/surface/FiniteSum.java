package org.losslab.engine.surface;

/**
 * A loss that is a mean over examples, f(θ) = (1/n) Σᵢ ℓᵢ(θ), so that a run may follow the gradient
 * of a minibatch instead of the full sum (the spec's {@code batchSize}). Which examples form a
 * minibatch is the caller's business (it owns the seeded shuffle); this interface only evaluates one.
 */
public interface FiniteSum {

    /** The number of examples n. */
    int size();

    /**
     * The minibatch loss (1/|B|) Σ_{i∈B} ℓᵢ(x, y) and its gradient, for B = {idx[from], …, idx[to − 1]}.
     *
     * @param idx example indices in [0, n); an index may repeat (then it counts twice). Not modified.
     * @param from first position of the batch in {@code idx}, inclusive
     * @param to   end of the batch in {@code idx}, exclusive; must exceed {@code from}
     * @param g    ∂/∂x into {@code g[0]}, ∂/∂y into {@code g[1]}. Modified.
     * @return the minibatch loss
     */
    double batchValueAndGradient(double x, double y, int[] idx, int from, int to, double[] g);
}
