package org.losslab.render;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.losslab.engine.Cancellation;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;

/**
 * Values of a surface on a regular grid over a window: {@code nx} columns along x and {@code ny}
 * rows along y, row-major ({@code f[j * nx + i]}). Immutable once sampled, so a grid computed on a
 * background thread can be handed to the FX thread and to a renderer without copying.
 *
 * <p>Two layouts: {@link #sampleNodes} puts samples on the mesh vertices
 * {@code x_i = xMin + i·w/(nx−1)}; {@link #sampleCentres} puts them at the centres of
 * {@code nx × ny} equal cells {@code x_i = xMin + (i + ½)·w/nx} (texture pixels).
 */
public final class HeightGrid {
    static final int MEDIAN_SAMPLE = 4096;
    private final Window window;
    private final int nx, ny;
    private final boolean centred;
    private final double[] f;
    private final double min, max, median;

    private HeightGrid(Window window, int nx, int ny, boolean centred, double[] f) {
        this.window = window;
        this.nx = nx;
        this.ny = ny;
        this.centred = centred;
        this.f = f;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (double v : f) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                finite++;
            }
        }
        if (finite == 0) {
            min = max = median = 0;
        } else {
            min = lo;
            max = hi;
            median = median(f, finite);
        }
    }

    /**
     * The median of the finite values, from an even subsample of at most {@link #MEDIAN_SAMPLE}
     * of them: it only decides whether a plot would look flat, and sorting a texture-sized grid
     * would cost more than sampling it.
     */
    private static double median(double[] f, int finite) {
        int step = Math.max(1, finite / MEDIAN_SAMPLE);
        double[] sample = new double[Math.min(finite, MEDIAN_SAMPLE + 1)];
        int n = 0, seen = 0;
        for (int k = 0; k < f.length && n < sample.length; k++) {
            if (Double.isFinite(f[k]) && seen++ % step == 0) {
                sample[n++] = f[k];
            }
        }
        Arrays.sort(sample, 0, n);
        return sample[n / 2];
    }

    /** Samples on {@code nx × ny} mesh vertices spanning the window edge to edge (nx, ny ≥ 2). */
    public static HeightGrid sampleNodes(Surface s, Window w, int nx, int ny, double t, Cancellation cancel) {
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("a mesh needs at least 2 × 2 nodes, got " + nx + " × " + ny);
        }
        return sample(s, w, nx, ny, t, false, cancel);
    }

    /** Samples at the centres of {@code nx × ny} cells (nx, ny ≥ 1). */
    public static HeightGrid sampleCentres(Surface s, Window w, int nx, int ny, double t, Cancellation cancel) {
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("need at least one cell, got " + nx + " × " + ny);
        }
        return sample(s, w, nx, ny, t, true, cancel);
    }

    /** Wraps values already computed, row-major; the array is copied. */
    public static HeightGrid of(Window w, int nx, int ny, boolean centred, double[] values) {
        if (values.length != nx * ny) {
            throw new IllegalArgumentException(values.length + " values for a " + nx + " × " + ny + " grid");
        }
        return new HeightGrid(w, nx, ny, centred, values.clone());
    }

    /** One row at a time through the surface's batch evaluation; cancellation polled per row. */
    private static HeightGrid sample(Surface s, Window w, int nx, int ny, double t, boolean centred, Cancellation cancel) {
        double[] f = new double[nx * ny];
        double[] p = new double[2 * nx];
        double[] row = new double[nx];
        for (int i = 0; i < nx; i++) {
            p[i] = coordinate(w.xMin(), w.width(), i, nx, centred);
        }
        for (int j = 0; j < ny; j++) {
            if (cancel.isCancelled()) {
                throw new CancellationException("height grid cancelled");
            }
            Arrays.fill(p, nx, 2 * nx, coordinate(w.yMin(), w.height(), j, ny, centred));
            s.value(nx, nx, p, t, row);
            System.arraycopy(row, 0, f, j * nx, nx);
        }
        return new HeightGrid(w, nx, ny, centred, f);
    }

    private static double coordinate(double lo, double span, int i, int n, boolean centred) {
        return centred ? lo + (i + 0.5) * span / n : lo + i * span / (n - 1);
    }

    public Window window() {
        return window;
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public boolean centred() {
        return centred;
    }

    /** All values, row-major ({@code [j * nx + i]}), shared with this grid: not to be modified. */
    double[] sharedValues() {
        return f;
    }

    /** The value at column i, row j (may be non-finite where the surface is). */
    public double value(int i, int j) {
        return f[j * nx + i];
    }

    /** The x of column i. */
    public double x(int i) {
        return coordinate(window.xMin(), window.width(), i, nx, centred);
    }

    /** The y of row j. */
    public double y(int j) {
        return coordinate(window.yMin(), window.height(), j, ny, centred);
    }

    /** Smallest finite value (0 when none is finite). */
    public double min() {
        return min;
    }

    /** Largest finite value (0 when none is finite). */
    public double max() {
        return max;
    }

    /** Median of the finite values: tells whether a few peaks squash the rest flat. */
    public double median() {
        return median;
    }

    /** A grid of the same layout holding {@code op(value)} at every sample (e.g. normalised heights). */
    public HeightGrid map(java.util.function.DoubleUnaryOperator op) {
        double[] g = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            g[k] = op.applyAsDouble(f[k]);
        }
        return new HeightGrid(window, nx, ny, centred, g);
    }

    /**
     * The value at (x, y) interpolated on the same triangles the mesh is made of, so a path drawn
     * with it lies on the mesh instead of cutting through it. Cell (i, j) with local coordinates
     * (a, b) ∈ [0, 1]² is split along its diagonal from (i, j) to (i+1, j+1):
     * <pre>
     *   b ≥ a:  v = v(i,j) + a·(v(i+1,j+1) − v(i,j+1)) + b·(v(i,j+1) − v(i,j))
     *   a ≥ b:  v = v(i,j) + a·(v(i+1,j) − v(i,j))     + b·(v(i+1,j+1) − v(i+1,j))
     * </pre>
     * Points outside the window give NaN; cell-centre grids are clamped at their outer half cells.
     */
    public double interpolate(double x, double y) {
        if (!(x >= window.xMin() && x <= window.xMax() && y >= window.yMin() && y <= window.yMax())) {
            return Double.NaN;
        }
        double gx = (x - window.xMin()) / window.width() * (centred ? nx : nx - 1) - (centred ? 0.5 : 0);
        double gy = (y - window.yMin()) / window.height() * (centred ? ny : ny - 1) - (centred ? 0.5 : 0);
        gx = Math.max(0, Math.min(nx - 1, gx));
        gy = Math.max(0, Math.min(ny - 1, gy));
        int i = Math.min((int) gx, Math.max(0, nx - 2));
        int j = Math.min((int) gy, Math.max(0, ny - 2));
        int i1 = Math.min(i + 1, nx - 1), j1 = Math.min(j + 1, ny - 1);
        double a = gx - i, b = gy - j;
        double v00 = value(i, j), v10 = value(i1, j), v01 = value(i, j1), v11 = value(i1, j1);
        return b >= a ? v00 + a * (v11 - v01) + b * (v01 - v00) : v00 + a * (v10 - v00) + b * (v11 - v10);
    }
}
