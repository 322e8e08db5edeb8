package org.losslab.engine.optim;

/**
 * An optimizer stepping one or many runs over a flat parameter vector.
 *
 * <p>Layout (structure of arrays): a batch holds up to {@code stride} runs of {@code dim}
 * coordinates each; coordinate {@code c} of run {@code r} is {@code theta[c * stride + r]}. A single
 * 2-D run or an MLP is the case {@code stride = 1}; a sweep row steps hundreds of runs through the
 * same loops. Hyperparameters are per run, so a grid over learning rate and momentum is one batch.
 *
 * <p>Every update rule follows the torch.optim class of the same name (PyTorch 1.13 semantics,
 * single-tensor path) including its defaults and its order of operations; each subclass states its
 * equations. State is allocated once at construction: {@link #step} allocates nothing.
 */
public abstract class Optimizer {
    /** Coordinates per run. */
    protected final int dim;
    /** Run capacity of the batch, the distance between consecutive coordinates of one run. */
    protected final int stride;
    /** Updates taken so far (torch's {@code state['step']}); shared by every run of the batch. */
    protected long steps;

    protected Optimizer(int dim, int stride) {
        if (dim < 1 || stride < 1) {
            throw new IllegalArgumentException("dim and stride must be positive: " + dim + ", " + stride);
        }
        this.dim = dim;
        this.stride = stride;
    }

    public final int dim() {
        return dim;
    }

    public final int stride() {
        return stride;
    }

    /** Updates taken since construction or the last {@link #reset()}. */
    public final long steps() {
        return steps;
    }

    /**
     * One update of runs {@code 0 <= r < n}.
     *
     * @param theta     parameters, updated in place. Modified.
     * @param grad      the gradient at {@code theta} (after SAM and clipping). Not modified.
     * @param loss      the loss at {@code theta} per run, {@code loss[r]} (L-BFGS reads it). Not modified.
     * @param lr        this update's learning rate per run, {@code lr[r]}. Not modified.
     * @param objective the loss itself, for methods that need more than the gradient.
     */
    public abstract void step(int n, double[] theta, double[] grad, double[] loss, double[] lr, Objective objective);

    /** Moves run {@code from}'s hyperparameters and state to slot {@code to} (compaction of a batch). */
    public abstract void moveRun(int from, int to);

    /** Forgets all state, as a freshly constructed optimizer. */
    public abstract void reset();

    /** Does this method use {@link Objective#hessian}? */
    public boolean needsHessian() {
        return false;
    }

    /** Copies coordinate block {@code c} of run {@code from} to run {@code to} in a per-run state array. */
    protected final void moveState(double[] state, int from, int to) {
        for (int c = 0; c < dim; c++) {
            state[c * stride + to] = state[c * stride + from];
        }
    }
}
