package org.losslab.engine.mlp;

/**
 * Layer normalization of one hidden layer (Ba, Kiros &amp; Hinton 2016, "Layer normalization"),
 * exactly as {@code torch.nn.LayerNorm(units, eps=1e-5)}: each example is normalized over the h
 * units of the layer, the same in training and evaluation (no running statistics):
 * <pre>
 *   μ_i = (1/h) Σ_j z_ij,   σ²_i = (1/h) Σ_j (z_ij − μ_i)²
 *   x̂_ij = (z_ij − μ_i) / √(σ²_i + ε),   u_ij = γ_j·x̂_ij + β_j
 * </pre>
 * and backwards, with g_ij = ∂ℓ/∂u_ij and ĝ_ij = γ_j·g_ij,
 * <pre>
 *   ∂ℓ/∂γ_j = Σ_i g_ij·x̂_ij,   ∂ℓ/∂β_j = Σ_i g_ij
 *   ∂ℓ/∂z_ij = 1/√(σ²_i + ε) · (ĝ_ij − (1/h) Σ_k ĝ_ik − x̂_ij·(1/h) Σ_k ĝ_ik·x̂_ik)
 * </pre>
 * Blocks are unit-major with stride S (unit j of example i at {@code [j·S + i]}), so the per-example
 * sums run over units as a sequence of axpys over consecutive examples.
 */
final class LayerNorm {
    static final double EPS = 1e-5;

    private final int units;
    /** Per example: μ then 1/√(σ² + ε); the backward pass's two sums. */
    private double[] mean = new double[0], invStd = new double[0], s1 = new double[0], s2 = new double[0];
    private double[] xhat = new double[0];

    LayerNorm(int units) {
        this.units = units;
    }

    private void ensure(int stride) {
        if (mean.length < stride) {
            mean = new double[stride];
            invStd = new double[stride];
            s1 = new double[stride];
            s2 = new double[stride];
            xhat = new double[units * stride];
        }
    }

    /** u = γ·x̂ + β over m examples; z and u are distinct blocks (z not modified, u modified). */
    void forward(double[] z, double[] u, int stride, int m, double[] p, int gamma) {
        ensure(stride);
        for (int i = 0; i < m; i++) {
            mean[i] = 0;
            invStd[i] = 0;
        }
        for (int j = 0; j < units; j++) {
            int row = j * stride;
            for (int i = 0; i < m; i++) {
                mean[i] += z[row + i];
            }
        }
        for (int i = 0; i < m; i++) {
            mean[i] /= units;
        }
        for (int j = 0; j < units; j++) {
            int row = j * stride;
            for (int i = 0; i < m; i++) {
                double d = z[row + i] - mean[i];
                invStd[i] += d * d;
            }
        }
        for (int i = 0; i < m; i++) {
            invStd[i] = 1 / Math.sqrt(invStd[i] / units + EPS);
        }
        for (int j = 0; j < units; j++) {
            int row = j * stride;
            double g = p[gamma + j], b = p[gamma + units + j];
            for (int i = 0; i < m; i++) {
                double x = (z[row + i] - mean[i]) * invStd[i];
                xhat[row + i] = x;
                u[row + i] = g * x + b;
            }
        }
    }

    /** From ∂ℓ/∂u in {@code d} to ∂ℓ/∂z in place, adding ∂ℓ/∂γ and ∂ℓ/∂β to {@code grad}. */
    void backward(double[] d, int stride, int m, double[] p, int gamma, double[] grad) {
        for (int i = 0; i < m; i++) {
            s1[i] = 0;
            s2[i] = 0;
        }
        for (int j = 0; j < units; j++) {
            int row = j * stride;
            double g = p[gamma + j], sgx = 0, sg = 0;
            for (int i = 0; i < m; i++) {
                double v = d[row + i], x = xhat[row + i];
                sg += v;
                sgx += v * x;
                s1[i] += g * v;
                s2[i] += g * v * x;
            }
            grad[gamma + j] += sgx;
            grad[gamma + units + j] += sg;
        }
        for (int j = 0; j < units; j++) {
            int row = j * stride;
            double g = p[gamma + j];
            for (int i = 0; i < m; i++) {
                d[row + i] = invStd[i] * (g * d[row + i] - s1[i] / units - xhat[row + i] * (s2[i] / units));
            }
        }
    }
}
