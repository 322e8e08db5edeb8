package org.losslab.engine.surface;

/**
 * Between the two batch layouts of {@link Surface}: the flat one (x of point i at {@code p[i]}, y at
 * {@code p[stride + i]}) and separate coordinate arrays. A surface writes its formula once, as the
 * loop over coordinate arrays (which vectorizes), and answers flat calls through
 * {@link #evaluateByCoordinates}; surfaces that only have the flat loop get the other layout through
 * {@link #evaluateFlat}. Scratch arrays are per thread, so neither allocates once warm.
 */
public final class Coordinates {
    /**
     * From this many points a loop over coordinate arrays pays for copying the flat layout into
     * them (below it, the copies cost more than SIMD saves).
     */
    public static final int VECTOR_FROM = 16;

    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[][] {
            new double[64], new double[64], new double[64], new double[64]});

    private Coordinates() {
    }

    private static double[][] scratch(int n) {
        double[][] s = SCRATCH.get();
        if (s[0].length < 2 * n) {
            for (int k = 0; k < 4; k++) {
                s[k] = new double[Math.max(2 * n, 2 * s[k].length)];
            }
        }
        return s;
    }

    /** A flat-layout call answered by the surface's loop over coordinate arrays. */
    public static void evaluateByCoordinates(Surface s, int n, int stride, double[] p, double t, double[] f, double[] g) {
        double[][] a = scratch(n);
        double[] xs = a[0], ys = a[1], gx = a[2], gy = a[3];
        copy(p, 0, xs, 0, n);
        copy(p, stride, ys, 0, n);
        s.evaluate(n, xs, ys, t, f, gx, gy);
        copy(gx, 0, g, 0, n);
        copy(gy, 0, g, stride, n);
    }

    /** A coordinate-array call answered by the surface's flat loop. */
    static void evaluateFlat(Surface s, int n, double[] x, double[] y, double t, double[] f, double[] gx, double[] gy) {
        double[][] a = scratch(n);
        double[] p = a[0], g = a[1];
        copy(x, 0, p, 0, n);
        copy(y, 0, p, n, n);
        s.evaluate(n, n, p, t, f, g);
        copy(g, 0, gx, 0, n);
        copy(g, n, gy, 0, n);
    }

    /** System.arraycopy, by hand for the few elements of a single run (a call costs more than the copy). */
    public static void copy(double[] from, int fromPos, double[] to, int toPos, int n) {
        if (n <= 4) {
            for (int i = 0; i < n; i++) {
                to[toPos + i] = from[fromPos + i];
            }
        } else {
            System.arraycopy(from, fromPos, to, toPos, n);
        }
    }
}
