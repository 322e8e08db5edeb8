package org.losslab.engine.optim;

import java.util.List;

/**
 * A method whose update couples the coordinates of a run (L-BFGS, Newton), so it steps one run's
 * contiguous parameter vector at a time. {@link PerRun} lays a batch over such methods.
 */
interface RunOptimizer {

    /**
     * One update of a single run.
     *
     * @param theta     the run's parameters, length dim. Modified.
     * @param grad      the gradient at theta. Not modified.
     * @param loss      the loss at theta
     * @param lr        this update's learning rate
     * @param run       the run's slot in its batch, passed through to {@code objective}
     * @param objective the loss, for line searches and Hessians
     */
    void step(double[] theta, double[] grad, double loss, double lr, int run, Objective objective);

    void reset();

    /** The names of the state worth drawing (see {@link Optimizer#channels}); none by default. */
    default List<String> channels() {
        return List.of();
    }

    /** Channel k after the last update. */
    default double channel(int k) {
        return Double.NaN;
    }

    /** Does this method ask the objective for Hessians? */
    default boolean needsHessian() {
        return false;
    }
}
