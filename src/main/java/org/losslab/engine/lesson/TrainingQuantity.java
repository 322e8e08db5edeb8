package org.losslab.engine.lesson;

/** What a claim can measure on a training's runs (losses without weight decay, accuracies in [0, 1]). */
public enum TrainingQuantity {
    FINAL_TRAIN_LOSS("finalTrainLoss"),
    FINAL_TEST_LOSS("finalTestLoss"),
    FINAL_TRAIN_ACCURACY("finalTrainAccuracy"),
    FINAL_TEST_ACCURACY("finalTestAccuracy"),
    /** 1 if the run diverged, else 0. */
    DIVERGED("diverged"),
    /** The first recorded sharpness λmax (at step 0). */
    INITIAL_SHARPNESS("initialSharpness"),
    /** The mean recorded sharpness over the measurements at steps in [{@code from}, {@code to}]. */
    MEAN_SHARPNESS("meanSharpness"),
    /** The largest recorded sharpness. */
    MAX_SHARPNESS("maxSharpness"),
    /**
     * The mean over the window [{@code from}, {@code to}] of λmax·η/2 with η the run's final rate: 1 at
     * the edge of stability, whatever the rate.
     */
    MEAN_SHARPNESS_OVER_EDGE("meanSharpnessOverEdge");

    private final String key;

    TrainingQuantity(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static TrainingQuantity of(String key) {
        for (TrainingQuantity q : values()) {
            if (q.key.equals(key)) {
                return q;
            }
        }
        return null;
    }

    /** Does it read the sharpness series (so the training must record it)? */
    public boolean needsSharpness() {
        return this == INITIAL_SHARPNESS || this == MEAN_SHARPNESS || this == MAX_SHARPNESS || this == MEAN_SHARPNESS_OVER_EDGE;
    }

    public double measure(TrainingCurves curves, int run, MeasureArgs a) {
        TrainingCurves.Run r = curves.runs().get(run);
        long[] st = r.sharpnessSteps();
        double[] s = r.sharpness();
        switch (this) {
            case FINAL_TRAIN_LOSS:
                return r.trainLoss();
            case FINAL_TEST_LOSS:
                return r.testLoss();
            case FINAL_TRAIN_ACCURACY:
                return r.trainAccuracy();
            case FINAL_TEST_ACCURACY:
                return r.testAccuracy();
            case DIVERGED:
                return r.diverged() ? 1 : 0;
            case INITIAL_SHARPNESS:
                return s.length == 0 ? Double.NaN : s[0];
            case MAX_SHARPNESS: {
                double m = Double.NaN;
                for (double v : s) {
                    m = Double.isNaN(m) ? v : Math.max(m, v);
                }
                return m;
            }
            case MEAN_SHARPNESS:
            case MEAN_SHARPNESS_OVER_EDGE: {
                double sum = 0;
                int n = 0;
                long to = a.to() < 0 ? Long.MAX_VALUE : a.to();
                for (int k = 0; k < st.length; k++) {
                    if (st[k] >= a.from() && st[k] <= to) {
                        sum += s[k];
                        n++;
                    }
                }
                double mean = n == 0 ? Double.NaN : sum / n;
                return this == MEAN_SHARPNESS ? mean : mean * r.lr() / 2;
            }
            default:
                throw new AssertionError(this);
        }
    }
}
