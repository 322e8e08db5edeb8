package org.losslab.render.surface3d;

import java.util.Arrays;
import org.losslab.engine.sim.Trajectory;
import org.losslab.render.HeightGrid;

/**
 * A run's path laid on the surface mesh, in world coordinates, ready for a tube mesh or a line
 * renderer. Long runs are thinned to about {@code budget} samples (every s-th point, always the
 * first and the last); a straight step across a hill is subdivided so it follows the mesh
 * instead of tunnelling through it. Each vertex sits {@code lift} above the mesh.
 *
 * <p>Points outside the window or non-finite (a diverged run) are dropped and the path is broken
 * there: {@link #connected(int)} is false for a vertex that starts a new piece.
 *
 * <p>{@link #source(int)} is the step of the trajectory point a vertex stands for (the later end of
 * a subdivided step; the index when the trajectory keeps every point, and the kept point's own step
 * when it is thinned to a bound), so a view playing back to step k shows the vertices with source ≤ k
 * ({@link #countUpTo}).
 */
public final class DrapedPath {
    /** Most pieces a single step is cut into when it crosses several mesh cells. */
    static final int MAX_SUBDIVISION = 12;

    private final float[] xyz;
    private final long[] source;
    private final boolean[] connected;
    private final int size;

    private DrapedPath(float[] xyz, long[] source, boolean[] connected, int size) {
        this.xyz = xyz;
        this.source = source;
        this.connected = connected;
        this.size = size;
    }

    /**
     * @param heights normalised heights u ∈ [0, 1] on the mesh nodes (the grid the mesh was built from)
     * @param lift    world units above the mesh
     * @param budget  about how many trajectory points to keep (≥ 2)
     */
    public static DrapedPath of(Trajectory t, PlotBox box, HeightGrid heights, double lift, int budget) {
        int n = t.size();
        int stride = n <= budget ? 1 : (int) Math.ceil((n - 1) / (double) (budget - 1));
        // World size of one mesh cell: a step longer than this is subdivided.
        double cell = 2.0 / (Math.min(heights.nx(), heights.ny()) - 1);
        int cap = 16;
        float[] xyz = new float[3 * cap];
        long[] src = new long[cap];
        boolean[] con = new boolean[cap];
        int size = 0;
        boolean prevInside = false;
        double px = 0, py = 0;
        for (int k = 0; k < n; k = k == n - 1 ? n : Math.min(k + stride, n - 1)) {
            double x = t.x(k), y = t.y(k);
            boolean inside = Double.isFinite(x) && Double.isFinite(y) && box.contains(x, y);
            if (inside) {
                int pieces = 1;
                if (prevInside) {
                    double d = Math.hypot(box.worldX(x) - box.worldX(px), box.worldZ(y) - box.worldZ(py));
                    pieces = (int) Math.max(1, Math.min(MAX_SUBDIVISION, Math.ceil(d / cell)));
                }
                if (size + pieces > cap) {
                    cap = Math.max(cap * 2, size + pieces);
                    xyz = Arrays.copyOf(xyz, 3 * cap);
                    src = Arrays.copyOf(src, cap);
                    con = Arrays.copyOf(con, cap);
                }
                for (int q = 1; q <= pieces; q++) {
                    double w = q / (double) pieces;
                    double qx = prevInside ? px + w * (x - px) : x;
                    double qy = prevInside ? py + w * (y - py) : y;
                    double u = heights.interpolate(qx, qy);
                    xyz[3 * size] = (float) box.worldX(qx);
                    xyz[3 * size + 1] = (float) (PlotBox.worldY(Double.isFinite(u) ? u : 0) - lift);
                    xyz[3 * size + 2] = (float) box.worldZ(qy);
                    src[size] = t.step(k);
                    con[size] = prevInside;
                    size++;
                }
            }
            prevInside = inside;
            px = x;
            py = y;
        }
        return new DrapedPath(xyz, src, con, size);
    }

    /** Number of vertices. */
    public int size() {
        return size;
    }

    public float x(int v) {
        return xyz[3 * v];
    }

    public float y(int v) {
        return xyz[3 * v + 1];
    }

    public float z(int v) {
        return xyz[3 * v + 2];
    }

    /** The step of the trajectory point vertex v stands for. */
    public long source(int v) {
        return source[v];
    }

    /** True when vertex v continues the piece of the vertex before it. */
    public boolean connected(int v) {
        return connected[v];
    }

    /** Number of leading vertices with {@code source ≤ k}. */
    public int countUpTo(long k) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (source[mid] <= k) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
