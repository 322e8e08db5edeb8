package org.losslab.engine.mlp;

import java.util.SplittableRandom;

/**
 * Monte Carlo dropout (Gal &amp; Ghahramani 2016, "Dropout as a Bayesian approximation: representing
 * model uncertainty in deep learning"): keep dropout on at test time, run T stochastic passes
 * p⁽¹⁾ … p⁽ᵀ⁾ of the same input, each with fresh masks, and read their mean as the prediction and
 * their spread as the network's uncertainty,
 * <pre>
 *   p̄(x) = (1/T) Σ_t p⁽ᵗ⁾(x),   s(x) = √( (1/T) Σ_t (p⁽ᵗ⁾_c(x) − p̄_c(x))² ),   c = argmax_c p̄_c(x)
 * </pre>
 * the standard deviation of the output the mean picks: P(class 1) with a sigmoid output, the chosen
 * class's probability with softmax (or the chosen unit of a one-hot MSE output), ŷ for regression.
 * Normalization stays in evaluation mode (running statistics) as in {@code model.eval()} with the
 * dropout modules switched back to training. Means and variances accumulate by Welford's update, so
 * large regression outputs lose no digits.
 */
public final class McDropout {
    /** The default number of stochastic passes. */
    public static final int DEFAULT_PASSES = 30;

    private McDropout() {
    }

    /**
     * T passes at n points.
     *
     * @param mean   p̄, laid out as {@link Network#predict}: {@code mean[c·n + i]}
     * @param spread s at each point
     */
    public record Prediction(int n, int units, int passes, double[] mean, double[] spread) {
        public Prediction {
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
    }

    /**
     * @param net    a network with dropout (its running statistics, if any, are used). Used as workspace.
     * @param theta  weights. Not modified.
     * @param passes T ≥ 1
     * @param rng    the masks' stream. Advanced.
     */
    public static Prediction predict(BlockNetwork net, double[] theta, int n, double[] x1, double[] x2, int passes,
                                     SplittableRandom rng) {
        if (net.architecture().block().dropout() == 0) {
            throw new IllegalArgumentException("MC dropout needs a network with dropout");
        }
        if (passes < 1) {
            throw new IllegalArgumentException("MC dropout needs at least one pass, got " + passes);
        }
        int units = net.architecture().outputs();
        double[] out = new double[units * n], mean = new double[units * n], m2 = new double[units * n];
        for (int t = 1; t <= passes; t++) {
            net.sample(theta, n, x1, x2, out, rng);
            for (int k = 0; k < out.length; k++) {
                double d = out[k] - mean[k];
                mean[k] += d / t;
                m2[k] += d * (out[k] - mean[k]);
            }
        }
        double[] spread = new double[n];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int k = 1; k < units; k++) {
                if (mean[k * n + i] > mean[c * n + i]) {
                    c = k;
                }
            }
            spread[i] = Math.sqrt(m2[c * n + i] / passes);
        }
        return new Prediction(n, units, passes, mean, spread);
    }

    /**
     * MC-dropout figures of a dataset: the accuracy of the mean prediction, the mean spread over all
     * points and over the points the mean gets wrong and right (NaN where there are none; accuracy
     * NaN for regression).
     */
    public record Summary(double accuracy, double meanSpread, double spreadWrong, double spreadRight) {
    }

    public static Summary summarize(Prediction p, Dataset d, Output output) {
        double all = 0, wrong = 0, right = 0;
        int nWrong = 0, nRight = 0;
        for (int i = 0; i < d.size(); i++) {
            double s = p.spreadAt(i);
            all += s;
            if (d.classes() > 0) {
                if (p.predicted(i, output) == d.label(i)) {
                    right += s;
                    nRight++;
                } else {
                    wrong += s;
                    nWrong++;
                }
            }
        }
        int n = d.size();
        return new Summary(d.classes() > 0 && n > 0 ? (double) nRight / n : Double.NaN, n > 0 ? all / n : Double.NaN,
                nWrong > 0 ? wrong / nWrong : Double.NaN, nRight > 0 ? right / nRight : Double.NaN);
    }
}
