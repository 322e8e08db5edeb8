package org.losslab.engine.optim;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Newton's method with optional damping (Levenberg, 1944) and the saddle-free |H| of Dauphin et
 * al., "Identifying and attacking the saddle point problem in high-dimensional non-convex
 * optimization", NeurIPS 2014, §4:
 * <pre>
 *   H = ∇²f(θ);   saddleFree: H = V|Λ|Vᵀ where H = VΛVᵀ
 *   θ ← θ − η·(H + λI)⁻¹·g
 * </pre>
 * torch.optim has no Newton; the scenario reference tool (torch_reference.py) defines it as
 * ({@code linalg.eigh}, {@code V @ diag(|w|) @ V.T}, {@code linalg.solve}). The solve follows
 * LAPACK's order ({@link LuSolver}), so plain and damped steps match torch to the last bit; so
 * does |H| in 2-D ({@link SaddleFree}), while larger saddle-free systems agree to rounding. A
 * singular system is not an error: its solution, and so θ, becomes infinite or NaN, which the
 * caller reports as a divergence.
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
    private final SaddleFree absolute;

    Newton(int dim, Config config) {
        this.dim = dim;
        damping = config.damping();
        saddleFree = config.saddleFree();
        hess = new double[dim * dim];
        sol = new double[dim];
        h = DMatrixRMaj.wrap(dim, dim, hess);
        solver = new LuSolver(dim);
        absolute = saddleFree ? new SaddleFree(dim) : null;
    }

    @Override
    public void step(double[] theta, double[] grad, double loss, double lr, int run, Objective objective) {
        objective.hessian(run, theta, hess);
        if (saddleFree && !absolute.apply(hess, h)) {
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

    @Override
    public void reset() {
    }

    @Override
    public boolean needsHessian() {
        return true;
    }
}
