package org.losslab.engine.lesson;

import org.losslab.engine.analysis.EscapeResult;

/**
 * What a claim can measure on one well of an escape study: Langevin first-passage times out of a
 * minimum, and the barrier of the Arrhenius law τ ∝ exp(ΔE/T) fitted to them.
 */
public enum EscapeQuantity {
    /** The mean escape time (η·updates) at the temperature of index {@code step} (the lowest when −1). */
    MEAN_ESCAPE_TIME("meanEscapeTime"),
    /** The share of runs that escaped at that temperature. */
    ESCAPED_FRACTION("escapedFraction"),
    /** The barrier ΔE fitted by the Arrhenius plot (NaN with too few escapes). */
    FITTED_BARRIER("fittedBarrier"),
    /** The surface's true barrier out of the well. */
    TRUE_BARRIER("trueBarrier"),
    /** The fitted barrier over the true one: 1 when Arrhenius's law holds exactly. */
    BARRIER_RATIO("barrierRatio");

    private final String key;

    EscapeQuantity(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static EscapeQuantity of(String key) {
        for (EscapeQuantity q : values()) {
            if (q.key.equals(key)) {
                return q;
            }
        }
        return null;
    }

    /** @param temperature the index of the temperature in the study's list, or −1 for the lowest */
    public double measure(EscapeResult r, int temperature) {
        int m = temperature;
        if (m < 0) {
            m = 0;
            for (int k = 1; k < r.temperatures().size(); k++) {
                if (r.temperatures().get(k).temperature() < r.temperatures().get(m).temperature()) {
                    m = k;
                }
            }
        }
        EscapeResult.Arrhenius fit = r.arrhenius();
        return switch (this) {
            case MEAN_ESCAPE_TIME -> r.meanTime(m);
            case ESCAPED_FRACTION -> r.temperatures().get(m).escapedFraction();
            case FITTED_BARRIER -> fit == null ? Double.NaN : fit.barrier();
            case TRUE_BARRIER -> r.trueBarrier();
            case BARRIER_RATIO -> fit == null ? Double.NaN : fit.barrier() / r.trueBarrier();
        };
    }
}
