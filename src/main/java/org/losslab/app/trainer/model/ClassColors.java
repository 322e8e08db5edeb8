package org.losslab.app.trainer.model;

/**
 * Colours of classes and of the decision boundary, from Okabe &amp; Ito's colour-blind-safe palette.
 * Two classes get one diverging scale, orange (class 0) through a pale neutral to blue (class 1), so
 * the shade says how sure the network is and the hue which class it picks; more classes get the
 * predicted class's hue, faded towards the neutral as the top probability falls to chance (1/k).
 */
public final class ClassColors {
    /** Class hues: orange, blue, bluish green, reddish purple, vermillion, sky blue. */
    private static final int[] CLASSES = {0xFFE69F00, 0xFF0072B2, 0xFF009E73, 0xFFCC79A7, 0xFFD55E00, 0xFF56B4E9};
    /** The middle of the diverging scale: P = 1/2, no preference. */
    public static final int NEUTRAL = 0xFFF4F4F2;
    /** How far the raster goes towards a full hue, so the data points on top stay visible. */
    private static final double RASTER_STRENGTH = 0.62;

    private ClassColors() {
    }

    /** The hue of class c (ARGB). */
    public static int of(int c) {
        return CLASSES[Math.floorMod(c, CLASSES.length)];
    }

    /** The raster colour for P(class 1) = p with two classes. */
    public static int diverging(double p) {
        if (!Double.isFinite(p)) {
            return 0x00000000;
        }
        double u = Math.max(-1, Math.min(1, 2 * p - 1)) * RASTER_STRENGTH;
        return u < 0 ? mix(NEUTRAL, CLASSES[0], -u) : mix(NEUTRAL, CLASSES[1], u);
    }

    /**
     * The raster colour for class {@code c} predicted with probability {@code p} among k classes:
     * strength (p − 1/k)/(1 − 1/k), 0 at chance and 1 when certain.
     */
    public static int predicted(int c, double p, int k) {
        if (!Double.isFinite(p)) {
            return 0x00000000;
        }
        double s = Math.max(0, Math.min(1, (p - 1.0 / k) / (1 - 1.0 / k)));
        return mix(NEUTRAL, of(c), s * RASTER_STRENGTH);
    }

    /** (1 − t)·a + t·b per channel, opaque. */
    public static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
        int bl = (int) Math.round((a & 255) * (1 - t) + (b & 255) * t);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }
}
