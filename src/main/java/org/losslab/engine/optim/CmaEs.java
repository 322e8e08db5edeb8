package org.losslab.engine.optim;

import java.util.List;
import org.losslab.engine.random.Gaussian;

/**
 * The covariance matrix adaptation evolution strategy, (μ/μ_W, λ)-CMA-ES with the default
 * parameters of N. Hansen, "The CMA Evolution Strategy: A Tutorial", arXiv:1604.00772 (2016),
 * Table 1 and Fig. 6, one generation per update. It uses only loss values at its samples (through
 * {@link Objective#valueAndGradient}; the gradient it is handed is ignored), so it crosses
 * kinks, plateaus and ripples where gradient methods stall. The mean m is the run's point θ.
 *
 * <p>Each generation g, with n = dim, the mean m, step size σ, covariance C, evolution paths p_σ,
 * p_c (0 at the start, C = I, σ = σ₀) and the learning rate η = c_m:
 * <pre>
 *   z_k ~ N(0, I),  y_k = C^½·z_k,  x_k = m + σ·y_k,  f_k = f(x_k)          k = 1 … λ   (38–40)
 *   sort by f: y_{i:λ} is the i-th best;  ⟨y⟩_w = Σ_{i≤μ} w_i·y_{i:λ}
 *   m   ← m + c_m·σ·⟨y⟩_w                                                             (41–42)
 *   p_σ ← (1 − c_σ)·p_σ + √(c_σ(2 − c_σ)μ_eff)·C^−½·⟨y⟩_w                              (43)
 *   σ   ← σ·exp((c_σ/d_σ)·(‖p_σ‖/E‖N(0, I)‖ − 1))                                      (44)
 *   h_σ = [‖p_σ‖/√(1 − (1 − c_σ)^(2(g+1))) &lt; (1.4 + 2/(n + 1))·E‖N(0, I)‖]
 *   p_c ← (1 − c_c)·p_c + h_σ·√(c_c(2 − c_c)μ_eff)·⟨y⟩_w                               (45)
 *   w°_i = w_i·(w_i ≥ 0 ? 1 : n/‖C^−½·y_{i:λ}‖²)                                       (46)
 *   C   ← (1 + c₁δ(h_σ) − c₁ − c_μ·Σ_j w_j)·C + c₁·p_c·p_cᵀ + c_μ·Σ_{i≤λ} w°_i·y_{i:λ}·y_{i:λᵀ}   (47)
 *         with δ(h_σ) = (1 − h_σ)·c_c(2 − c_c)
 * </pre>
 * and the defaults (Table 1; α_cov = 2):
 * <pre>
 *   λ = 4 + ⌊3 ln n⌋,  μ = ⌊λ/2⌋,  w′_i = ln((λ + 1)/2) − ln i
 *   μ_eff = (Σ_{i≤μ} w′_i)²/Σ_{i≤μ} w′_i²,   μ_eff⁻ likewise over i &gt; μ
 *   c_σ = (μ_eff + 2)/(n + μ_eff + 5),   d_σ = 1 + 2·max(0, √((μ_eff − 1)/(n + 1)) − 1) + c_σ
 *   c_c = (4 + μ_eff/n)/(n + 4 + 2μ_eff/n),   c₁ = α_cov/((n + 1.3)² + μ_eff)
 *   c_μ = min(1 − c₁, α_cov·(μ_eff − 2 + 1/μ_eff)/((n + 2)² + α_cov·μ_eff/2))
 *   w_i = w′_i/Σ|w′|⁺ for w′_i ≥ 0,  else min(1 + c₁/c_μ, 1 + 2μ_eff⁻/(μ_eff + 2), (1 − c₁ − c_μ)/(n·c_μ))·w′_i/Σ|w′|⁻
 *   E‖N(0, I)‖ ≈ √n·(1 − 1/(4n) + 1/(21n²))
 * </pre>
 * One departure in form, not in distribution: the tutorial samples y_k = B·D·z_k from C = B·D²·Bᵀ;
 * this samples y_k = B·D·Bᵀ·z_k = C^½·z_k, which has the same law N(0, C) (Bᵀz_k is again
 * N(0, I)) but, unlike B·D, does not depend on the signs and order an eigen-solver gives its
 * eigenvectors ({@link SymmetricRoots}), so the same draws give the same samples in any
 * implementation. The draws come from the run's own stream ({@link Gaussian}, seeded per run),
 * n at a time for k = 1 … λ. Ties in f keep the sampling order; NaN ranks last. A C that is no
 * longer finite and positive definite makes θ NaN, which the caller reports as a divergence.
 * torch.optim has no CMA-ES.
 */
public final class CmaEs implements RunOptimizer {

    /**
     * CMA-ES's settings.
     *
     * @param lr         c_m, the learning rate of the mean, in (0, 1] (Hansen: 1)
     * @param population λ ≥ 2, or 0 for the default 4 + ⌊3 ln n⌋
     * @param sigma0     σ₀ &gt; 0, the initial step size (the spread of the first population)
     */
    public record Config(double lr, int population, double sigma0) implements OptimizerConfig {
        public Config {
            if (!(lr > 0 && lr <= 1)) {
                throw new IllegalArgumentException("lr (c_m) must be in (0, 1], got " + lr);
            }
            if (population != 0 && population < 2) {
                throw new IllegalArgumentException("population must be >= 2, got " + population);
            }
            if (!(sigma0 > 0) || !Double.isFinite(sigma0)) {
                throw new IllegalArgumentException("sigma0 must be > 0, got " + sigma0);
            }
        }

        /** c_m = 1, the default population, σ₀ = 0.5. */
        public static Config defaults() {
            return new Config(1, 0, 0.5);
        }

        /** λ in n dimensions: the given population or Hansen's default. */
        public int lambda(int n) {
            return population > 0 ? population : 4 + (int) Math.floor(3 * Math.log(n));
        }

        @Override
        public Optimizer newBatch(int dim, int stride, List<? extends OptimizerConfig> configs) {
            return OptimizerConfig.create(dim, stride, configs);
        }

        @Override
        public Optimizer newBatch(int dim, int stride, List<? extends OptimizerConfig> configs, long[] seeds) {
            int[] slot = {0};
            return new PerRun(dim, stride, configs, c -> new CmaEs(dim, (Config) c, seeds[slot[0]++]));
        }

        @Override
        public String type() {
            return "cmaes";
        }

        @Override
        public Config withLr(double lr) {
            return new Config(lr, population, sigma0);
        }
    }

    private static final List<String> CHANNELS_2D = List.of("cmaes.sigma", "cmaes.c11", "cmaes.c12", "cmaes.c22");
    private static final List<String> CHANNELS = List.of("cmaes.sigma");

    private final int n, lambda, mu;
    private final double sigma0, mueff, cs, ds, cc, c1, cmu, chiN, sumW;
    /** The recombination weights w_1 … w_λ (positive for the μ best, negative after). */
    private final double[] w;
    private final long seed;
    private Gaussian gauss;

    // State: step size, evolution paths, covariance (row-major), generations done.
    private double sigma;
    private final double[] ps, pc, c;
    private long generation;

    // Scratch: the population's y_k (row k), their values and ranking, one sample, the roots of C.
    private final double[] y, f, x, g, z, yw;
    private final int[] order;
    private final double[] sqrtC, invSqrtC;
    private final SymmetricRoots roots;

    CmaEs(int dim, Config config, long seed) {
        n = dim;
        lambda = config.lambda(dim);
        mu = lambda / 2;
        sigma0 = config.sigma0();
        this.seed = seed;
        // Table 1: the weights' shape, μ_eff, the learning rates, then the negative weights' scale.
        double[] raw = new double[lambda];
        double posSum = 0, posSq = 0, negSum = 0, negSq = 0;
        for (int i = 0; i < lambda; i++) {
            raw[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
            if (i < mu) {
                posSum += raw[i];
                posSq += raw[i] * raw[i];
            } else {
                negSum += raw[i];
                negSq += raw[i] * raw[i];
            }
        }
        mueff = posSum * posSum / posSq;
        double mueffMinus = negSq > 0 ? negSum * negSum / negSq : 0;
        double alphaCov = 2;
        c1 = alphaCov / ((n + 1.3) * (n + 1.3) + mueff);
        cmu = Math.min(1 - c1, alphaCov * (mueff - 2 + 1 / mueff) / ((n + 2) * (n + 2) + alphaCov * mueff / 2));
        double alphaMu = 1 + c1 / cmu;
        double alphaMueff = 1 + 2 * mueffMinus / (mueff + 2);
        double alphaPosdef = (1 - c1 - cmu) / (n * cmu);
        double negScale = Math.min(alphaMu, Math.min(alphaMueff, alphaPosdef));
        double positive = 0, negative = 0;
        for (double r : raw) {
            if (r >= 0) {
                positive += r;
            } else {
                negative -= r;
            }
        }
        w = new double[lambda];
        double s = 0;
        for (int i = 0; i < lambda; i++) {
            w[i] = raw[i] >= 0 ? raw[i] / positive : negScale * raw[i] / negative;
            s += w[i];
        }
        sumW = s;
        cs = (mueff + 2) / (n + mueff + 5);
        ds = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
        cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
        chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        ps = new double[n];
        pc = new double[n];
        c = new double[n * n];
        y = new double[lambda * n];
        f = new double[lambda];
        order = new int[lambda];
        x = new double[n];
        g = new double[n];
        z = new double[n];
        yw = new double[n];
        sqrtC = new double[n * n];
        invSqrtC = new double[n * n];
        roots = new SymmetricRoots(n);
        reset();
    }

    @Override
    public void reset() {
        sigma = sigma0;
        java.util.Arrays.fill(ps, 0);
        java.util.Arrays.fill(pc, 0);
        java.util.Arrays.fill(c, 0);
        for (int i = 0; i < n; i++) {
            c[i * n + i] = 1;
        }
        generation = 0;
        gauss = new Gaussian(seed);
    }

    @Override
    public void step(double[] theta, double[] grad, double loss, double lr, int run, Objective objective) {
        if (!roots.compute(c, sqrtC, invSqrtC) || !(sigma > 0) || !Double.isFinite(sigma)) {
            java.util.Arrays.fill(theta, Double.NaN);
            return;
        }
        for (int k = 0; k < lambda; k++) {
            for (int i = 0; i < n; i++) {
                z[i] = gauss.next();
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += sqrtC[i * n + j] * z[j];
                }
                y[k * n + i] = s;
                x[i] = theta[i] + sigma * s;
            }
            f[k] = objective.valueAndGradient(run, x, g);
        }
        rank();
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int r = 0; r < mu; r++) {
                s += w[r] * y[order[r] * n + i];
            }
            yw[i] = s;
            theta[i] += lr * sigma * s;
        }
        // Step-size path: C^−½·⟨y⟩_w makes it isotropic, so its length compares with E‖N(0, I)‖.
        double psScale = Math.sqrt(cs * (2 - cs) * mueff), psNorm2 = 0;
        for (int i = 0; i < n; i++) {
            ps[i] = (1 - cs) * ps[i] + psScale * dotRow(invSqrtC, i, yw, 0);
            psNorm2 += ps[i] * ps[i];
        }
        double psNorm = Math.sqrt(psNorm2);
        boolean hs = psNorm / Math.sqrt(1 - Math.pow(1 - cs, 2 * (generation + 1))) < (1.4 + 2.0 / (n + 1)) * chiN;
        double pcScale = hs ? Math.sqrt(cc * (2 - cc) * mueff) : 0;
        for (int i = 0; i < n; i++) {
            pc[i] = (1 - cc) * pc[i] + pcScale * yw[i];
        }
        double delta = hs ? 0 : cc * (2 - cc);
        // w°: a negative weight is rescaled by n/‖C^−½·y‖², so a far-off bad sample cannot make C indefinite.
        for (int r = 0; r < lambda; r++) {
            double wr = w[r];
            if (wr < 0) {
                double m2 = 0;
                for (int i = 0; i < n; i++) {
                    double v = dotRow(invSqrtC, i, y, order[r] * n);
                    m2 += v * v;
                }
                wr *= n / m2;
            }
            f[r] = wr;
        }
        // f now holds w°_r by rank (the values are no longer needed).
        double keep = 1 + c1 * delta - c1 - cmu * sumW;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double rankMu = 0;
                for (int r = 0; r < lambda; r++) {
                    int k = order[r] * n;
                    rankMu += f[r] * y[k + i] * y[k + j];
                }
                double v = keep * c[i * n + j] + c1 * pc[i] * pc[j] + cmu * rankMu;
                c[i * n + j] = c[j * n + i] = v;
            }
        }
        sigma *= Math.exp(cs / ds * (psNorm / chiN - 1));
        generation++;
    }

    /** Row i of an n × n matrix times v[from … from + n). */
    private double dotRow(double[] m, int i, double[] v, int from) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += m[i * n + j] * v[from + j];
        }
        return s;
    }

    /** order ← the sample indices by increasing f: a stable insertion sort (λ is small), NaN last. */
    private void rank() {
        for (int k = 0; k < lambda; k++) {
            int j = k;
            while (j > 0 && before(f[k], f[order[j - 1]])) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = k;
        }
    }

    private static boolean before(double a, double b) {
        return a < b || (Double.isNaN(b) && !Double.isNaN(a));
    }

    @Override
    public List<String> channels() {
        return n == 2 ? CHANNELS_2D : CHANNELS;
    }

    /** σ, then (in 2-D) C₁₁, C₁₂, C₂₂: the next generation samples N(θ, σ²C). */
    @Override
    public double channel(int k) {
        return k == 0 ? sigma : k == 1 ? c[0] : k == 2 ? c[1] : c[3];
    }

    /** The step size σ of the next generation. */
    double sigma() {
        return sigma;
    }

    /** C of the next generation, row-major. Read-only. */
    double[] covariance() {
        return c;
    }

    int lambda() {
        return lambda;
    }
}
