package org.losslab.engine.mlp;

import java.util.Arrays;

/**
 * Batch normalization of one hidden layer (Ioffe &amp; Szegedy 2015, "Batch normalization:
 * accelerating deep network training by reducing internal covariate shift"), exactly as
 * {@code torch.nn.BatchNorm1d(units, eps=1e-5, momentum=0.1)}. For unit j over the m examples of
 * the batch, in training mode:
 * <pre>
 *   μ_j = (1/m) Σ_i z_ij,   σ²_j = (1/m) Σ_i (z_ij − μ_j)²   (biased: the normalization's variance)
 *   x̂_ij = (z_ij − μ_j) / √(σ²_j + ε),   u_ij = γ_j·x̂_ij + β_j
 *   running mean ← (1 − 0.1)·running mean + 0.1·μ_j
 *   running var  ← (1 − 0.1)·running var  + 0.1·σ²_j·m/(m − 1)   (unbiased, as torch keeps it)
 * </pre>
 * and in evaluation mode x̂_ij = (z_ij − running mean_j)/√(running var_j + ε), starting from mean 0
 * and variance 1. Backpropagation through the batch statistics (the gradient of u w.r.t. z couples
 * the examples of the batch), with g_ij = ∂ℓ/∂u_ij:
 * <pre>
 *   ∂ℓ/∂γ_j = Σ_i g_ij·x̂_ij,   ∂ℓ/∂β_j = Σ_i g_ij
 *   ∂ℓ/∂z_ij = γ_j/√(σ²_j + ε) · (g_ij − (1/m)·∂ℓ/∂β_j − x̂_ij·(1/m)·∂ℓ/∂γ_j)    (training)
 *   ∂ℓ/∂z_ij = γ_j/√(running var_j + ε) · g_ij                                 (evaluation)
 * </pre>
 * Blocks are unit-major with stride S: unit j of example i at {@code [j·S + i]}. All buffers are
 * allocated up front or when a larger batch first appears; a pass allocates nothing.
 */
final class BatchNorm {
    static final double EPS = 1e-5;
    static final double MOMENTUM = 0.1;

    private final int units;
    final double[] runningMean, runningVar;
    /** 1/√(σ² + ε) of the last pass, per unit (batch or running variance by the mode). */
    private final double[] invStd;
    /** x̂ of the last pass, unit-major with the pass's stride. */
    private double[] xhat = new double[0];

    BatchNorm(int units) {
        this.units = units;
        runningMean = new double[units];
        runningVar = new double[units];
        invStd = new double[units];
        reset();
    }

    /** Running statistics back to torch's start: mean 0, variance 1. */
    void reset() {
        Arrays.fill(runningMean, 0.0);
        Arrays.fill(runningVar, 1.0);
    }

    /**
     * u = γ·x̂ + β over m examples.
     *
     * @param z           pre-normalization block. Not modified.
     * @param u           output block (may not be z). Modified.
     * @param p           θ; γ at {@code gamma}, β at {@code gamma + units}. Not modified.
     * @param training    batch statistics (else the running ones)
     * @param updateStats in training mode, fold this batch into the running statistics
     */
    void forward(double[] z, double[] u, int stride, int m, double[] p, int gamma, boolean training, boolean updateStats) {
        if (xhat.length < units * stride) {
            xhat = new double[units * stride];
        }
        for (int j = 0; j < units; j++) {
            int row = j * stride;
            double mean, var;
            if (training) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += z[row + i];
                }
                mean = s / m;
                double q = 0;
                for (int i = 0; i < m; i++) {
                    double d = z[row + i] - mean;
                    q += d * d;
                }
                var = q / m;
                if (updateStats) {
                    runningMean[j] = (1 - MOMENTUM) * runningMean[j] + MOMENTUM * mean;
                    runningVar[j] = (1 - MOMENTUM) * runningVar[j] + MOMENTUM * (q / (m - 1));
                }
            } else {
                mean = runningMean[j];
                var = runningVar[j];
            }
            double is = 1 / Math.sqrt(var + EPS);
            invStd[j] = is;
            double g = p[gamma + j], b = p[gamma + units + j];
            for (int i = 0; i < m; i++) {
                double x = (z[row + i] - mean) * is;
                xhat[row + i] = x;
                u[row + i] = g * x + b;
            }
        }
    }

    /**
     * From g = ∂ℓ/∂u in {@code d} to ∂ℓ/∂z in place, adding ∂ℓ/∂γ and ∂ℓ/∂β to {@code grad}; after a
     * {@link #forward} of the same mode over the same block.
     */
    void backward(double[] d, int stride, int m, double[] p, int gamma, boolean training, double[] grad) {
        for (int j = 0; j < units; j++) {
            int row = j * stride;
            double sg = 0, sgx = 0;
            for (int i = 0; i < m; i++) {
                sg += d[row + i];
                sgx += d[row + i] * xhat[row + i];
            }
            grad[gamma + j] += sgx;
            grad[gamma + units + j] += sg;
            double k = p[gamma + j] * invStd[j];
            if (training) {
                double mg = sg / m, mgx = sgx / m;
                for (int i = 0; i < m; i++) {
                    d[row + i] = k * (d[row + i] - mg - xhat[row + i] * mgx);
                }
            } else {
                for (int i = 0; i < m; i++) {
                    d[row + i] *= k;
                }
            }
        }
    }
}
