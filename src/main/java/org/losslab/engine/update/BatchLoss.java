package org.losslab.engine.update;

/**
 * The loss of the current update as the links may ask for it elsewhere than at θ_t: on each run's
 * own minibatch of this update, at the update's t, for a whole batch at once (SAM's probe points).
 */
public interface BatchLoss {

    /**
     * The loss and gradient of runs {@code 0 <= r < n} at points {@code p}, in the batch layout.
     *
     * @param p    one point per run, coordinate c of run r at {@code p[c * stride + r]}. Not modified.
     * @param loss the loss per run. Modified.
     * @param grad the gradient, same layout as {@code p}. Modified.
     */
    void valueAndGradient(int n, double[] p, double[] loss, double[] grad);
}
