package org.losslab.engine.analysis;

/**
 * What theory says about gradient descent, with and without heavy-ball momentum, on a quadratic
 * f(θ) = ½θᵀHθ whose Hessian has eigenvalues 0 &lt; λmin ≤ λmax and condition number κ = λmax/λmin.
 * torch.optim.SGD's momentum (b ← βb + g, θ ← θ − ηb) is Polyak's heavy ball
 * θ_{k+1} = θ_k − η∇f(θ_k) + β(θ_k − θ_{k−1}) for a constant η, so these hold for it exactly.
 * <pre>
 *   gradient descent:  stable for 0 &lt; η &lt; 2/λmax; best η* = 2/(λmin + λmax), rate (κ − 1)/(κ + 1)
 *   heavy ball:        stable for 0 &lt; η·λ &lt; 2(1 + β) for every λ, 0 ≤ β &lt; 1;
 *                      best β* = ((√κ − 1)/(√κ + 1))², η* = 4/(√λmax + √λmin)², rate (√κ − 1)/(√κ + 1)
 * </pre>
 * The rate is the factor by which the distance to the minimum shrinks per update, asymptotically
 * (Polyak 1964; Goh, "Why Momentum Really Works", Distill 2017).
 *
 * @param lambdaMin the smallest Hessian eigenvalue, &gt; 0
 * @param lambdaMax the largest, ≥ lambdaMin
 */
public record HeavyBall(double lambdaMin, double lambdaMax) {

    public HeavyBall {
        if (!(lambdaMin > 0) || !(lambdaMax >= lambdaMin) || !Double.isFinite(lambdaMax)) {
            throw new IllegalArgumentException("need 0 < λmin ≤ λmax, got " + lambdaMin + ", " + lambdaMax);
        }
    }

    /** The theory for a positive-definite Hessian, or null when it is not (no minimum to converge to). */
    public static HeavyBall of(Curvature c) {
        return c.lambdaMin() > 0 && Double.isFinite(c.lambdaMax()) ? new HeavyBall(c.lambdaMin(), c.lambdaMax()) : null;
    }

    /** κ = λmax/λmin. */
    public double kappa() {
        return lambdaMax / lambdaMin;
    }

    /** The largest stable learning rate of plain gradient descent, 2/λmax. */
    public double gdMaxLr() {
        return 2 / lambdaMax;
    }

    /** η* = 2/(λmin + λmax), which makes the slowest and the fastest direction contract equally. */
    public double gdOptimalLr() {
        return 2 / (lambdaMin + lambdaMax);
    }

    /** (κ − 1)/(κ + 1): the contraction per update of gradient descent at η*. */
    public double gdRate() {
        double k = kappa();
        return (k - 1) / (k + 1);
    }

    /** β* = ((√κ − 1)/(√κ + 1))². */
    public double optimalMomentum() {
        double r = momentumRate();
        return r * r;
    }

    /** η* = 4/(√λmax + √λmin)², used with β*. */
    public double optimalMomentumLr() {
        double s = Math.sqrt(lambdaMax) + Math.sqrt(lambdaMin);
        return 4 / (s * s);
    }

    /** (√κ − 1)/(√κ + 1): the contraction per update of heavy ball at (η*, β*). */
    public double momentumRate() {
        double s = Math.sqrt(kappa());
        return (s - 1) / (s + 1);
    }

    /** The largest stable learning rate of heavy ball with momentum β, 2(1 + β)/λmax. */
    public double maxStableLr(double beta) {
        return maxStableLr(lambdaMax, beta);
    }

    /** 2(1 + β)/λmax: above it the update along the top eigen-direction grows without bound. */
    public static double maxStableLr(double lambdaMax, double beta) {
        return 2 * (1 + beta) / lambdaMax;
    }

    /**
     * Is heavy ball with (η, β) stable on this quadratic: 0 &lt; η·λ &lt; 2(1 + β) for λ = λmin and λmax,
     * and 0 ≤ β &lt; 1.
     */
    public boolean stable(double lr, double beta) {
        return lr > 0 && beta >= 0 && beta < 1 && lr * lambdaMax < 2 * (1 + beta);
    }

    /**
     * The asymptotic contraction per update of heavy ball with (η, β): the largest |z| over the roots
     * of z² − (1 + β − ηλ)z + β = 0 for λ = λmin and λ = λmax (≥ 1 means no convergence).
     */
    public double rate(double lr, double beta) {
        return Math.max(rootRadius(lr * lambdaMin, beta), rootRadius(lr * lambdaMax, beta));
    }

    private static double rootRadius(double h, double beta) {
        double b = 1 + beta - h;
        double disc = b * b - 4 * beta;
        if (disc < 0) {
            return Math.sqrt(beta); // complex pair, |z|² = product of the roots = β
        }
        double s = Math.sqrt(disc);
        return Math.max(Math.abs(b + s), Math.abs(b - s)) / 2;
    }
}
