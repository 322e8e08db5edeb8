package org.losslab.render;

/** ARGB colour helpers. */
public final class Colors {
    private Colors() {
    }

    /** {@code #RRGGBB} (or {@code #AARRGGBB}) to ARGB; opaque black when unreadable. */
    public static int parse(String hex) {
        if (hex == null || !hex.startsWith("#")) {
            return 0xFF000000;
        }
        try {
            long v = Long.parseLong(hex.substring(1), 16);
            return hex.length() == 7 ? (int) (0xFF000000L | v) : (int) v;
        } catch (NumberFormatException e) {
            return 0xFF000000;
        }
    }

    /** {@code #RRGGBB} of an ARGB colour. */
    public static String hex(int argb) {
        return String.format("#%06X", argb & 0xFFFFFF);
    }

    /** The colour with alpha a ∈ [0, 1]. */
    public static int alpha(int argb, double a) {
        int al = (int) Math.round(Math.max(0, Math.min(1, a)) * 255);
        return (al << 24) | (argb & 0xFFFFFF);
    }

    /** Relative luminance in [0, 1] (sRGB weights, no gamma: enough to pick black or white text). */
    public static double luminance(int argb) {
        return (0.2126 * ((argb >> 16) & 255) + 0.7152 * ((argb >> 8) & 255) + 0.0722 * (argb & 255)) / 255.0;
    }

    /** The opaque colour a fraction t ∈ [0, 1] of the way from a to b, channel by channel in sRGB. */
    public static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
        int bl = (int) Math.round((a & 255) * (1 - t) + (b & 255) * t);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }
}
