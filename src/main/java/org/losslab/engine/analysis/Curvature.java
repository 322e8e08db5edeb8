package org.losslab.engine.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.losslab.engine.surface.Surface;

/**
 * The local geometry of a surface at one point: value, gradient, Hessian, and the Hessian's
 * eigen-decomposition H = λ₁v₁v₁ᵀ + λ₂v₂v₂ᵀ (λmin ≤ λmax, orthonormal v's, from EJML's symmetric
 * eigen-solver). What it teaches:
 * <ul>
 *   <li>the second-order (quadratic) model f(θ + d) ≈ f + gᵀd + ½dᵀHd, exact on quadratics;</li>
 *   <li>κ = |λ|max/|λ|min, how elongated the level sets are (∞ when one eigenvalue is 0);</li>
 *   <li>2/λmax, the learning rate above which gradient descent is unstable along v_max;</li>
 *   <li>the kind of critical point the local model has: bowl (both λ &gt; 0), saddle (opposite signs),
 *       cap (both &lt; 0) or flat (a zero eigenvalue).</li>
 * </ul>
 * Immutable; computed by {@link #at} from any thread.
 *
 * @param x, y       the point
 * @param value      f(x, y)
 * @param gx, gy     ∇f
 * @param hxx, hxy, hyy the Hessian entries
 * @param lambdaMin  the smaller eigenvalue
 * @param lambdaMax  the larger eigenvalue
 * @param minX, minY unit eigenvector of λmin
 * @param maxX, maxY unit eigenvector of λmax
 */
public record Curvature(double x, double y, double value, double gx, double gy, double hxx, double hxy, double hyy,
                        double lambdaMin, double lambdaMax, double minX, double minY, double maxX, double maxY) {

    /** The shape of the local quadratic model. */
    public enum Kind { BOWL, SADDLE, CAP, FLAT, UNDEFINED }

    /** The curvature of {@code surface} at (x, y), time t. */
    public static Curvature at(Surface surface, double x, double y, double t) {
        double[] g = new double[2];
        double[] h = new double[3];
        double f = surface.valueAndGradient(x, y, t, g);
        surface.hessian(x, y, t, h);
        return of(x, y, f, g[0], g[1], h[0], h[1], h[2]);
    }

    /** The eigen-decomposition of a given Hessian at a point with value f and gradient g. */
    public static Curvature of(double x, double y, double f, double gx, double gy, double hxx, double hxy, double hyy) {
        if (!(Double.isFinite(hxx) && Double.isFinite(hxy) && Double.isFinite(hyy))) {
            return new Curvature(x, y, f, gx, gy, hxx, hxy, hyy, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2, true, true);
        if (!eig.decompose(new DMatrixRMaj(2, 2, true, hxx, hxy, hxy, hyy))) {
            throw new ArithmeticException("eigen-decomposition failed for H = [[" + hxx + ", " + hxy + "], [" + hxy + ", " + hyy + "]]");
        }
        int lo = eig.getEigenvalue(0).real <= eig.getEigenvalue(1).real ? 0 : 1;
        DMatrixRMaj vMin = eig.getEigenVector(lo), vMax = eig.getEigenVector(1 - lo);
        double nMin = Math.hypot(vMin.get(0), vMin.get(1)), nMax = Math.hypot(vMax.get(0), vMax.get(1));
        // Fix each vector's sign (first non-zero component positive) so the drawn axes do not flicker.
        double sMin = sign(vMin.get(0), vMin.get(1)) / nMin, sMax = sign(vMax.get(0), vMax.get(1)) / nMax;
        return new Curvature(x, y, f, gx, gy, hxx, hxy, hyy, eig.getEigenvalue(lo).real, eig.getEigenvalue(1 - lo).real,
                vMin.get(0) * sMin, vMin.get(1) * sMin, vMax.get(0) * sMax, vMax.get(1) * sMax);
    }

    private static double sign(double a, double b) {
        return a > 0 || (a == 0 && b >= 0) ? 1 : -1;
    }

    /** ‖∇f‖. */
    public double gradientNorm() {
        return Math.hypot(gx, gy);
    }

    /** κ = max|λ| / min|λ|; ∞ when an eigenvalue is 0, NaN when the Hessian is not finite. */
    public double conditionNumber() {
        double a = Math.abs(lambdaMin), b = Math.abs(lambdaMax);
        return Math.max(a, b) / Math.min(a, b);
    }

    /** 2/λmax, gradient descent's stability limit along v_max; ∞ when λmax ≤ 0 (no limit from curvature). */
    public double gdStabilityLimit() {
        return lambdaMax > 0 ? 2 / lambdaMax : Double.POSITIVE_INFINITY;
    }

    /** The quadratic model's value at the point displaced by (dx, dy): f + gᵀd + ½dᵀHd. */
    public double model(double dx, double dy) {
        return value + gx * dx + gy * dy + 0.5 * (hxx * dx * dx + 2 * hxy * dx * dy + hyy * dy * dy);
    }

    /** The model's critical point displacement −H⁻¹g, or NaN when H is singular. */
    public double[] newtonStep() {
        double det = hxx * hyy - hxy * hxy;
        if (det == 0 || !Double.isFinite(det)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {-(hyy * gx - hxy * gy) / det, -(-hxy * gx + hxx * gy) / det};
    }

    /** The shape of the local model, with eigenvalues within {@code 1e-12·max|λ|} of 0 counted as 0. */
    public Kind kind() {
        if (Double.isNaN(lambdaMin)) {
            return Kind.UNDEFINED;
        }
        double eps = 1e-12 * Math.max(Math.abs(lambdaMin), Math.abs(lambdaMax));
        if (Math.abs(lambdaMin) <= eps || Math.abs(lambdaMax) <= eps) {
            return Kind.FLAT;
        }
        if (lambdaMin > 0) {
            return Kind.BOWL;
        }
        return lambdaMax < 0 ? Kind.CAP : Kind.SADDLE;
    }

    /** The theory of gradient descent and heavy ball for this Hessian, or null when it is not positive definite. */
    public HeavyBall theory() {
        return HeavyBall.of(this);
    }

    /**
     * λmax of a symmetric 2×2 matrix [[a, b], [b, c]] in closed form, (a + c)/2 + √(((a − c)/2)² + b²):
     * for long trajectories where an eigen-solver per point would dominate.
     */
    public static double lambdaMax(double a, double b, double c) {
        double m = 0.5 * (a + c), d = 0.5 * (a - c);
        return m + Math.hypot(d, b);
    }
}
