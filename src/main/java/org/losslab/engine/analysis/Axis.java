package org.losslab.engine.analysis;

/**
 * One axis of a hyperparameter sweep: {@code count} values from {@code from} to {@code to}, both
 * included, spaced evenly or, when {@code log}, evenly in log₁₀ (value i = from·(to/from)^(i/(count−1)),
 * as numpy.logspace). With one value the axis is just {@code from}.
 *
 * @param key   the run's JSON key being varied, e.g. {@code optimizer.lr}; names the axis in CSV and plots
 * @param integer values are rounded to whole numbers (warmupSteps, batchSize, …)
 */
public record Axis(String key, double from, double to, int count, boolean log, boolean integer) {
    /** The largest grid side a sweep accepts. */
    public static final int MAX_COUNT = 512;

    public Axis {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("an axis has 1 to " + MAX_COUNT + " values, got " + count);
        }
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("axis ends must be finite: " + from + ", " + to);
        }
        if (log && !(from > 0 && to > 0)) {
            throw new IllegalArgumentException("a log axis needs positive ends: " + from + ", " + to);
        }
    }

    public static Axis linear(String key, double from, double to, int count) {
        return new Axis(key, from, to, count, false, false);
    }

    public static Axis log(String key, double from, double to, int count) {
        return new Axis(key, from, to, count, true, false);
    }

    /** The i-th value, 0 ≤ i &lt; count; the ends are exact. */
    public double value(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        double v;
        if (count == 1 || i == 0) {
            v = from;
        } else if (i == count - 1) {
            v = to;
        } else {
            double u = (double) i / (count - 1);
            v = log ? Math.pow(10, Math.fma(u, Math.log10(to) - Math.log10(from), Math.log10(from)))
                    : Math.fma(u, to - from, from);
        }
        return integer ? Math.rint(v) : v;
    }

    /** All values, in order. */
    public double[] values() {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = value(i);
        }
        return v;
    }
}
