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
 * the standard deviation of the output the mean picks ({@link PredictiveSpread}). Normalization stays
 * in evaluation mode (running statistics) as in {@code model.eval()} with the dropout modules
 * switched back to training.
 */
public final class McDropout {
    /** The default number of stochastic passes. */
    public static final int DEFAULT_PASSES = 30;

    private McDropout() {
    }

    /**
     * @param net    a network with dropout (its running statistics, if any, are used). Used as workspace.
     * @param theta  weights. Not modified.
     * @param passes T ≥ 1
     * @param rng    the masks' stream. Advanced.
     */
    public static PredictiveSpread predict(BlockNetwork net, double[] theta, int n, double[] x1, double[] x2, int passes,
                                     SplittableRandom rng) {
        if (net.architecture().block().dropout() == 0) {
            throw new IllegalArgumentException("MC dropout needs a network with dropout");
        }
        if (passes < 1) {
            throw new IllegalArgumentException("MC dropout needs at least one pass, got " + passes);
        }
        PredictiveSpread.Accumulator acc = new PredictiveSpread.Accumulator(n, net.architecture().outputs());
        for (int t = 0; t < passes; t++) {
            net.sample(theta, n, x1, x2, acc.buffer(), rng);
            acc.add();
        }
        return acc.result();
    }

    /**
     * MC-dropout (or ensemble) figures of a dataset: the accuracy of the mean prediction, the mean spread over all
     * points and over the points the mean gets wrong and right (NaN where there are none; accuracy
     * NaN for regression).
     */
    public record Summary(double accuracy, double meanSpread, double spreadWrong, double spreadRight) {
    }

    public static Summary summarize(PredictiveSpread p, Dataset d, Output output) {
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
