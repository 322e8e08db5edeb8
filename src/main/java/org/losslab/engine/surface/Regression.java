package org.losslab.engine.surface;

import java.util.SplittableRandom;
import org.losslab.engine.random.Gaussian;

/**
 * Least-squares fit of a line b ≈ w·a + β to n noisy points, the smallest real training problem;
 * the parameters are x = w (slope) and y = β (intercept):
 * <pre>
 *   f(x, y) = (1/2n) Σᵢ (x aᵢ + y − bᵢ)²                     = (1/n) Σᵢ ℓᵢ(x, y)
 *   ∂f/∂x = (1/n) Σᵢ (x aᵢ + y − bᵢ) aᵢ      ∂f/∂y = (1/n) Σᵢ (x aᵢ + y − bᵢ)
 *   H = [ mean(a²)  mean(a) ; mean(a)  1 ]   (constant)
 * </pre>
 * Being quadratic, f equals its second-order expansion about the least-squares solution θ*:
 * f(θ) = f* + ½(θ − θ*)ᵀH(θ − θ*) and ∇f(θ) = H(θ − θ*). The full-batch methods evaluate that
 * form, which costs O(1) per point instead of O(n) and, unlike expanding the sum into raw moments,
 * loses no digits to cancellation near the minimum. θ* solves the normal equations with centred
 * sums: w* = Σ(aᵢ − ā)(bᵢ − b̄) / Σ(aᵢ − ā)², β* = b̄ − w*ā.
 *
 * <p>The data: with {@code rng = new SplittableRandom(dataSeed)}, first aᵢ = 2·rng.nextDouble() for
 * i = 0 … n−1 (uniform on [0, 2)), then bᵢ = trueW·aᵢ + trueB + noise·zᵢ for i = 0 … n−1 with zᵢ the
 * successive variates of {@code new Gaussian(rng)} on the same stream.
 *
 * <p>What it teaches: because the inputs are not centred (mean(a) ≈ 1), slope and intercept are
 * coupled; the bowl is tilted and, for a uniform on [0, 2), has eigenvalues ≈ 2.18 and 0.153, so
 * κ ≈ 14 ({@link #conditionNumber()}). Centring the inputs would make H = diag(var a, 1) with κ = 3:
 * the reason data is normalised before training. As a {@link FiniteSum} it also shows minibatch
 * noise: at θ* the full gradient is 0 but a minibatch gradient is not, so SGD with a constant
 * learning rate hovers in a cloud around θ* whose size scales with lr and 1/batchSize.
 */
public final class Regression implements Surface, FiniteSum {
    private final int n;
    private final double noise;
    private final long dataSeed;
    private final double trueW;
    private final double trueB;

    private final double[] a;
    private final double[] b;
    /** H = [[haa, ha], [ha, 1]]. */
    private final double haa;
    private final double ha;
    private final double wStar;
    private final double bStar;
    private final double fStar;

    /**
     * @param n        number of points, at least 2 (one point does not determine a line)
     * @param noise    standard deviation of the noise on bᵢ
     * @param dataSeed seed of the data
     * @param trueW    slope of the line the data come from
     * @param trueB    intercept of that line
     */
    public Regression(int n, double noise, long dataSeed, double trueW, double trueB) {
        if (n < 2) {
            throw new IllegalArgumentException("regression needs n >= 2 points, got " + n);
        }
        this.n = n;
        this.noise = noise;
        this.dataSeed = dataSeed;
        this.trueW = trueW;
        this.trueB = trueB;

        SplittableRandom rng = new SplittableRandom(dataSeed);
        a = new double[n];
        b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 2 * rng.nextDouble();
        }
        Gaussian z = new Gaussian(rng);
        for (int i = 0; i < n; i++) {
            b[i] = trueW * a[i] + trueB + noise * z.next();
        }

        double sa = 0, sb = 0, saa = 0;
        for (int i = 0; i < n; i++) {
            sa += a[i];
            sb += b[i];
            saa += a[i] * a[i];
        }
        double meanA = sa / n, meanB = sb / n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - meanA;
            sxx += da * da;
            sxy += da * (b[i] - meanB);
        }
        haa = saa / n;
        ha = meanA;
        wStar = sxy / sxx;
        bStar = meanB - wStar * meanA;
        double sr = 0;
        for (int i = 0; i < n; i++) {
            double r = wStar * a[i] + bStar - b[i];
            sr += r * r;
        }
        fStar = 0.5 * sr / n;
    }

    /** The spec's defaults: n = 64, noise = 0.5, dataSeed = 7, trueW = 2, trueB = −1. */
    public static Regression defaults() {
        return new Regression(64, 0.5, 7, 2, -1);
    }

    /** The number of points n. */
    public int n() {
        return n;
    }

    public double noise() {
        return noise;
    }

    public long dataSeed() {
        return dataSeed;
    }

    public double trueW() {
        return trueW;
    }

    public double trueB() {
        return trueB;
    }

    /** Input aᵢ of point i, 0 ≤ i &lt; n. */
    public double a(int i) {
        return a[i];
    }

    /** Target bᵢ of point i, 0 ≤ i &lt; n. */
    public double b(int i) {
        return b[i];
    }

    /** Slope w* of the least-squares line: the x of the minimum. */
    public double leastSquaresW() {
        return wStar;
    }

    /** Intercept β* of the least-squares line: the y of the minimum. */
    public double leastSquaresB() {
        return bStar;
    }

    /** f* = f(w*, β*), half the mean squared residual of the best line. */
    public double minimumValue() {
        return fStar;
    }

    /** κ = λ_max/λ_min of the (constant) Hessian. */
    public double conditionNumber() {
        // Eigenvalues of [[haa, ha], [ha, 1]]: (tr ± √(tr² − 4 det)) / 2.
        double tr = haa + 1, det = haa - ha * ha;
        double disc = Math.sqrt(Math.max(0, tr * tr - 4 * det));
        double max = 0.5 * (tr + disc);
        return max / (det / max);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public String type() {
        return "regression";
    }

    @Override
    public Window defaultView() {
        return new Window(-1, 5, -4, 2);
    }

    @Override
    public void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g) {
        final double haa = this.haa, ha = this.ha, ws = wStar, bs = bStar, fs = fStar;
        for (int i = 0; i < n; i++) {
            double dx = p[i] - ws, dy = p[stride + i] - bs;
            double gx = haa * dx + ha * dy;
            double gy = ha * dx + dy;
            f[i] = fs + 0.5 * (dx * gx + dy * gy);
            g[i] = gx;
            g[stride + i] = gy;
        }
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        final double haa = this.haa, ha = this.ha, ws = wStar, bs = bStar, fs = fStar;
        for (int i = 0; i < n; i++) {
            double dx = p[i] - ws, dy = p[stride + i] - bs;
            f[i] = fs + 0.5 * (dx * (haa * dx + ha * dy) + dy * (ha * dx + dy));
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        for (int i = 0; i < n; i++) {
            h[i] = haa;
            h[stride + i] = ha;
            h[2 * stride + i] = 1;
        }
    }

    /** Per example ℓᵢ = ½(x aᵢ + y − bᵢ)², ∇ℓᵢ = (x aᵢ + y − bᵢ)·(aᵢ, 1). */
    @Override
    public double batchValueAndGradient(double x, double y, int[] idx, int from, int to, double[] g) {
        if (to <= from) {
            throw new IllegalArgumentException("empty minibatch [" + from + ", " + to + ")");
        }
        double sum = 0, gx = 0, gy = 0;
        for (int j = from; j < to; j++) {
            int i = idx[j];
            double ai = a[i];
            double r = x * ai + y - b[i];
            sum += r * r;
            gx += r * ai;
            gy += r;
        }
        double m = to - from;
        g[0] = gx / m;
        g[1] = gy / m;
        return 0.5 * sum / m;
    }
}
