package org.losslab.render;

/**
 * Viridis (van der Walt &amp; Smith, matplotlib 2015): perceptually uniform, readable in greyscale
 * and by viewers with colour-vision deficiencies. Nine stops of the original, interpolated
 * linearly in sRGB into a 256-entry table; low values dark purple, high values yellow.
 */
public final class Colormap {
    private static final int[] STOPS = {
        0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d, 0x27ad81, 0x5cc863, 0xaadc32, 0xfde725};
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            double u = i / 255.0 * (STOPS.length - 1);
            int k = Math.min((int) u, STOPS.length - 2);
            double w = u - k;
            TABLE[i] = Colors.mix(STOPS[k], STOPS[k + 1], w);
        }
    }

    private Colormap() {
    }

    /** Opaque ARGB colour of u ∈ [0, 1] (clamped; NaN maps to 0). */
    public static int argb(double u) {
        if (!(u > 0)) {
            return TABLE[0];
        }
        if (u >= 1) {
            return TABLE[255];
        }
        return TABLE[(int) (u * 255 + 0.5)];
    }

    /** Red, green and blue of u in [0, 1] each, for 3-D materials and CSS. */
    public static double[] rgb(double u) {
        int c = argb(u);
        return new double[] {((c >> 16) & 255) / 255.0, ((c >> 8) & 255) / 255.0, (c & 255) / 255.0};
    }
}
