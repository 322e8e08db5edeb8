package org.losslab.engine.optim;

/**
 * What an optimizer may ask of the loss beyond the gradient it is handed: L-BFGS's line search
 * re-evaluates the loss (a torch "closure"), Newton's method needs the Hessian. Both act on one
 * run's parameter vector at the current update.
 */
public interface Objective {

    /**
     * The loss at {@code theta} and its gradient.
     *
     * @param run   which run of the batch asks (runs may see different minibatches)
     * @param theta that run's parameters, length {@code dim}. Not modified.
     * @param grad  gradient at {@code theta}. Modified.
     */
    double valueAndGradient(int run, double[] theta, double[] grad);

    /**
     * The Hessian at {@code theta}, row-major {@code dim × dim}.
     *
     * @param theta that run's parameters. Not modified.
     * @param hess  the Hessian. Modified.
     */
    void hessian(int run, double[] theta, double[] hess);
}
