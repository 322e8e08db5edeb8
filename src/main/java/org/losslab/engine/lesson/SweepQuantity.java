package org.losslab.engine.lesson;

import org.losslab.engine.analysis.HeavyBall;
import org.losslab.engine.analysis.SweepResult;

/**
 * What a claim can measure on a sweep's cells. The two stability quantities compare each cell of an
 * SGD sweep of lr against momentum on a quadratic (top curvature λ) with the heavy-ball region
 * 0 &lt; ηλ &lt; 2(1 + β) (Polyak 1964): a cell is predicted stable inside it.
 */
public enum SweepQuantity {
    /** The share of cells that diverged. */
    DIVERGED_FRACTION("divergedFraction"),
    /** The share of cells predicted stable that diverged anyway (0 when the theory holds). */
    DIVERGED_INSIDE("divergedInsideStableRegion"),
    /** The share of cells predicted unstable that diverged (1 when every one of them blew up in time). */
    DIVERGED_OUTSIDE("divergedOutsideStableRegion"),
    /** The x-axis value of the cell with the lowest final loss. */
    BEST_X("bestX"),
    /** The y-axis value of the cell with the lowest final loss. */
    BEST_Y("bestY");

    private final String key;

    SweepQuantity(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static SweepQuantity of(String key) {
        for (SweepQuantity q : values()) {
            if (q.key.equals(key)) {
                return q;
            }
        }
        return null;
    }

    /** Does it need the sweep to be lr × momentum on a quadratic? */
    public boolean needsHeavyBall() {
        return this == DIVERGED_INSIDE || this == DIVERGED_OUTSIDE;
    }

    /**
     * @param lambda  the quadratic's top curvature (used by the stability quantities)
     * @param lrOnX   whether lr is the x axis (momentum the y axis), else the other way round
     */
    public double measure(SweepResult r, double lambda, boolean lrOnX) {
        int w = r.width(), h = r.height();
        switch (this) {
            case DIVERGED_FRACTION:
                return (double) r.divergedCount() / (w * h);
            case DIVERGED_INSIDE:
            case DIVERGED_OUTSIDE: {
                int cells = 0, diverged = 0;
                for (int j = 0; j < h; j++) {
                    for (int i = 0; i < w; i++) {
                        double lr = lrOnX ? r.x().value(i) : r.y().value(j);
                        double beta = lrOnX ? r.y().value(j) : r.x().value(i);
                        boolean stable = lr < HeavyBall.maxStableLr(lambda, beta);
                        if (stable == (this == DIVERGED_INSIDE)) {
                            cells++;
                            if (r.diverged(i, j)) {
                                diverged++;
                            }
                        }
                    }
                }
                return cells == 0 ? Double.NaN : (double) diverged / cells;
            }
            case BEST_X:
            case BEST_Y: {
                int bi = -1, bj = -1;
                for (int j = 0; j < h; j++) {
                    for (int i = 0; i < w; i++) {
                        if (!r.diverged(i, j) && (bi < 0 || r.finalLoss(i, j) < r.finalLoss(bi, bj))) {
                            bi = i;
                            bj = j;
                        }
                    }
                }
                return bi < 0 ? Double.NaN : this == BEST_X ? r.x().value(bi) : r.y().value(bj);
            }
            default:
                throw new AssertionError(this);
        }
    }
}
