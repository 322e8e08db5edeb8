package org.losslab.engine.update;

/** Euclidean norms of each run's vector in the batch layout. */
final class Norms {
    private Norms() {
    }

    /**
     * ‖v_r‖ = √(Σ_c v[c·stride + r]²) for runs r &lt; n, each sum added in coordinate order (so a
     * single run's norm is the plain left-to-right sum of squares, as a loop over a flat vector).
     *
     * @param v   vectors in the batch layout. Not modified.
     * @param out the norms, out[r]. Modified.
     */
    static void of(int n, int dim, int stride, double[] v, double[] out) {
        for (int r = 0; r < n; r++) {
            out[r] = 0;
        }
        for (int c = 0; c < dim; c++) {
            final int o = c * stride;
            for (int r = 0; r < n; r++) {
                double x = v[o + r];
                out[r] += x * x;
            }
        }
        for (int r = 0; r < n; r++) {
            out[r] = Math.sqrt(out[r]);
        }
    }
}
