package org.losslab.engine.update;

import java.util.List;

/**
 * Stochastic weight averaging (Izmailov et al., "Averaging Weights Leads to Wider Optima and Better
 * Generalization", UAI 2018) as torch.optim.swa_utils does it: an equal average of the iterates
 * (AveragedModel's default {@code avg_fn}) and, optionally, SWALR's rate.
 * <pre>
 *   after update t, for t ≥ start and (t − start) mod every = 0:
 *       θ_swa ← θ_{t+1} (first time),   θ_swa ← θ_swa + (θ_{t+1} − θ_swa)/(n + 1),   n ← n + 1
 *   SWALR (with swaLr), for updates t &gt; start, j = t − start = 1, 2, …:
 *       a_j = anneal(min(1, j/A)),   lr_t = swaLr·a_j + lr'·(1 − a_j),
 *       lr' = (lr_{t−1} − a_{j−1}·swaLr)/(1 − a_{j−1})   (swaLr when a_{j−1} = 1)
 * </pre>
 * with A = annealSteps (taken as 1 when 0), anneal(x) = (1 − cos πx)/2 ("cos") or x ("linear"),
 * a₀ = 0: torch's {@code SWALR.get_lr}, stepped once per update from the update after {@code start}
 * (its start rate is the schedule's rate of update {@code start}). The iterate θ is not changed;
 * the average is reported as channels {@code swa.x}, {@code swa.y} on a surface (NaN before the
 * first averaged point), the path the app draws.
 */
public final class StochasticWeightAveraging implements Transform, Traced {
    private static final List<String> CHANNELS = List.of("swa.x", "swa.y");

    /**
     * @param start          the first update whose new point joins the average (≥ 0)
     * @param every          average every this many updates (≥ 1)
     * @param swaLr          SWALR's target rate, or NaN to keep the schedule's rate
     * @param annealSteps    SWALR's anneal_epochs, in updates (≥ 0)
     * @param cosine         "cos" (true) or "linear" annealing
     */
    public record Config(long start, long every, double swaLr, long annealSteps, boolean cosine) implements TransformConfig {
        public Config {
            if (start < 0 || every < 1 || annealSteps < 0) {
                throw new IllegalArgumentException("swa needs start ≥ 0, every ≥ 1, annealSteps ≥ 0: "
                        + start + ", " + every + ", " + annealSteps);
            }
            if (!Double.isNaN(swaLr) && !(swaLr >= 0 && swaLr < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("swaLr must be ≥ 0, got " + swaLr);
            }
        }

        @Override
        public Stage stage() {
            return Stage.SWA;
        }

        @Override
        public boolean isIdentity() {
            return false;
        }

        @Override
        public Transform newBatch(int dim, int stride, List<? extends TransformConfig> slots, RandomStreams streams) {
            Config[] c = new Config[stride];
            for (int r = 0; r < slots.size(); r++) {
                c[r] = slots.get(r) instanceof Config k ? k : null;
            }
            return new StochasticWeightAveraging(dim, stride, c);
        }

        /** SWALR's anneal function at x in [0, 1]. */
        double anneal(double x) {
            return cosine ? (1 - Math.cos(Math.PI * x)) / 2 : x;
        }
    }

    private final int dim, stride;
    private final Config[] config;
    private final double[] average;
    /** Points averaged so far, per run (torch's n_averaged). */
    private final long[] count;
    /** SWALR's rate of the last update per run (the optimizer's group lr in torch, which the schedule no longer sets). */
    private final double[] swaRate;
    private final boolean changesRate;

    private StochasticWeightAveraging(int dim, int stride, Config[] config) {
        this.dim = dim;
        this.stride = stride;
        this.config = config;
        average = new double[dim * stride];
        java.util.Arrays.fill(average, Double.NaN);
        count = new long[stride];
        swaRate = new double[stride];
        boolean rate = false;
        for (Config c : config) {
            rate |= c != null && !Double.isNaN(c.swaLr);
        }
        changesRate = rate;
    }

    @Override
    public boolean changesRate() {
        return changesRate;
    }

    /** SWALR: from the update after {@code start}, the rate anneals from the current one to swaLr. */
    @Override
    public void beforeStep(Update u) {
        if (!changesRate) {
            return;
        }
        final long t = u.t;
        final double[] lr = u.lr;
        for (int r = 0; r < u.n; r++) {
            Config c = config[r];
            if (c == null || Double.isNaN(c.swaLr) || t < c.start) {
                continue;
            }
            if (t == c.start) {
                // Update start still runs at the schedule's rate; SWALR anneals from it.
                swaRate[r] = lr[r];
                continue;
            }
            long j = t - c.start;
            // torch: with anneal_epochs = 0, step = max(1, step); the same here since j ≥ 1.
            double steps = Math.max(1, c.annealSteps);
            if (j - 1 >= steps) {
                // Annealed: both alphas are 1, and torch's formula gives swaLr·1 + swaLr·0 = swaLr exactly.
                swaRate[r] = c.swaLr;
                lr[r] = c.swaLr;
                continue;
            }
            double prevAlpha = c.anneal(Math.max(0, Math.min(1, (j - 1) / steps)));
            double prev = prevAlpha == 1 ? c.swaLr : (swaRate[r] - prevAlpha * c.swaLr) / (1 - prevAlpha);
            double alpha = c.anneal(Math.max(0, Math.min(1, j / steps)));
            swaRate[r] = c.swaLr * alpha + prev * (1 - alpha);
            lr[r] = swaRate[r];
        }
    }

    @Override
    public void apply(Update u) {
        final long t = u.t;
        final double[] theta = u.theta;
        for (int r = 0; r < u.n; r++) {
            Config c = config[r];
            if (c == null || t < c.start || (t - c.start) % c.every != 0) {
                continue;
            }
            long m = count[r];
            for (int d = 0; d < dim; d++) {
                int i = d * stride + r;
                // AveragedModel: copy at the first call, then p_swa + (p − p_swa)/(n_averaged + 1).
                average[i] = m == 0 ? theta[i] : average[i] + (theta[i] - average[i]) / (m + 1);
            }
            count[r] = m + 1;
        }
    }

    @Override
    public void moveRun(int from, int to) {
        config[to] = config[from];
        count[to] = count[from];
        swaRate[to] = swaRate[from];
        for (int d = 0; d < dim; d++) {
            average[d * stride + to] = average[d * stride + from];
        }
    }

    /** How many points slot r has averaged (torch's n_averaged). */
    public long averagedPoints(int slot) {
        return count[slot];
    }

    /** The averaged weights of slot r (NaN before the first averaged point), e.g. to evaluate a network's SWA model. */
    public double average(int c, int slot) {
        return average[c * stride + slot];
    }

    @Override
    public List<String> channels() {
        return dim == 2 ? CHANNELS : List.of();
    }

    @Override
    public double channel(int c, int slot) {
        return average[c * stride + slot];
    }
}
