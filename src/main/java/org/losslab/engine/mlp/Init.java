package org.losslab.engine.mlp;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.losslab.engine.random.Gaussian;

/**
 * Weight initialization of a layer W (fan_out × fan_in); biases start at 0 for every scheme.
 * <ul>
 *   <li>{@link #XAVIER}: W ~ U(−a, a), a = √(6/(fan_in + fan_out)) (Glorot &amp; Bengio 2010;
 *       torch.nn.init.xavier_uniform_ with gain 1);</li>
 *   <li>{@link #HE}: W ~ N(0, 2/fan_in) (He et al. 2015; kaiming_normal_, mode fan_in, ReLU gain);</li>
 *   <li>{@link #ORTHOGONAL}: W = U·Vᵀ from the thin SVD A = U·S·Vᵀ of a Gaussian matrix A, the
 *       (semi-)orthogonal matrix nearest to A (Saxe et al. 2014); all its singular values are 1.</li>
 * </ul>
 */
public enum Init {
    XAVIER("xavier"),
    HE("he"),
    ORTHOGONAL("orthogonal");

    private final String id;

    Init(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Init of(String id) {
        for (Init i : values()) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown init \"" + id + "\"");
    }

    /** Fresh weights for {@code arch}, the same for the same seed. */
    public double[] weights(Architecture arch, long seed) {
        double[] theta = new double[arch.parameterCount()];
        SplittableRandom rng = new SplittableRandom(seed);
        Gaussian normal = new Gaussian(rng);
        for (int l = 0; l < arch.layerCount(); l++) {
            int in = arch.inputsOf(l), out = arch.unitsOf(l), w = arch.weightOffset(l);
            switch (this) {
                case XAVIER: {
                    double a = Math.sqrt(6.0 / (in + out));
                    for (int i = 0; i < in * out; i++) {
                        theta[w + i] = a * (2 * rng.nextDouble() - 1);
                    }
                    break;
                }
                case HE: {
                    double s = Math.sqrt(2.0 / in);
                    for (int i = 0; i < in * out; i++) {
                        theta[w + i] = s * normal.next();
                    }
                    break;
                }
                case ORTHOGONAL:
                    orthogonal(theta, w, out, in, normal);
                    break;
                default:
                    throw new AssertionError(this);
            }
        }
        if (arch.block().normalized()) {
            // torch's BatchNorm1d and LayerNorm start with scale γ = 1 and shift β = 0.
            int[] hidden = arch.hidden();
            for (int l = 0; l < hidden.length; l++) {
                java.util.Arrays.fill(theta, arch.normOffset(l), arch.normOffset(l) + hidden[l], 1.0);
            }
        }
        return theta;
    }

    private static void orthogonal(double[] theta, int offset, int rows, int cols, Gaussian normal) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            a.data[i] = normal.next();
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, true);
        if (!svd.decompose(a)) {
            throw new IllegalStateException("SVD failed for a " + rows + "×" + cols + " Gaussian matrix");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj vt = svd.getV(null, true);
        DMatrixRMaj q = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.mult(u, vt, q);
        System.arraycopy(q.data, 0, theta, offset, rows * cols);
    }
}
