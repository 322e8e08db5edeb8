package org.losslab.engine.update;

import java.util.List;
import org.losslab.engine.random.Gaussian;
import org.losslab.engine.random.Seeds;

/**
 * Step 1 replaced by a gradient-free estimate: the natural evolution strategy of Salimans, Ho, Chen,
 * Sidor &amp; Sutskever, "Evolution Strategies as a Scalable Alternative to Reinforcement Learning"
 * (arXiv:1703.03864, 2017), Algorithm 1 with its mirrored sampling and fitness shaping, for a loss
 * to minimize. With population n, noise scale σ and ε_i ~ N(0, I):
 * <pre>
 *   F_i = L_B(θ_t + σε_i),   i = 1 … n     (antithetic: ε_{n/2+j} = −ε_j, n even)
 *   u_i = rank(F_i)/(n − 1) − ½            (rankShaping: centred ranks, rank 0 the lowest loss; else u_i = F_i)
 *   g  ← (1/(nσ)) Σ_i u_i ε_i
 * </pre>
 * an estimate of the gradient of the Gaussian-smoothed loss E[L(θ + σε)], which any optimizer then
 * consumes in place of ∇L. Only loss values are used. Ties rank in sample order. The draws come
 * from the run's own stream ({@link Seeds#ESTIMATOR}), one variate per coordinate, sample by
 * sample. On a surface the first {@value #DRAWN} samples of each update are reported as channels
 * {@code es.x0}, {@code es.y0}, {@code es.x1}, … (their positions θ_t + σε_i) so the app can draw
 * the cloud; the channels of point t + 1 hold the population evaluated around point t.
 */
public final class EvolutionStrategyGradient implements Transform, Traced {
    /** How many samples a surface run reports for drawing. */
    public static final int DRAWN = 32;

    /**
     * @param population  n ≥ 2 (even when antithetic)
     * @param sigma       σ &gt; 0
     * @param antithetic  mirrored pairs ±ε
     * @param rankShaping centred-rank fitness shaping
     */
    public record Config(int population, double sigma, boolean antithetic, boolean rankShaping) implements TransformConfig {
        public Config {
            if (population < 2 || population > 10_000) {
                throw new IllegalArgumentException("population must be from 2 to 10,000, got " + population);
            }
            if (antithetic && population % 2 != 0) {
                throw new IllegalArgumentException("an antithetic population must be even, got " + population);
            }
            if (!(sigma > 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
            }
        }

        @Override
        public Stage stage() {
            return Stage.GRADIENT_ESTIMATOR;
        }

        @Override
        public boolean isIdentity() {
            return false;
        }

        @Override
        public Transform newBatch(int dim, int stride, List<? extends TransformConfig> slots, RandomStreams streams) {
            Config[] c = new Config[stride];
            Gaussian[] rng = new Gaussian[stride];
            for (int r = 0; r < slots.size(); r++) {
                if (slots.get(r) instanceof Config k) {
                    c[r] = k;
                    rng[r] = new Gaussian(streams.seed(r, Seeds.ESTIMATOR));
                }
            }
            return new EvolutionStrategyGradient(dim, stride, c, rng);
        }
    }

    private final int dim, stride, maxPopulation;
    private final Config[] config;
    private final Gaussian[] rng;
    /** ε of sample i for all runs: eps[i][c·stride + r]. */
    private final double[][] eps;
    /** F_i per run: fitness[i][r]. */
    private final double[][] fitness;
    private final double[] probe, probeLoss, probeGrad, shaped;
    private final int[] order;
    private final List<String> channels;
    /** θ_t of the last update, for the drawn samples (surfaces only); NaN before the first. */
    private final double[] sampleOrigin;

    private EvolutionStrategyGradient(int dim, int stride, Config[] config, Gaussian[] rng) {
        this.dim = dim;
        this.stride = stride;
        this.config = config;
        this.rng = rng;
        int m = 0;
        for (Config c : config) {
            m = c == null ? m : Math.max(m, c.population);
        }
        maxPopulation = m;
        eps = new double[m][dim * stride];
        fitness = new double[m][stride];
        probe = new double[dim * stride];
        probeLoss = new double[stride];
        probeGrad = new double[dim * stride];
        shaped = new double[m];
        order = new int[m];
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        if (dim == 2) {
            for (int i = 0; i < Math.min(DRAWN, m); i++) {
                names.add("es.x" + i);
                names.add("es.y" + i);
            }
        }
        channels = List.copyOf(names);
        sampleOrigin = new double[dim == 2 ? 2 * stride : 0];
        java.util.Arrays.fill(sampleOrigin, Double.NaN);
    }

    @Override
    public void apply(Update u) {
        final int n = u.n;
        final double[] theta = u.theta, g = u.g;
        if (dim == 2) {
            System.arraycopy(theta, 0, sampleOrigin, 0, n);
            System.arraycopy(theta, stride, sampleOrigin, stride, n);
        }
        for (int r = 0; r < n; r++) {
            Config c = config[r];
            if (c == null) {
                continue;
            }
            int draws = c.antithetic ? c.population / 2 : c.population;
            for (int i = 0; i < draws; i++) {
                for (int d = 0; d < dim; d++) {
                    double e = rng[r].next();
                    eps[i][d * stride + r] = e;
                    if (c.antithetic) {
                        eps[i + draws][d * stride + r] = -e;
                    }
                }
            }
        }
        // All runs' sample i are evaluated in one batch call; a run with a smaller population (or
        // none) is probed at θ itself and its value is ignored.
        for (int i = 0; i < maxPopulation; i++) {
            for (int d = 0; d < dim; d++) {
                final int o = d * stride;
                for (int r = 0; r < n; r++) {
                    Config c = config[r];
                    probe[o + r] = c != null && i < c.population ? theta[o + r] + c.sigma * eps[i][o + r] : theta[o + r];
                }
            }
            u.batch.valueAndGradient(n, probe, probeLoss, probeGrad);
            System.arraycopy(probeLoss, 0, fitness[i], 0, n);
        }
        for (int r = 0; r < n; r++) {
            Config c = config[r];
            if (c == null) {
                continue;
            }
            int pop = c.population;
            shape(r, c);
            double scale = 1.0 / (pop * c.sigma);
            for (int d = 0; d < dim; d++) {
                int o = d * stride + r;
                double s = 0;
                for (int i = 0; i < pop; i++) {
                    s += shaped[i] * eps[i][o];
                }
                g[o] = s * scale;
            }
        }
    }

    /** shaped[i] = u_i of run r. */
    private void shape(int r, Config c) {
        int pop = c.population;
        if (!c.rankShaping) {
            for (int i = 0; i < pop; i++) {
                shaped[i] = fitness[i][r];
            }
            return;
        }
        // Stable insertion sort of the sample indices by loss (a NaN loss ranks last).
        for (int i = 0; i < pop; i++) {
            int j = i;
            double f = fitness[i][r];
            while (j > 0 && greater(fitness[order[j - 1]][r], f)) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        for (int rank = 0; rank < pop; rank++) {
            shaped[order[rank]] = (double) rank / (pop - 1) - 0.5;
        }
    }

    private static boolean greater(double a, double b) {
        return Double.isNaN(b) ? false : Double.isNaN(a) || a > b;
    }

    @Override
    public void moveRun(int from, int to) {
        config[to] = config[from];
        rng[to] = rng[from];
        if (dim == 2) {
            sampleOrigin[to] = sampleOrigin[from];
            sampleOrigin[stride + to] = sampleOrigin[stride + from];
        }
        for (int i = 0; i < maxPopulation; i++) {
            for (int d = 0; d < dim; d++) {
                eps[i][d * stride + to] = eps[i][d * stride + from];
            }
        }
    }

    @Override
    public List<String> channels() {
        return channels;
    }

    @Override
    public double channel(int k, int slot) {
        Config c = config[slot];
        int i = k / 2;
        if (c == null || i >= c.population) {
            return Double.NaN;
        }
        return sampleOrigin[k % 2 * stride + slot] + c.sigma * eps[i][k % 2 * stride + slot];
    }
}
