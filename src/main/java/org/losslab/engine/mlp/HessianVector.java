package org.losslab.engine.mlp;

/**
 * Exact Hessian-vector products of a network's mean loss over a dataset: H(θ)·v with H the Hessian
 * of L(θ) = (1/n)·Σᵢ ℓ(f(xᵢ; θ), yᵢ) with respect to every weight, by Pearlmutter's R-operator
 * through the forward and the backward pass (Pearlmutter 1994, "Fast exact multiplication by the
 * Hessian"; the equations are in {@link Network}'s class comment). One product costs about two
 * gradient evaluations and needs no finite differences, so it is exact to rounding: the same value
 * as autograd's double backward, {@code torch.autograd.functional.hvp}.
 *
 * <p>A workspace for one thread; no product allocates.
 */
public final class HessianVector {
    private final Network net;
    private final Examples examples;
    private final double[] grad;

    /** Products of the mean loss over every point of {@code data}. */
    public HessianVector(Architecture arch, Dataset data) {
        this(new Network(arch), new Examples(arch, data));
    }

    HessianVector(Network net, Examples examples) {
        this.net = net;
        this.examples = examples;
        this.grad = new double[net.architecture().parameterCount()];
    }

    /** The number of weights, the length of θ, v and H·v. */
    public int dimension() {
        return grad.length;
    }

    public Architecture architecture() {
        return net.architecture();
    }

    /**
     * H(θ)·v.
     *
     * @param theta the weights. Not modified.
     * @param v     the direction. Not modified.
     * @param hv    H·v. Modified.
     * @return the loss L(θ)
     */
    public double product(double[] theta, double[] v, double[] hv) {
        return product(theta, v, grad, hv);
    }

    /**
     * H(θ)·v and the gradient ∇L(θ) of the same pass.
     *
     * @param grad ∇L(θ). Modified.
     * @param hv   H·v. Modified.
     * @return the loss L(θ)
     */
    public double product(double[] theta, double[] v, double[] grad, double[] hv) {
        check(theta, v, grad, hv);
        return net.hessianVector(theta, v, examples, null, 0, examples.n, grad, hv);
    }

    /** The loss L(θ) and its gradient (backpropagation alone). Modified: {@code grad}. */
    public double gradient(double[] theta, double[] grad) {
        check(theta, grad, grad, grad);
        return net.evaluate(theta, examples, null, 0, examples.n, grad);
    }

    private void check(double[] theta, double[] v, double[] grad, double[] hv) {
        int p = dimension();
        if (theta.length != p || v.length != p || grad.length != p || hv.length != p) {
            throw new IllegalArgumentException("θ, v, ∇L and H·v need " + p + " entries each");
        }
    }
}
