package org.losslab.engine.optim;

import java.util.List;

/**
 * Limited-memory BFGS (Liu &amp; Nocedal, Math. Programming 45, 1989; Nocedal &amp; Wright,
 * Numerical Optimization, 2nd ed., Algorithm 7.4), as torch.optim.LBFGS with {@code max_iter=1}:
 * one L-BFGS iteration per update, its state kept from update to update. At update k with
 * gradient g, loss f and rate η:
 * <pre>
 *   if max|g| ≤ tolGrad: no update (torch returns before touching its state)
 *   first iteration:  d = −g,  t = min(1, 1/‖g‖₁)·η
 *   later:            y = g − g_prev,  s = t_prev·d_prev
 *                     if y·s &gt; 1e-10: push (y, s, ρ = 1/(y·s)) into a ring of historySize,
 *                                      H₀ = y·s / y·y
 *                     d = −H·g by the two-loop recursion over the ring, scaled by H₀;  t = η
 *   if g·d &gt; −tolChange: stop without moving (d and t are still kept)
 *   lineSearch "strongWolfe": t ← {@link StrongWolfe}(θ, t, d)
 *   θ ← θ + t·d
 * </pre>
 * Every vector operation rounds as torch does: dot products add left to right (reference BLAS
 * ddot), {@code add(x, alpha=a)} is a fused multiply-add, ‖g‖₁ follows {@link CascadeSum}.
 * Only the very first iteration of a run uses the ‖g‖₁ step: torch counts iterations globally.
 */
public final class Lbfgs implements RunOptimizer {

    /** The line searches torch.optim.LBFGS offers: none (fixed step) or strong Wolfe. */
    public enum LineSearch {
        NONE("none"), STRONG_WOLFE("strongWolfe");

        private final String key;

        LineSearch(String key) {
            this.key = key;
        }

        /** The spec's name: {@code none} or {@code strongWolfe}. */
        public String key() {
            return key;
        }

        public static LineSearch of(String key) {
            for (LineSearch s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("lineSearch must be \"none\" or \"strongWolfe\", got \"" + key + "\"");
        }
    }

    /**
     * Hyperparameters of torch.optim.LBFGS run with max_iter=1 (so max_eval = 1·5/4 = 1 and
     * only the line search evaluates more than once).
     */
    public record Config(double lr, int historySize, LineSearch lineSearch, double tolGrad, double tolChange)
            implements OptimizerConfig {
        public Config {
            Check.nonNegative("lr", lr);
            Check.positive("historySize", historySize);
            if (lineSearch == null) {
                throw new IllegalArgumentException("lineSearch must be \"none\" or \"strongWolfe\"");
            }
        }

        /** The spec's defaults: lr 1, history 10, no line search, tolGrad 1e-7, tolChange 1e-9. */
        public static Config defaults() {
            return new Config(1, 10, LineSearch.NONE, 1e-7, 1e-9);
        }

        @Override
        public Optimizer newBatch(int dim, int stride, List<? extends OptimizerConfig> configs) {
            return new PerRun(dim, stride, configs, c -> new Lbfgs(dim, (Config) c));
        }

        @Override
        public String type() {
            return "lbfgs";
        }

        @Override
        public Config withLr(double lr) {
            return new Config(lr, historySize, lineSearch, tolGrad, tolChange);
        }
    }

    private final int dim, historySize;
    private final double tolGrad, tolChange;
    private final StrongWolfe lineSearch;
    private final CascadeSum l1 = new CascadeSum();

    /** torch's {@code state['n_iter']}: iterations taken (early returns do not count). */
    private long nIter;
    /** The last direction d and step t (kept even when the iteration stopped without moving). */
    private final double[] d;
    private double t;
    /**
     * The gradient of the last iteration, torch's {@code prev_flat_grad}. torch also keeps
     * {@code prev_loss}, but only the checks after an iteration read it, and with max_iter=1 the
     * loop ends before them.
     */
    private final double[] prevGrad;
    /** The ring of curvature pairs, oldest at {@code head}: y (old_dirs), s (old_stps), ρ (ro). */
    private final double[][] oldDirs, oldStps;
    private final double[] ro, al;
    private int head, count;
    /** torch's {@code H_diag}, the scale γ = y·s / y·y of the initial inverse Hessian. */
    private double hDiag;
    /** Scratch: the candidate pair (swapped into the ring when accepted) and the two-loop q. */
    private double[] yNew, sNew;
    private final double[] q;

    Lbfgs(int dim, Config config) {
        this.dim = dim;
        historySize = config.historySize();
        tolGrad = config.tolGrad();
        tolChange = config.tolChange();
        lineSearch = config.lineSearch() == LineSearch.STRONG_WOLFE ? new StrongWolfe(dim) : null;
        d = new double[dim];
        prevGrad = new double[dim];
        oldDirs = new double[historySize][dim];
        oldStps = new double[historySize][dim];
        ro = new double[historySize];
        al = new double[historySize];
        yNew = new double[dim];
        sNew = new double[dim];
        q = new double[dim];
        reset();
    }

    @Override
    public void step(double[] theta, double[] grad, double loss, double lr, int run, Objective objective) {
        if (maxAbs(grad, dim) <= tolGrad) {
            return;
        }
        nIter++;
        boolean tTensor = false;
        if (nIter == 1) {
            for (int i = 0; i < dim; i++) {
                d[i] = -grad[i];
            }
            count = 0;
            head = 0;
            hDiag = 1;
            // min(1., 1. / |g|.sum()) * lr: the reciprocal is a 0-d tensor, and stays one if it wins.
            double inv = 1. / l1.sumAbs(grad, dim);
            if (inv < 1.) {
                t = inv * lr;
                tTensor = true;
            } else {
                t = lr;
            }
        } else {
            updateHistory(grad);
            direction(grad);
            t = lr;
        }
        System.arraycopy(grad, 0, prevGrad, 0, dim);

        double gtd = dot(grad, d, dim);
        if (gtd > -tolChange) {
            return;
        }
        if (lineSearch != null) {
            t = lineSearch.search(run, objective, theta, t, tTensor, d, loss, gtd);
        }
        for (int i = 0; i < dim; i++) {
            theta[i] = Math.fma(t, d[i], theta[i]);
        }
    }

    /** y = g − g_prev, s = t·d; kept if the curvature y·s exceeds 1e-10, evicting the oldest pair if full. */
    private void updateHistory(double[] grad) {
        for (int i = 0; i < dim; i++) {
            yNew[i] = grad[i] - prevGrad[i];
            sNew[i] = d[i] * t;
        }
        double ys = dot(yNew, sNew, dim);
        if (ys > 1e-10) {
            int slot;
            if (count == historySize) {
                slot = head;
                head = (head + 1) % historySize;
            } else {
                slot = (head + count) % historySize;
                count++;
            }
            double[] y = yNew, s = sNew;
            yNew = oldDirs[slot];
            sNew = oldStps[slot];
            oldDirs[slot] = y;
            oldStps[slot] = s;
            ro[slot] = 1. / ys;
            hDiag = ys / dot(y, y, dim);
        }
    }

    /** The two-loop recursion: d = −H·g, with H the L-BFGS inverse-Hessian estimate. */
    private void direction(double[] grad) {
        for (int i = 0; i < dim; i++) {
            q[i] = -grad[i];
        }
        for (int k = count - 1; k >= 0; k--) {
            int slot = (head + k) % historySize;
            double a = dot(oldStps[slot], q, dim) * ro[slot];
            al[slot] = a;
            double[] y = oldDirs[slot];
            for (int i = 0; i < dim; i++) {
                q[i] = Math.fma(-a, y[i], q[i]);
            }
        }
        for (int i = 0; i < dim; i++) {
            d[i] = q[i] * hDiag;
        }
        for (int k = 0; k < count; k++) {
            int slot = (head + k) % historySize;
            double be = dot(oldDirs[slot], d, dim) * ro[slot];
            double a = al[slot] - be;
            double[] s = oldStps[slot];
            for (int i = 0; i < dim; i++) {
                d[i] = Math.fma(a, s[i], d[i]);
            }
        }
    }

    @Override
    public void reset() {
        nIter = 0;
        count = 0;
        head = 0;
        hDiag = 1;
        t = 0;
    }

    /** max |x_i| over the first n, NaN if any is NaN (as torch's max). */
    static double maxAbs(double[] x, int n) {
        double m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, Math.abs(x[i]));
        }
        return m;
    }

    /** x·y added left to right, as reference BLAS ddot. */
    static double dot(double[] x, double[] y, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
