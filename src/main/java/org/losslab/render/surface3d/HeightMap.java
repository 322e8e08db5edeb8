package org.losslab.render.surface3d;

import org.losslab.render.HeightGrid;

/**
 * The map from a loss value f to a normalised height u ∈ [0, 1], shared by the mesh heights, the
 * colours (u goes straight into {@link org.losslab.render.Colormap}) and the legend, so the three
 * always agree.
 * <pre>
 *   linear:  u = (f − lo) / (hi − lo)
 *   log:     u = log(1 + (f − lo)/ε) / log(1 + (hi − lo)/ε),   ε = (hi − lo)·10⁻³
 * </pre>
 * With ε a thousandth of the range, the log scale spreads the bottom three decades of the window
 * over the height instead of crushing them into the floor (Rosenbrock's valley, Goldstein–Price).
 * Values outside [lo, hi] clamp; NaN maps to 0.
 *
 * @param scale LINEAR or LOG (never AUTO: {@link #of} resolves it)
 */
public record HeightMap(HeightScale scale, double lo, double hi) {
    /** ε as a fraction of the range. */
    static final double LOG_EPS = 1e-3;
    /**
     * AUTO picks the log scale when the median point sits in the bottom 3 % of the range: then a
     * linear plot would show a flat sheet with a few cliffs at its edges.
     */
    static final double FLAT_MEDIAN = 0.03;

    public HeightMap {
        if (scale == HeightScale.AUTO) {
            throw new IllegalArgumentException("resolve AUTO with HeightMap.of");
        }
        if (!(hi > lo)) {
            // A constant surface: give it a unit range so it is drawn at mid height.
            double c = Double.isFinite(lo) ? lo : 0;
            lo = c - 0.5;
            hi = c + 0.5;
        }
    }

    /** The map for a sampled grid, resolving AUTO from the grid's median. */
    public static HeightMap of(HeightGrid grid, HeightScale scale) {
        HeightScale s = scale;
        if (s == HeightScale.AUTO) {
            double span = grid.max() - grid.min();
            s = span > 0 && (grid.median() - grid.min()) / span < FLAT_MEDIAN ? HeightScale.LOG : HeightScale.LINEAR;
        }
        return new HeightMap(s, grid.min(), grid.max());
    }

    /** The normalised height u ∈ [0, 1] of f. */
    public double normalize(double f) {
        if (f != f) {
            return 0;
        }
        double d = (f - lo) / (hi - lo);
        if (d <= 0) {
            return 0;
        }
        if (d >= 1) {
            return 1;
        }
        return scale == HeightScale.LOG ? Math.log1p(d / LOG_EPS) / Math.log1p(1 / LOG_EPS) : d;
    }

    /** The loss value at normalised height u ∈ [0, 1] (for legend and axis labels). */
    public double value(double u) {
        double d = scale == HeightScale.LOG ? Math.expm1(u * Math.log1p(1 / LOG_EPS)) * LOG_EPS : u;
        return lo + d * (hi - lo);
    }
}
