package org.losslab.render.surface3d;

import org.losslab.render.Colormap;
import org.losslab.render.HeightGrid;

/**
 * The colour image draped over the 3-D mesh: one pixel per cell-centre sample, coloured by its
 * normalised height with {@link Colormap}, with contour lines where the height crosses one of
 * {@code levels} evenly spaced values of u. Computing the colours at texture resolution (finer
 * than the mesh) keeps colour bands and contour lines crisp, and the 1-D colormap is sampled
 * exactly instead of being interpolated across a palette image.
 *
 * <p>A pixel is on a contour line when its level band {@code ⌊u·levels⌋} differs from that of
 * its right or lower neighbour: a one-pixel line on the lower side of each crossing.
 */
public final class HeightTexture {
    /** Contour lines keep this fraction of the colour's brightness. */
    static final double LINE_SHADE = 0.72;

    private HeightTexture() {
    }

    /**
     * @param centres raw surface values at cell centres, rows along y (row 0 at yMin)
     * @param levels  number of contour bands; 0 for none
     * @return ARGB pixels, row-major, {@code centres.nx()} wide
     */
    public static int[] argb(HeightGrid centres, HeightMap map, int levels) {
        int w = centres.nx(), h = centres.ny();
        double[] u = new double[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                u[j * w + i] = map.normalize(centres.value(i, j));
            }
        }
        int[] px = new int[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int k = j * w + i;
                int c = Colormap.argb(u[k]);
                if (levels > 0) {
                    int band = band(u[k], levels);
                    boolean line = (i + 1 < w && band(u[k + 1], levels) != band)
                            || (j + 1 < h && band(u[k + w], levels) != band);
                    if (line) {
                        c = Shading.shade(c, LINE_SHADE);
                    }
                }
                px[k] = c;
            }
        }
        return px;
    }

    private static int band(double u, int levels) {
        return Math.min(levels - 1, (int) (u * levels));
    }
}
