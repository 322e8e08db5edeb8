package org.losslab.render;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.losslab.engine.Cancellation;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;

/**
 * A surface sampled on a grid over a window ({@link HeightGrid}), ready to draw as filled contours: the heights, the
 * contour levels, the colour raster (one pixel per grid node, bands between levels coloured by
 * {@link Colormap}) and the iso-lines (marching squares). Immutable once computed; built off the
 * FX thread and shared by every frame until the surface, window or size changes.
 *
 * <p>Levels are evenly spaced in a height scale s(f). Surfaces whose heights pile up near the
 * minimum (Rosenbrock's valley is 0 to 1 where the walls reach thousands) get a log scale,
 * s(f) = log(f − fmin + δ) with δ = 10⁻³·(fmax − fmin), so the valley floor still shows levels;
 * the others keep s(f) = f. The rule: log when the median height lies in the lowest tenth of the
 * range.
 */
public final class ContourField {
    private final HeightGrid grid;
    private final boolean log;
    private final double fMin, fMax, delta, sMin, sMax;
    private final double[] levels;
    private final int[] pixels;
    private final float[] segments;
    private final int segmentCount;

    private ContourField(HeightGrid grid, boolean log, double fMin, double fMax, double delta, double[] levels,
                         int[] pixels, float[] segments, int segmentCount) {
        this.grid = grid;
        this.log = log;
        this.fMin = fMin;
        this.fMax = fMax;
        this.delta = delta;
        this.sMin = scale(fMin, log, fMin, delta);
        this.sMax = scale(fMax, log, fMin, delta);
        this.levels = levels;
        this.pixels = pixels;
        this.segments = segments;
        this.segmentCount = segmentCount;
    }

    /**
     * Samples {@code surface} at {@code nx × ny} nodes spanning {@code window} (corners included).
     *
     * @param bands number of colour bands (levels + 1)
     * @return the field, or null if cancelled
     */
    public static ContourField compute(Surface surface, Window window, int nx, int ny, double t, int bands,
                                       Cancellation cancel) {
        HeightGrid grid;
        try {
            grid = HeightGrid.sampleNodes(surface, window, Math.max(2, nx), Math.max(2, ny), t, cancel);
        } catch (CancellationException e) {
            return null;
        }
        nx = grid.nx();
        ny = grid.ny();
        double[] h = grid.sharedValues();
        double[] finite = Arrays.stream(h).filter(Double::isFinite).toArray();
        double lo, hi;
        boolean log = false;
        if (finite.length == 0) {
            lo = 0;
            hi = 1;
        } else {
            Arrays.sort(finite);
            lo = finite[0];
            hi = finite[finite.length - 1];
            if (!(hi > lo)) {
                hi = lo + 1;
            }
            double median = finite[finite.length / 2];
            log = median - lo < 0.1 * (hi - lo);
        }
        double delta = 1e-3 * (hi - lo);
        double s0 = scale(lo, log, lo, delta), s1 = scale(hi, log, lo, delta);
        bands = Math.max(2, bands);
        double[] levels = new double[bands - 1];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = unscale(s0 + (s1 - s0) * (k + 1) / bands, log, lo, delta);
        }
        int[] px = new int[nx * ny];
        for (int j = 0; j < ny; j++) {
            int row = (ny - 1 - j) * nx;
            for (int i = 0; i < nx; i++) {
                double v = h[j * nx + i];
                if (!Double.isFinite(v)) {
                    px[row + i] = 0x00000000;
                    continue;
                }
                double u = (scale(v, log, lo, delta) - s0) / (s1 - s0);
                int band = Math.min(bands - 1, Math.max(0, (int) (u * bands)));
                px[row + i] = Colormap.argb((band + 0.5) / bands);
            }
        }
        if (cancel.isCancelled()) {
            return null;
        }
        float[] seg = new float[4096];
        int count = 0;
        double dx = window.width() / (nx - 1), dy = window.height() / (ny - 1);
        float[] e = new float[8];
        for (double level : levels) {
            if (cancel.isCancelled()) {
                return null;
            }
            for (int j = 0; j < ny - 1; j++) {
                for (int i = 0; i < nx - 1; i++) {
                    double a = h[j * nx + i], b = h[j * nx + i + 1], c = h[(j + 1) * nx + i + 1], d = h[(j + 1) * nx + i];
                    if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
                        continue;
                    }
                    int n = 0;
                    double x0 = window.xMin() + i * dx, y0 = window.yMin() + j * dy;
                    // Edges bottom (a→b), right (b→c), top (d→c), left (a→d): crossing points.
                    if ((a < level) != (b < level)) {
                        e[n++] = (float) (x0 + dx * (level - a) / (b - a));
                        e[n++] = (float) y0;
                    }
                    if ((b < level) != (c < level)) {
                        e[n++] = (float) (x0 + dx);
                        e[n++] = (float) (y0 + dy * (level - b) / (c - b));
                    }
                    if ((d < level) != (c < level)) {
                        e[n++] = (float) (x0 + dx * (level - d) / (c - d));
                        e[n++] = (float) (y0 + dy);
                    }
                    if ((a < level) != (d < level)) {
                        e[n++] = (float) x0;
                        e[n++] = (float) (y0 + dy * (level - a) / (d - a));
                    }
                    if (n < 4) {
                        continue;
                    }
                    if (seg.length < (count + 2) * 4) {
                        seg = Arrays.copyOf(seg, seg.length * 2);
                    }
                    // Two crossings: one segment; four (a saddle cell): pair them in edge order.
                    System.arraycopy(e, 0, seg, count * 4, 4);
                    count++;
                    if (n == 8) {
                        System.arraycopy(e, 4, seg, count * 4, 4);
                        count++;
                    }
                }
            }
        }
        return new ContourField(grid, log, lo, hi, delta, levels, px, seg, count);
    }

    private static double scale(double f, boolean log, double lo, double delta) {
        return log ? Math.log(f - lo + delta) : f;
    }

    private static double unscale(double s, boolean log, double lo, double delta) {
        return log ? Math.exp(s) + lo - delta : s;
    }

    /** Position of height f on the colour scale, in [0, 1] (clamped). */
    public double colorPosition(double f) {
        double u = (scale(Math.max(f, fMin), log, fMin, delta) - sMin) / (sMax - sMin);
        return Math.max(0, Math.min(1, u));
    }

    /** The height at colour-scale position u ∈ [0, 1]. */
    public double heightAt(double u) {
        return unscale(sMin + (sMax - sMin) * u, log, fMin, delta);
    }

    public Window window() {
        return grid.window();
    }

    public int nx() {
        return grid.nx();
    }

    public int ny() {
        return grid.ny();
    }

    /** Height at node (i, j), j = 0 at yMin. */
    public double height(int i, int j) {
        return grid.value(i, j);
    }

    /** The sampled heights (mesh nodes, corners included). */
    public HeightGrid grid() {
        return grid;
    }

    public boolean logScale() {
        return log;
    }

    public double minHeight() {
        return fMin;
    }

    public double maxHeight() {
        return fMax;
    }

    /** The iso-line heights, ascending. Not to be modified. */
    public double[] levels() {
        return levels.clone();
    }

    /** ARGB raster of {@code nx × ny}, row 0 at yMax. Shared: do not modify. */
    public int[] pixels() {
        return pixels;
    }

    public int segmentCount() {
        return segmentCount;
    }

    /** Iso-line segment k: {x0, y0, x1, y1} at 4k..4k+3 in data coordinates. Shared: do not modify. */
    public float[] segments() {
        return segments;
    }
}
