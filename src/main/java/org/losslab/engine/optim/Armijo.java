package org.losslab.engine.optim;

/**
 * Backtracking line search with the Armijo sufficient-decrease condition (L. Armijo, "Minimization
 * of functions having Lipschitz continuous first partial derivatives", Pacific J. Math. 16, 1966;
 * Nocedal &amp; Wright, Numerical Optimization, 2nd ed., Algorithm 3.1). Along the descent direction
 * −d from θ, with φ the objective and its gradient d = ∇φ(θ), it takes the first step of
 * <pre>
 *   η_k = η₀·ρᵏ,  k = 0, 1, …, K        (η₀ the scheduled rate, ρ = 1/2, K = 30)
 *   that satisfies   φ(θ − η_k·d) ≤ φ(θ) − c·η_k·‖d‖²        (c = 10⁻⁴)
 * </pre>
 * and η_K if none does, so a step is always taken and a run never stalls on a surface that lies to
 * the condition (a rounding floor, a loss that is not finite anywhere near). A trial loss that is
 * NaN or infinite fails the condition, which is what lets the search find a safe step past the
 * 2/L limit by itself. With weight decay λ the objective is φ = f + ½λ‖θ‖², the function whose
 * gradient SGD's decayed gradient d = g + λθ is.
 *
 * <p>Holds one trial point and one gradient buffer of {@code dim} numbers, allocated once.
 */
public final class Armijo {
    /** Sufficient-decrease constant c of the condition. */
    public static final double C = 1e-4;
    /** Factor ρ by which each failed trial shrinks the step. */
    public static final double SHRINK = 0.5;
    /** The most halvings K of the scheduled rate. */
    public static final int MAX_HALVINGS = 30;

    private final int dim;
    private final double[] trial;
    private final double[] gradient;

    public Armijo(int dim) {
        this.dim = dim;
        this.trial = new double[dim];
        this.gradient = new double[dim];
    }

    /**
     * The accepted step length η_k.
     *
     * @param run         which run of the batch asks (its minibatch)
     * @param objective   the loss f, evaluated at the trial points
     * @param theta       θ, length {@code dim}. Not modified.
     * @param d           the gradient of φ at θ (the decayed gradient), length {@code dim}. Not modified.
     * @param f           f(θ), the loss the gradient came with
     * @param eta0        the scheduled rate, the first trial
     * @param weightDecay λ of φ = f + ½λ‖θ‖² (0: φ = f)
     */
    public double search(int run, Objective objective, double[] theta, double[] d, double f, double eta0,
                         double weightDecay) {
        double dd = 0;
        for (int i = 0; i < dim; i++) {
            dd = Math.fma(d[i], d[i], dd);
        }
        double phi = weightDecay != 0 ? f + 0.5 * weightDecay * squaredNorm(theta) : f;
        double eta = eta0;
        for (int k = 0; k < MAX_HALVINGS; k++) {
            if (phiAt(run, objective, theta, d, eta, weightDecay) <= phi - C * eta * dd) {
                return eta;
            }
            eta *= SHRINK;
        }
        return eta;
    }

    /** φ(θ − η·d), the trial point formed as the update will form it. */
    private double phiAt(int run, Objective objective, double[] theta, double[] d, double eta, double weightDecay) {
        for (int i = 0; i < dim; i++) {
            trial[i] = Math.fma(-eta, d[i], theta[i]);
        }
        double value = objective.valueAndGradient(run, trial, gradient);
        return weightDecay != 0 ? value + 0.5 * weightDecay * squaredNorm(trial) : value;
    }

    private double squaredNorm(double[] v) {
        double s = 0;
        for (int i = 0; i < dim; i++) {
            s = Math.fma(v[i], v[i], s);
        }
        return s;
    }
}
