package org.losslab.render;

/**
 * Eigen-decomposition of a symmetric 2 × 2 matrix [[a, b], [b, c]] (a Hessian), in closed form:
 * λ = (a + c)/2 ± √(((a − c)/2)² + b²), the first eigenvector at angle ½·atan2(2b, a − c).
 */
public final class Eigen2 {
    private Eigen2() {
    }

    /**
     * Writes {λ₁, λ₂, e₁x, e₁y, e₂x, e₂y} into {@code out} with λ₁ ≥ λ₂ and unit eigenvectors.
     *
     * @param out six entries. Modified.
     */
    public static void of(double a, double b, double c, double[] out) {
        double m = (a + c) / 2, d = Math.hypot((a - c) / 2, b);
        double phi = 0.5 * Math.atan2(2 * b, a - c);
        out[0] = m + d;
        out[1] = m - d;
        out[2] = Math.cos(phi);
        out[3] = Math.sin(phi);
        out[4] = -Math.sin(phi);
        out[5] = Math.cos(phi);
    }

    /** The largest eigenvalue λmax of [[a, b], [b, c]]. */
    public static double max(double a, double b, double c) {
        return (a + c) / 2 + Math.hypot((a - c) / 2, b);
    }

    /**
     * Gradient descent on a quadratic with top curvature λmax is stable for lr &lt; 2/λmax; NaN when
     * the curvature is not positive (no limit from curvature there).
     */
    public static double stabilityLimit(double lambdaMax) {
        return lambdaMax > 0 ? 2 / lambdaMax : Double.NaN;
    }
}
