package org.losslab.engine.optim;

import java.util.List;
import java.util.function.Function;

/**
 * A batch of independent {@link RunOptimizer}s: gathers each run's coordinates from the
 * structure-of-arrays layout into a contiguous vector, steps it, and scatters it back.
 */
public final class PerRun extends Optimizer {
    private final RunOptimizer[] runs;
    private final double[] theta1, grad1;
    private final boolean hessian;

    public PerRun(int dim, int stride, List<? extends OptimizerConfig> configs, Function<OptimizerConfig, RunOptimizer> make) {
        super(dim, stride);
        runs = new RunOptimizer[stride];
        for (int r = 0; r < configs.size(); r++) {
            runs[r] = make.apply(configs.get(r));
        }
        theta1 = new double[dim];
        grad1 = new double[dim];
        hessian = runs[0].needsHessian();
    }

    @Override
    public void step(int n, double[] theta, double[] grad, double[] loss, double[] lr, Objective objective) {
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < dim; c++) {
                theta1[c] = theta[c * stride + r];
                grad1[c] = grad[c * stride + r];
            }
            runs[r].step(theta1, grad1, loss[r], lr[r], r, objective);
            for (int c = 0; c < dim; c++) {
                theta[c * stride + r] = theta1[c];
            }
        }
        steps++;
    }

    @Override
    public void moveRun(int from, int to) {
        runs[to] = runs[from];
    }

    @Override
    public void reset() {
        for (RunOptimizer o : runs) {
            if (o != null) {
                o.reset();
            }
        }
        steps = 0;
    }

    @Override
    public List<String> channels() {
        return runs[0].channels();
    }

    @Override
    public double channel(int k, int slot) {
        return runs[slot].channel(k);
    }

    @Override
    public boolean needsHessian() {
        return hessian;
    }
}
