package org.losslab.engine.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The saddle-free curvature |H| = V|Λ|Vᵀ of a symmetric H = VΛVᵀ (Dauphin et al., NeurIPS 2014,
 * §4), as torch computes it: {@code w, V = torch.linalg.eigh(H); V @ torch.diag(w.abs()) @ V.T}.
 *
 * <p>For a 2×2 H (every 2-D surface) the eigensystem is LAPACK's own closed form, so |H| agrees
 * with torch to the last bit without allocating: dsyevd leaves a 2×2 matrix as its tridiagonal
 * form (d = diagonal, e = H₂₁), and dsteqr either splits it (e negligible: Λ = d, V = I) or
 * solves it with dlaev2 and one plane rotation, then sorts the eigenvalues ascending. This holds
 * while max|H_ij| lies in [2⁻⁴⁰⁵, 2⁴⁸⁵]; outside it LAPACK rescales first and the last bits may
 * differ. Larger H go to EJML's symmetric QR algorithm, which agrees with LAPACK to rounding only
 * and allocates a little per call.
 */
final class SaddleFree {
    /** dlamch('E') (unit roundoff, 2⁻⁵³), its square and dlamch('S') (2⁻¹⁰²²), as dsteqr uses them. */
    private static final double EPS = 0x1p-53, EPS2 = EPS * EPS, SAFMIN = Double.MIN_NORMAL;

    private final int dim;
    private final double[] absEig;
    /** Eigenvectors as columns, row-major (V_ik at {@code v[i·dim + k]}), eigenvalues ascending. */
    private final double[] v;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;
    /** dlaev2's results: the eigenvalues and the eigenvector (cs1, sn1) of rt1. */
    private double rt1, rt2, cs1, sn1;

    SaddleFree(int dim) {
        this.dim = dim;
        absEig = new double[dim];
        v = new double[dim * dim];
        eig = dim > 2 ? DecompositionFactory_DDRM.eig(dim, true, true) : null;
    }

    /**
     * Replaces H by |H|, summed as torch's two matrix products (reference BLAS dgemm: each entry
     * a left-to-right sum over k): |H|_ij = Σ_k (V_ik·|λ_k|)·V_jk.
     *
     * @param h    H, row-major, symmetric; on return |H|. Modified.
     * @param view an EJML view of {@code h} (dim &gt; 2 only), decomposed before h is overwritten
     * @return false if the eigendecomposition failed (non-finite H); h is then unspecified
     */
    boolean apply(double[] h, DMatrixRMaj view) {
        if (dim == 1) {
            h[0] = Math.abs(h[0]);
            return true;
        }
        if (dim == 2) {
            eigh2(h[0], h[2], h[3]);
        } else {
            if (!eig.decompose(view)) {
                return false;
            }
            for (int k = 0; k < dim; k++) {
                absEig[k] = Math.abs(eig.getEigenvalue(k).real);
                double[] col = eig.getEigenVector(k).data;
                for (int i = 0; i < dim; i++) {
                    v[i * dim + k] = col[i];
                }
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    s += v[i * dim + k] * absEig[k] * v[j * dim + k];
                }
                h[i * dim + j] = s;
            }
        }
        return true;
    }

    /**
     * dsteqr (compz = 'I') on the 2×2 tridiagonal matrix [[d1, e], [e, d2]]; fills {@link #v}
     * and |λ| into {@link #absEig}, eigenvalues ascending.
     */
    private void eigh2(double d1, double e, double d2) {
        double z11 = 1, z12 = 0, z21 = 0, z22 = 1;
        double ae = Math.abs(e);
        boolean split = ae == 0 || ae <= (Math.sqrt(Math.abs(d1)) * Math.sqrt(Math.abs(d2))) * EPS;
        if (!split) {
            // QL iteration unless |d2| < |d1| (then QR); they differ only in this deflation test.
            double tst = ae * ae;
            boolean deflate = Math.abs(d2) < Math.abs(d1)
                    ? tst <= (EPS2 * Math.abs(d2)) * Math.abs(d1) + SAFMIN
                    : tst <= (EPS2 * Math.abs(d1)) * Math.abs(d2) + SAFMIN;
            if (!deflate) {
                dlaev2(d1, e, d2);
                double c = cs1, s = sn1, t;
                // dlasr('R', 'V', …) applying the rotation to the columns of Z = I.
                t = z12;
                z12 = c * t - s * z11;
                z11 = s * t + c * z11;
                t = z22;
                z22 = c * t - s * z21;
                z21 = s * t + c * z21;
                d1 = rt1;
                d2 = rt2;
            }
        }
        if (d2 < d1) {
            double t = d1;
            d1 = d2;
            d2 = t;
            t = z11;
            z11 = z12;
            z12 = t;
            t = z21;
            z21 = z22;
            z22 = t;
        }
        absEig[0] = Math.abs(d1);
        absEig[1] = Math.abs(d2);
        v[0] = z11;
        v[1] = z12;
        v[2] = z21;
        v[3] = z22;
    }

    /**
     * LAPACK's dlaev2: the eigenvalues rt1 (larger in magnitude) and rt2 of [[a, b], [b, c]] and
     * the unit eigenvector (cs1, sn1) of rt1, computed so as to avoid overflow and cancellation.
     */
    private void dlaev2(double a, double b, double c) {
        double sm = a + c, df = a - c, adf = Math.abs(df), tb = b + b, ab = Math.abs(tb);
        double acmx, acmn;
        if (Math.abs(a) > Math.abs(c)) {
            acmx = a;
            acmn = c;
        } else {
            acmx = c;
            acmn = a;
        }
        double rt;
        if (adf > ab) {
            double q = ab / adf;
            rt = adf * Math.sqrt(1 + q * q);
        } else if (adf < ab) {
            double q = adf / ab;
            rt = ab * Math.sqrt(1 + q * q);
        } else {
            rt = ab * Math.sqrt(2);
        }
        int sgn1;
        if (sm < 0) {
            rt1 = 0.5 * (sm - rt);
            sgn1 = -1;
            rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
        } else if (sm > 0) {
            rt1 = 0.5 * (sm + rt);
            sgn1 = 1;
            rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
        } else {
            rt1 = 0.5 * rt;
            rt2 = -0.5 * rt;
            sgn1 = 1;
        }
        int sgn2;
        double cs;
        if (df >= 0) {
            cs = df + rt;
            sgn2 = 1;
        } else {
            cs = df - rt;
            sgn2 = -1;
        }
        if (Math.abs(cs) > ab) {
            double ct = -tb / cs;
            sn1 = 1 / Math.sqrt(1 + ct * ct);
            cs1 = ct * sn1;
        } else if (ab == 0) {
            cs1 = 1;
            sn1 = 0;
        } else {
            double tn = -cs / tb;
            cs1 = 1 / Math.sqrt(1 + tn * tn);
            sn1 = tn * cs1;
        }
        if (sgn1 == sgn2) {
            double tn = cs1;
            cs1 = -sn1;
            sn1 = tn;
        }
    }
}
