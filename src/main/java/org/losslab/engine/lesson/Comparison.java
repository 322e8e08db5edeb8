package org.losslab.engine.lesson;

/**
 * How a claim compares its measured value m with the expected value e. A NaN on either side never
 * holds, so a claim about a run that produced no number fails instead of passing by accident.
 */
public enum Comparison {
    /** m &lt; e. */
    LESS_THAN("lessThan", "<"),
    /** m ≤ e. */
    AT_MOST("atMost", "≤"),
    /** m &gt; e. */
    GREATER_THAN("greaterThan", ">"),
    /** m ≥ e. */
    AT_LEAST("atLeast", "≥"),
    /** |m − e| ≤ r·|e|, r the relative tolerance (within 5% is r = 0.05). */
    NEAR("near", "≈");

    private final String key;
    private final String symbol;

    Comparison(String key, String symbol) {
        this.key = key;
        this.symbol = symbol;
    }

    /** The lesson file's key for this comparison. */
    public String key() {
        return key;
    }

    /** The sign printed between the measured and the expected value. */
    public String symbol() {
        return symbol;
    }

    /** Does m compare to e this way? {@code tolerance} is used by {@link #NEAR} only. */
    public boolean holds(double m, double e, double tolerance) {
        if (Double.isNaN(m) || Double.isNaN(e)) {
            return false;
        }
        return switch (this) {
            case LESS_THAN -> m < e;
            case AT_MOST -> m <= e;
            case GREATER_THAN -> m > e;
            case AT_LEAST -> m >= e;
            case NEAR -> m == e || Math.abs(m - e) <= tolerance * Math.abs(e);
        };
    }
}
