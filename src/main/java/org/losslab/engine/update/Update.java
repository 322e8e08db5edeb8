package org.losslab.engine.update;

/**
 * The batch as the links of one update see it. Layout: coordinate c of run r is at
 * {@code [c * stride + r]} in {@link #theta} and {@link #g}; per-run values are indexed by r.
 * {@link UpdatePipeline} owns it and fills in the fields of each update before the links run.
 */
public final class Update {
    /** Coordinates per run. */
    public final int dim;
    /** Run capacity of the batch: the distance between a run's consecutive coordinates. */
    public final int stride;
    /** The gradient as the links so far have made it: step 1's g, rewritten by SAM, clipping, …. */
    public final double[] g;
    /** lr_t per run (step 4); set before the optimizer's step, read by the parameter links. */
    public final double[] lr;
    /** Active runs: slots {@code 0 <= r < n}. */
    int n;
    /** The update number t. */
    long t;
    /** θ_t; the optimizer's step turns it into θ_{t+1}, which the parameter links may rewrite. */
    double[] theta;
    /** The loss at θ_t on this update's batch, per run. */
    double[] loss;
    /** The loss of this update, for links that evaluate it elsewhere. */
    BatchLoss batch;

    Update(int dim, int stride) {
        this.dim = dim;
        this.stride = stride;
        g = new double[dim * stride];
        lr = new double[stride];
    }

    public int n() {
        return n;
    }

    public long t() {
        return t;
    }

    /** θ, modified in place by parameter links. */
    public double[] theta() {
        return theta;
    }

    /** The loss at θ_t on this update's batch. Not to be modified. */
    public double[] loss() {
        return loss;
    }

    public BatchLoss batch() {
        return batch;
    }
}
