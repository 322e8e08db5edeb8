package org.losslab.engine.lesson;

import java.util.List;
import org.losslab.engine.sim.Trajectory;

/**
 * What a claim can measure on a scenario's runs, from the recorded trajectory (point θ_k, loss f_k,
 * gradient norm, rate η_k and channels of every step k = 0 … K, K the last recorded step, the
 * step of divergence for a diverged run).
 */
public enum PathQuantity {
    /** f_K. */
    FINAL_LOSS("finalLoss"),
    /** min_k f_k. */
    MIN_LOSS("minLoss"),
    /** f at {@code step}. */
    LOSS_AT("lossAt"),
    /** ‖∇f(θ_K)‖. */
    FINAL_GRAD_NORM("finalGradNorm"),
    /** x of θ_K (or of θ at {@code step}). */
    X("x"),
    /** y of θ_K (or of θ at {@code step}). */
    Y("y"),
    /** 1 if the run diverged, else 0. */
    DIVERGED("diverged"),
    /** The step at which the run diverged; +∞ if it did not. */
    DIVERGED_AT("divergedAt"),
    /** The first k with f_k ≤ {@code threshold}; +∞ if none. */
    STEPS_TO("stepsTo"),
    /**
     * The per-step contraction factor r of the distance to {@code target} (or to run {@code other}'s final
     * point): exp of the least-squares slope of ln‖θ_k − θ*‖ over k in [{@code from}, {@code to}]; the
     * textbook rates (κ − 1)/(κ + 1) and (√κ − 1)/(√κ + 1) are this r.
     */
    CONTRACTION("contraction"),
    /** ‖θ_K − θ*‖ (θ at {@code step} when given), θ* = {@code target} or run {@code other}'s final point. */
    DISTANCE("distance"),
    /** ‖θ̄ − θ*‖ with θ̄ the mean of θ_k over [{@code from}, {@code to}] (Polyak averaging). */
    MEAN_DISTANCE("meanDistance"),
    /** The number of steps k with f_k &gt; f_{k−1}. */
    LOSS_INCREASES("lossIncreases"),
    /** ‖θ_k − θ_{k−1}‖ at k = {@code step} (default 1): the length of one update. */
    STEP_LENGTH("stepLength"),
    /** η of the update that produced step {@code step} (default the last). */
    LR_AT("lr"),
    /** The step whose update had the largest η. */
    LR_ARGMAX("lrArgmax"),
    /** The number of steps k whose η_k exceeds η_{k−1}: restarts and warmup ramps. */
    LR_INCREASES("lrIncreases"),
    /** The named {@code channel} at {@code step} (default the last), e.g. Armijo's accepted step. */
    CHANNEL("channel"),
    /** min over k ≥ 1 of the named {@code channel}. */
    CHANNEL_MIN("channelMin"),
    /** max_k ‖θ_k − θ'_k‖ against run {@code other} over their common steps: 0 when the paths agree exactly. */
    MAX_DEVIATION("maxDeviation");

    private final String key;

    PathQuantity(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static PathQuantity of(String key) {
        for (PathQuantity q : values()) {
            if (q.key.equals(key)) {
                return q;
            }
        }
        return null;
    }

    /** Does this quantity need a target point (its own or another run's)? */
    public boolean needsTarget() {
        return this == CONTRACTION || this == DISTANCE || this == MEAN_DISTANCE;
    }

    /** The value for run {@code run} of {@code runs}. */
    public double measure(List<Trajectory> runs, int run, MeasureArgs a) {
        Trajectory t = runs.get(run);
        int last = t.size() - 1;
        int at = a.step() < 0 ? last : (int) Math.min(a.step(), last);
        switch (this) {
            case FINAL_LOSS:
                return t.loss(last);
            case MIN_LOSS: {
                double m = Double.POSITIVE_INFINITY;
                for (int k = 0; k <= last; k++) {
                    m = Math.min(m, t.loss(k));
                }
                return m;
            }
            case LOSS_AT:
                return a.step() > last ? Double.NaN : t.loss(at);
            case FINAL_GRAD_NORM:
                return t.gradNorm(last);
            case X:
                return t.x(at);
            case Y:
                return t.y(at);
            case DIVERGED:
                return t.diverged() ? 1 : 0;
            case DIVERGED_AT:
                return t.diverged() ? t.divergedAt() : Double.POSITIVE_INFINITY;
            case STEPS_TO:
                for (int k = 0; k <= last; k++) {
                    if (t.loss(k) <= a.threshold()) {
                        return k;
                    }
                }
                return Double.POSITIVE_INFINITY;
            case CONTRACTION:
                return contraction(t, target(runs, a), a.from(), a.to() < 0 ? last : Math.min(a.to(), last));
            case DISTANCE: {
                double[] p = target(runs, a);
                return Math.hypot(t.x(at) - p[0], t.y(at) - p[1]);
            }
            case MEAN_DISTANCE: {
                double[] p = target(runs, a);
                long to = a.to() < 0 ? last : Math.min(a.to(), last);
                double sx = 0, sy = 0;
                for (long k = a.from(); k <= to; k++) {
                    sx += t.x((int) k);
                    sy += t.y((int) k);
                }
                long n = to - a.from() + 1;
                return n < 1 ? Double.NaN : Math.hypot(sx / n - p[0], sy / n - p[1]);
            }
            case LOSS_INCREASES: {
                int c = 0;
                for (int k = 1; k <= last; k++) {
                    if (t.loss(k) > t.loss(k - 1)) {
                        c++;
                    }
                }
                return c;
            }
            case STEP_LENGTH: {
                int k = a.step() < 0 ? 1 : (int) a.step();
                return k < 1 || k > last ? Double.NaN : Math.hypot(t.x(k) - t.x(k - 1), t.y(k) - t.y(k - 1));
            }
            case LR_AT:
                return at < 1 ? Double.NaN : t.lr(at);
            case LR_ARGMAX: {
                int best = -1;
                for (int k = 1; k <= last; k++) {
                    if (best < 0 || t.lr(k) > t.lr(best)) {
                        best = k;
                    }
                }
                return best < 0 ? Double.NaN : best;
            }
            case LR_INCREASES: {
                int c = 0;
                for (int k = 2; k <= last; k++) {
                    if (t.lr(k) > t.lr(k - 1)) {
                        c++;
                    }
                }
                return c;
            }
            case CHANNEL: {
                int ch = t.channel(a.channel());
                return ch < 0 || at < 1 ? Double.NaN : t.channel(ch, at);
            }
            case CHANNEL_MIN: {
                int ch = t.channel(a.channel());
                double m = Double.NaN;
                for (int k = 1; ch >= 0 && k <= last; k++) {
                    double v = t.channel(ch, k);
                    m = Double.isNaN(m) ? v : Math.min(m, v);
                }
                return m;
            }
            case MAX_DEVIATION: {
                Trajectory o = runs.get(a.other());
                int n = Math.min(t.size(), o.size());
                double m = 0;
                for (int k = 0; k < n; k++) {
                    m = Math.max(m, Math.hypot(t.x(k) - o.x(k), t.y(k) - o.y(k)));
                }
                return t.size() == o.size() ? m : Double.POSITIVE_INFINITY;
            }
            default:
                throw new AssertionError(this);
        }
    }

    private static double[] target(List<Trajectory> runs, MeasureArgs a) {
        if (a.target() != null) {
            return a.target();
        }
        Trajectory o = runs.get(a.other());
        int k = o.size() - 1;
        return new double[] {o.x(k), o.y(k)};
    }

    /** exp of the least-squares slope of ln‖θ_k − p‖ against k over [from, to]; NaN with fewer than two usable points. */
    static double contraction(Trajectory t, double[] p, long from, long to) {
        double n = 0, sk = 0, sl = 0, skk = 0, skl = 0;
        for (long k = from; k <= to; k++) {
            double d = Math.hypot(t.x((int) k) - p[0], t.y((int) k) - p[1]);
            if (!(d > 0) || !Double.isFinite(d)) {
                continue;
            }
            double l = Math.log(d);
            n++;
            sk += k;
            sl += l;
            skk += (double) k * k;
            skl += k * l;
        }
        if (n < 2) {
            return Double.NaN;
        }
        double slope = (n * skl - sk * sl) / (n * skk - sk * sk);
        return Math.exp(slope);
    }
}
