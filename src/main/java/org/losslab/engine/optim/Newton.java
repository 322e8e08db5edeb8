package org.losslab.engine.optim;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Newton's method with optional damping (Levenberg, 1944) and the saddle-free |H| of Dauphin et
 * al., "Identifying and attacking the saddle point problem in high-dimensional non-convex
 * optimization", NeurIPS 2014, §4:
 * <pre>
 *   H = ∇²f(θ);   saddleFree: H = V|Λ|Vᵀ where H = VΛVᵀ
 *   θ ← θ − η·(H + λI)⁻¹·g
 * </pre>
 * torch.optim has no Newton; the reference is shared/tools/torch_reference.py
 * ({@code linalg.eigh}, {@code V @ diag(|w|) @ V.T}, {@code linalg.solve}). The solve follows
 * LAPACK's order ({@link LuSolver}), so plain and damped steps match torch to the last bit; the
 * saddle-free eigendecomposition is EJML's symmetric QR algorithm, which agrees with LAPACK's
 * dsyevd to rounding only. A singular system is not an error: its solution, and so θ, becomes
 * infinite or NaN, which the caller reports as a divergence.
 */
public final class Newton implements RunOptimizer {

    /** Newton's hyperparameters: rate η (default 1), damping λ ≥ 0 (default 0), saddle-free |H|. */
    public record Config(double lr, double damping, boolean saddleFree) implements OptimizerConfig {
        public Config {
            Check.nonNegative("lr", lr);
            Check.nonNegative("damping", damping);
        }

        public static Config defaults() {
            return new Config(1, 0, false);
        }

        @Override
        public Optimizer newBatch(int dim, int stride, List<? extends OptimizerConfig> configs) {
            return new PerRun(dim, stride, configs, c -> new Newton(dim, (Config) c));
        }

        @Override
        public String type() {
            return "newton";
        }

        @Override
        public Config withLr(double lr) {
            return new Config(lr, damping, saddleFree);
        }
    }

    private final int dim;
    private final double damping;
    private final boolean saddleFree;
    /** The Hessian, row-major, EJML's view of it, and the solution of the Newton system. */
    private final double[] hess, sol;
    private final DMatrixRMaj h;
    private final LuSolver solver;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;
    /** |λ_k| of the saddle-free step. */
    private final double[] absEig;

    Newton(int dim, Config config) {
        this.dim = dim;
        damping = config.damping();
        saddleFree = config.saddleFree();
        hess = new double[dim * dim];
        sol = new double[dim];
        h = DMatrixRMaj.wrap(dim, dim, hess);
        solver = new LuSolver(dim);
        eig = saddleFree ? DecompositionFactory_DDRM.eig(dim, true, true) : null;
        absEig = saddleFree ? new double[dim] : null;
    }

    @Override
    public void step(double[] theta, double[] grad, double loss, double lr, int run, Objective objective) {
        objective.hessian(run, theta, hess);
        if (saddleFree && !absoluteHessian()) {
            java.util.Arrays.fill(theta, Double.NaN);
            return;
        }
        for (int i = 0; i < dim; i++) {
            hess[i * dim + i] += damping;
        }
        solver.solve(hess, grad, sol);
        for (int i = 0; i < dim; i++) {
            theta[i] -= lr * sol[i];
        }
    }

    /**
     * Replaces H by V|Λ|Vᵀ, summed as torch's {@code (V @ diag(|w|)) @ V.T}:
     * |H|_ij = Σ_k (V_ik·|λ_k|)·V_jk. False if the eigendecomposition failed (non-finite H).
     */
    private boolean absoluteHessian() {
        if (!eig.decompose(h)) {
            return false;
        }
        for (int k = 0; k < dim; k++) {
            absEig[k] = Math.abs(eig.getEigenvalue(k).real);
        }
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    double[] v = eig.getEigenVector(k).data;
                    s += v[i] * absEig[k] * v[j];
                }
                hess[i * dim + j] = s;
            }
        }
        return true;
    }

    @Override
    public void reset() {
    }

    @Override
    public boolean needsHessian() {
        return true;
    }
}
