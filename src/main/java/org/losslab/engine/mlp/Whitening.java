package org.losslab.engine.mlp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * PCA whitening of the input points, fitted on the training set and applied to training and test
 * alike: with μ the training mean and the centred training points X_c (n × 2) = U·S·Vᵀ (thin SVD),
 * <pre>
 *   λ_k = s_k² / (n − 1)                 the variance along principal direction v_k
 *   x̃_k = v_kᵀ(x − μ) / √λ_k             k = 1, 2, largest variance first
 * </pre>
 * so the whitened training points have mean 0 and covariance I (the unbiased covariance, as
 * scikit-learn's {@code PCA(whiten=True)}; LeCun, Bottou, Orr and Müller 1998, "Efficient BackProp",
 * §4.3: decorrelated inputs of equal variance make the Hessian of a linear layer better conditioned,
 * so gradient descent takes the same step in every direction).
 *
 * <p>Each v_k's sign is fixed by making its largest-magnitude entry positive, so the transform does
 * not depend on the SVD routine's choice. A direction without variance (λ_k ≤ 10⁻¹²·λ₁, e.g. the
 * constant x₂ = 0 of the 1-D curve) maps to 0 instead of being divided by zero. Immutable.
 */
public final class Whitening {
    /** Relative variance below which a principal direction counts as empty. */
    static final double EMPTY = 1e-12;

    private final double[] mean;
    /** Row k: v_k/√λ_k (or zeros for an empty direction), so x̃ = P·(x − μ). */
    private final double[] p;
    private final double[] variances;

    private Whitening(double[] mean, double[] p, double[] variances) {
        this.mean = mean;
        this.p = p;
        this.variances = variances;
    }

    /**
     * The whitening of {@code train}'s points.
     *
     * @throws IllegalArgumentException with fewer than two points, or when all points coincide
     */
    public static Whitening fit(Dataset train) {
        int n = train.size();
        if (n < 2) {
            throw new IllegalArgumentException("PCA whitening needs at least 2 training points, got " + n);
        }
        double m1 = 0, m2 = 0;
        for (int i = 0; i < n; i++) {
            m1 += train.x1(i);
            m2 += train.x2(i);
        }
        m1 /= n;
        m2 /= n;
        DMatrixRMaj xc = new DMatrixRMaj(n, 2);
        for (int i = 0; i < n; i++) {
            xc.data[2 * i] = train.x1(i) - m1;
            xc.data[2 * i + 1] = train.x2(i) - m2;
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, 2, false, true, true);
        if (!svd.decompose(xc)) {
            throw new IllegalArgumentException("the SVD of the training points did not converge");
        }
        DMatrixRMaj v = svd.getV(null, false);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(null, false, w, v, false);
        double[] lambda = new double[2];
        for (int k = 0; k < 2; k++) {
            double s = w.get(k, k);
            lambda[k] = s * s / (n - 1);
        }
        if (!(lambda[0] > 0)) {
            throw new IllegalArgumentException("PCA whitening needs training points that are not all the same");
        }
        double[] p = new double[4];
        for (int k = 0; k < 2; k++) {
            double a = v.get(0, k), b = v.get(1, k);
            double sign = Math.abs(a) >= Math.abs(b) ? Math.signum(a) : Math.signum(b);
            if (lambda[k] <= EMPTY * lambda[0]) {
                lambda[k] = 0;
                continue;
            }
            double scale = sign / Math.sqrt(lambda[k]);
            p[2 * k] = a * scale;
            p[2 * k + 1] = b * scale;
        }
        return new Whitening(new double[] {m1, m2}, p, lambda);
    }

    /** The training mean μ = (μ₁, μ₂). */
    public double[] mean() {
        return mean.clone();
    }

    /** The variances λ₁ ≥ λ₂ along the principal directions (0 for an empty direction). */
    public double[] variances() {
        return variances.clone();
    }

    /** The whitening matrix P (row-major 2 × 2, row k = v_k/√λ_k): x̃ = P·(x − μ). */
    public double[] matrix() {
        return p.clone();
    }

    /** The points of {@code d} whitened, with their targets. */
    public Dataset apply(Dataset d) {
        int n = d.size();
        double[] a = new double[n], b = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = d.x1(i) - mean[0], w = d.x2(i) - mean[1];
            a[i] = p[0] * u + p[1] * w;
            b[i] = p[2] * u + p[3] * w;
            y[i] = d.y(i);
        }
        return new Dataset(a, b, y, d.classes());
    }

    /** Fits on the split's training set and whitens both sets. */
    public static DataSpec.Split whiten(DataSpec.Split s) {
        Whitening w = fit(s.train());
        return new DataSpec.Split(w.apply(s.train()), w.apply(s.test()));
    }
}
