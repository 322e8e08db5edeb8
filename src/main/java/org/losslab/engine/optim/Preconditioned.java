package org.losslab.engine.optim;

/**
 * An adaptive method that divides its step, coordinate by coordinate, by a denominator built from
 * past gradients: the diagonal preconditioner P = diag(d) of its last update. The update is then
 * gradient descent (with momentum, for Adam) on the preconditioned problem, whose curvature is
 * P^{−1/2} H P^{−1/2}; its largest eigenvalue against 2/η is the adaptive edge of stability
 * (Cohen et al., "Adaptive gradient methods at the edge of stability", 2022). Read-only.
 */
public interface Preconditioned {

    /**
     * The denominator d of coordinate {@code coord} of the run in slot {@code slot} in the last
     * update (Adam: √v̂ + ε, or √max v̂ with amsgrad; RMSprop: √v + ε, centered √(v − ḡ²) + ε;
     * Adagrad: √s + ε); NaN before the first update.
     */
    double denominator(int slot, int coord);
}
