package org.losslab.engine.mlp;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.losslab.engine.Cancellation;
import org.losslab.engine.random.Gaussian;

/**
 * The network's own landscape: the training loss on the plane θ(α, β) = θ* + α·d₁ + β·d₂ through
 * weights θ* (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets").
 * <ul>
 *   <li>Filter-normalized random directions: d ~ N(0, I), then each row of each W_l (the weights
 *       into one unit, a "filter" of a fully connected layer) is rescaled to the norm of the same
 *       row of θ*: d_row ← d_row·‖θ*_row‖/‖d_row‖. Bias entries are 0 (the paper's ignore-biases
 *       option), so the picture is not dominated by a scale-free direction.</li>
 *   <li>PCA directions: the top two right singular vectors of the matrix whose rows are
 *       θ_i − θ* over a recorded weight trajectory (the paper's §7), orthonormal.</li>
 * </ul>
 * A trajectory is drawn on the plane by its least-squares coordinates (α, β), from the 2×2 normal
 * equations [d₁·d₁ d₁·d₂; d₁·d₂ d₂·d₂]·(α, β) = (d₁·δ, d₂·δ), δ = θ − θ*.
 */
public final class LossSlice {
    private LossSlice() {
    }

    /** A filter-normalized random direction for weights {@code center}, the same for the same seed. */
    public static double[] filterNormalized(Architecture arch, double[] center, long seed) {
        Gaussian g = new Gaussian(new SplittableRandom(seed));
        double[] d = new double[center.length];
        for (int l = 0; l < arch.layerCount(); l++) {
            int in = arch.inputsOf(l);
            for (int j = 0; j < arch.unitsOf(l); j++) {
                int row = arch.weightIndex(l, j, 0);
                double dn = 0, cn = 0;
                for (int k = 0; k < in; k++) {
                    d[row + k] = g.next();
                    dn += d[row + k] * d[row + k];
                    cn += center[row + k] * center[row + k];
                }
                double s = dn > 0 ? Math.sqrt(cn / dn) : 0;
                for (int k = 0; k < in; k++) {
                    d[row + k] *= s;
                }
            }
        }
        return d;
    }

    /**
     * The top two principal directions of a weight trajectory around {@code center}.
     *
     * @return {d₁, d₂, {explained₁, explained₂}}: unit vectors and their shares of the variance
     * @throws IllegalArgumentException with fewer than 2 recorded points
     */
    public static double[][] pca(List<double[]> path, double[] center) {
        int n = path.size(), p = center.length;
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 recorded weight vectors, got " + n);
        }
        DMatrixRMaj m = new DMatrixRMaj(n, p);
        for (int i = 0; i < n; i++) {
            double[] w = path.get(i);
            for (int c = 0; c < p; c++) {
                m.data[i * p + c] = w[c] - center[c];
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, p, false, true, true);
        if (!svd.decompose(m)) {
            throw new IllegalArgumentException("the trajectory has non-finite weights");
        }
        double[] sv = svd.getSingularValues();
        DMatrixRMaj vt = svd.getV(null, true);
        int[] order = top2(sv, svd.numberOfSingularValues());
        double total = 0;
        for (int i = 0; i < svd.numberOfSingularValues(); i++) {
            total += sv[i] * sv[i];
        }
        double[][] r = new double[3][];
        for (int k = 0; k < 2; k++) {
            r[k] = new double[p];
            if (order[k] >= 0) {
                System.arraycopy(vt.data, order[k] * p, r[k], 0, p);
            }
        }
        r[2] = new double[] {
                order[0] >= 0 && total > 0 ? sv[order[0]] * sv[order[0]] / total : 0,
                order[1] >= 0 && total > 0 ? sv[order[1]] * sv[order[1]] / total : 0};
        return r;
    }

    private static int[] top2(double[] sv, int count) {
        int a = -1, b = -1;
        for (int i = 0; i < count; i++) {
            if (a < 0 || sv[i] > sv[a]) {
                b = a;
                a = i;
            } else if (b < 0 || sv[i] > sv[b]) {
                b = i;
            }
        }
        return new int[] {a, b};
    }

    /** (α, β) of {@code weights} on the plane through {@code center} spanned by d₁, d₂. */
    public static double[] project(double[] center, double[] d1, double[] d2, double[] weights) {
        double a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0;
        for (int i = 0; i < center.length; i++) {
            double delta = weights[i] - center[i];
            a11 += d1[i] * d1[i];
            a12 += d1[i] * d2[i];
            a22 += d2[i] * d2[i];
            b1 += d1[i] * delta;
            b2 += d2[i] * delta;
        }
        double det = a11 * a22 - a12 * a12;
        return new double[] {(a22 * b1 - a12 * b2) / det, (a11 * b2 - a12 * b1) / det};
    }

    /** Reports rows finished, from any worker thread. */
    @FunctionalInterface
    public interface Progress {
        void rows(int done, int total);
    }

    /**
     * The loss on an n×n grid: α over [aMin, aMax] (columns), β over [bMin, bMax] (rows), cell centres
     * at the grid points {@code aMin + i·(aMax − aMin)/(n − 1)}. Rows are computed in parallel on
     * {@code executor}, each with its own workspace; cancellation is polled per row.
     *
     * @return the grid, or null if cancelled
     */
    public static Grid compute(Architecture arch, Dataset data, double[] center, double[] d1, double[] d2,
                               double aMin, double aMax, double bMin, double bMax, int n,
                               Executor executor, Progress progress, Cancellation cancel) throws InterruptedException {
        if (n < 2) {
            throw new IllegalArgumentException("a grid needs at least 2×2 points");
        }
        if (arch.block().normalization() == Normalization.BATCH) {
            // Evaluation mode would need each point's running statistics, which only the run's own weights have.
            throw new IllegalArgumentException("a slice of a batch-normalized network has no running statistics off the path");
        }
        Examples ex = new Examples(arch, data);
        double[] c = center.clone(), u = d1.clone(), v = d2.clone();
        double[] loss = new double[n * n];
        CountDownLatch latch = new CountDownLatch(n);
        AtomicInteger done = new AtomicInteger();
        for (int row = 0; row < n; row++) {
            int r = row;
            executor.execute(() -> {
                try {
                    if (cancel.isCancelled()) {
                        return;
                    }
                    NetworkPasses net = arch.block().isPlain() ? new Network(arch) : new BlockNetwork(arch, 0);
                    double[] theta = new double[c.length];
                    double beta = bMin + r * (bMax - bMin) / (n - 1);
                    for (int i = 0; i < n; i++) {
                        double alpha = aMin + i * (aMax - aMin) / (n - 1);
                        for (int p = 0; p < c.length; p++) {
                            theta[p] = c[p] + alpha * u[p] + beta * v[p];
                        }
                        loss[r * n + i] = net.evaluate(theta, ex, null, 0, ex.n, null);
                    }
                    progress.rows(done.incrementAndGet(), n);
                } finally {
                    latch.countDown();
                }
            });
        }
        latch.await();
        return cancel.isCancelled() ? null : new Grid(aMin, aMax, bMin, bMax, n, loss);
    }

    /** Losses on the grid, {@code loss[row·n + column]}, row = β index, column = α index. */
    public record Grid(double aMin, double aMax, double bMin, double bMax, int n, double[] loss) {
        public Grid {
            loss = loss.clone();
        }

        public double at(int row, int column) {
            return loss[row * n + column];
        }

        @Override
        public double[] loss() {
            return loss.clone();
        }
    }
}
