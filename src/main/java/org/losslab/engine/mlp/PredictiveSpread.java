package org.losslab.engine.mlp;

/**
 * The mean and spread of several predictions of the same points — T stochastic passes of MC dropout
 * ({@link McDropout}) or the M members of a deep ensemble ({@link Ensemble}):
 * <pre>
 *   p̄(x) = (1/T) Σ_t p⁽ᵗ⁾(x),   s(x) = √( (1/T) Σ_t (p⁽ᵗ⁾_c(x) − p̄_c(x))² ),   c = argmax_c p̄_c(x)
 * </pre>
 * the standard deviation of the output the mean picks: P(class 1) with a sigmoid output, the chosen
 * class's probability with softmax (or the chosen unit of a one-hot MSE output), ŷ for regression.
 *
 * @param mean    p̄, laid out as {@link Network#predict}: {@code mean[c·n + i]}
 * @param spread  s at each point
 * @param samples T
 */
public record PredictiveSpread(int n, int units, int samples, double[] mean, double[] spread) {
    public PredictiveSpread {
        mean = mean.clone();
        spread = spread.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] spread() {
        return spread.clone();
    }

    /** s at point i, without copying. */
    public double spreadAt(int i) {
        return spread[i];
    }

    /** p̄ of output c at point i, without copying. */
    public double meanAt(int c, int i) {
        return mean[c * n + i];
    }

    /** The class the mean predicts at point i (for classification outputs). */
    public int predicted(int i, Output output) {
        if (units == 1) {
            // P(class 1) of a sigmoid, or the 0/1 label regressed by one linear unit: both split at ½.
            return meanAt(0, i) > 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < units; c++) {
            if (meanAt(c, i) > meanAt(best, i)) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Adds predictions one at a time (Welford's update of the means and variances, so large
     * regression outputs lose no digits): fill {@link #buffer()}, then {@link #add()}.
     */
    static final class Accumulator {
        private final int n, units;
        private final double[] out, mean, m2;
        private int t;

        Accumulator(int n, int units) {
            this.n = n;
            this.units = units;
            out = new double[units * n];
            mean = new double[units * n];
            m2 = new double[units * n];
        }

        /** Where the next prediction goes (units·n values). */
        double[] buffer() {
            return out;
        }

        void add() {
            t++;
            for (int k = 0; k < out.length; k++) {
                double d = out[k] - mean[k];
                mean[k] += d / t;
                m2[k] += d * (out[k] - mean[k]);
            }
        }

        PredictiveSpread result() {
            double[] spread = new double[n];
            for (int i = 0; i < n; i++) {
                int c = 0;
                for (int k = 1; k < units; k++) {
                    if (mean[k * n + i] > mean[c * n + i]) {
                        c = k;
                    }
                }
                spread[i] = Math.sqrt(m2[c * n + i] / t);
            }
            return new PredictiveSpread(n, units, t, mean, spread);
        }
    }
}
