package org.losslab.engine.mlp;

/**
 * Early stopping on the test (validation) loss with patience (Prechelt 1998, "Early stopping — but
 * when?"), as Keras's {@code EarlyStopping(monitor="val_loss", patience, min_delta,
 * restore_best_weights=True)}: the loss L_k is checked at step 0 and every {@code every}-th step;
 * a check improves when L_k &lt; L_best − minDelta (then L_best = L_k and the weights are kept), and
 * the run stops at the first check that ends {@code patience} checks in a row without improvement,
 * with the best weights (and batch-normalization running statistics) restored.
 *
 * @param patience checks without improvement before stopping, ≥ 1
 * @param every    steps between checks, ≥ 1
 * @param minDelta the least decrease that counts as an improvement, ≥ 0
 */
public record EarlyStopping(int patience, long every, double minDelta) {
    public EarlyStopping {
        if (patience < 1 || every < 1 || !(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("early stopping needs patience ≥ 1, every ≥ 1 and a finite minDelta ≥ 0: "
                    + patience + ", " + every + ", " + minDelta);
        }
    }

    /** Is step k a check? */
    public boolean at(long k) {
        return k % every == 0;
    }

    /** The state of one run: the best loss so far, its step and weights, the checks since. Buffers made once. */
    static final class Monitor {
        private final EarlyStopping rule;
        private final double[] bestWeights, bestStatistics;
        private double best = Double.POSITIVE_INFINITY;
        private long bestStep = -1;
        private int bad;

        Monitor(EarlyStopping rule, int weights, int statistics) {
            this.rule = rule;
            bestWeights = new double[weights];
            bestStatistics = new double[statistics];
        }

        /**
         * Takes the check at step k with test loss {@code loss} at weights {@code theta}.
         *
         * @param net the network whose running statistics go with θ (a {@link BlockNetwork}), or null
         * @return true if the run is to stop now
         */
        boolean check(long k, double loss, double[] theta, BlockNetwork net) {
            if (loss < best - rule.minDelta()) {
                best = loss;
                bestStep = k;
                bad = 0;
                System.arraycopy(theta, 0, bestWeights, 0, bestWeights.length);
                if (net != null) {
                    net.runningStatistics(bestStatistics);
                }
                return false;
            }
            return ++bad >= rule.patience();
        }

        /** Puts the best weights (and running statistics) back. */
        void restore(double[] theta, BlockNetwork net) {
            if (bestStep < 0) {
                return;
            }
            System.arraycopy(bestWeights, 0, theta, 0, bestWeights.length);
            if (net != null) {
                net.setRunningStatistics(bestStatistics);
            }
        }

        long bestStep() {
            return bestStep;
        }
    }
}
