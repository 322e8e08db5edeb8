package org.losslab.engine.optim;

/**
 * The symmetric square root C^½ and its inverse C^−½ of a symmetric positive definite n × n matrix,
 * from its eigendecomposition C = B·D²·Bᵀ by the cyclic Jacobi method (Golub &amp; Van Loan, Matrix
 * Computations, 4th ed., §8.5):
 * <pre>
 *   C^½ = B·D·Bᵀ,   C^−½ = B·D⁻¹·Bᵀ,   (C^½)_ij = Σ_k B_ik·d_k·B_jk
 * </pre>
 * Unlike B and D themselves, which any eigen-solver may return with other signs or in another
 * order, both roots are unique, so they agree with NumPy's {@code eigh} to rounding whatever the
 * solver: that is what lets CMA-ES's samples be compared with a reference draw for draw. Jacobi is
 * also accurate to the last bits for the small eigenvalues of an ill-conditioned C, and needs no
 * memory beyond what is allocated here.
 */
final class SymmetricRoots {
    /** Sweeps of the cyclic Jacobi method; it converges quadratically, far sooner than this. */
    private static final int MAX_SWEEPS = 60;

    private final int n;
    /** The matrix being diagonalized, and the accumulated rotations B (eigenvectors as columns), row-major. */
    private final double[] a, b;

    SymmetricRoots(int n) {
        this.n = n;
        a = new double[n * n];
        b = new double[n * n];
    }

    /**
     * Computes both roots of {@code c}.
     *
     * @param c       C, row-major and symmetric. Not modified.
     * @param sqrt    C^½. Modified.
     * @param invSqrt C^−½. Modified.
     * @return false if C is not finite or not positive definite (the roots are then unspecified)
     */
    boolean compute(double[] c, double[] sqrt, double[] invSqrt) {
        System.arraycopy(c, 0, a, 0, n * n);
        java.util.Arrays.fill(b, 0);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i * n + i])) {
                return false;
            }
            b[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p * n + q] * a[p * n + q];
                }
            }
            if (!Double.isFinite(off)) {
                return false;
            }
            if (off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(p, q);
                }
            }
        }
        for (int k = 0; k < n; k++) {
            double d = a[k * n + k];
            if (!(d > 0) || !Double.isFinite(d)) {
                return false;
            }
            // Keep √d_k on the diagonal of a for the products below.
            a[k * n + k] = Math.sqrt(d);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0, r = 0;
                for (int k = 0; k < n; k++) {
                    double d = a[k * n + k], bb = b[i * n + k] * b[j * n + k];
                    s += bb * d;
                    r += bb / d;
                }
                sqrt[i * n + j] = sqrt[j * n + i] = s;
                invSqrt[i * n + j] = invSqrt[j * n + i] = r;
            }
        }
        return true;
    }

    /** One Jacobi rotation J in the (p, q) plane: A ← JᵀAJ with (JᵀAJ)_pq = 0, B ← BJ. */
    private void rotate(int p, int q) {
        double apq = a[p * n + q];
        if (apq == 0) {
            return;
        }
        double app = a[p * n + p], aqq = a[q * n + q];
        // An off-diagonal entry below rounding of its diagonal neighbours is zero (Golub & Van Loan's test).
        if (Math.abs(apq) <= 0x1p-60 * Math.sqrt(Math.abs(app * aqq))) {
            a[p * n + q] = a[q * n + p] = 0;
            return;
        }
        // The smaller of the two rotations that zero a_pq, by Rutishauser's stable formulas.
        double theta = (aqq - app) / (2 * apq);
        double t = Math.abs(theta) > 1e150 ? 0.5 / theta
                : (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; k++) {
            double akp = a[k * n + p], akq = a[k * n + q];
            a[k * n + p] = c * akp - s * akq;
            a[k * n + q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p * n + k], aqk = a[q * n + k];
            a[p * n + k] = c * apk - s * aqk;
            a[q * n + k] = s * apk + c * aqk;
        }
        a[p * n + q] = a[q * n + p] = 0;
        for (int k = 0; k < n; k++) {
            double bkp = b[k * n + p], bkq = b[k * n + q];
            b[k * n + p] = c * bkp - s * bkq;
            b[k * n + q] = s * bkp + c * bkq;
        }
    }
}
