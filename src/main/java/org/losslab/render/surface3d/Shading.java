package org.losslab.render.surface3d;

/**
 * The lighting both 3-D views use: an ambient term plus one directional light from above, front
 * and left, Lambert's law on the face normal turned towards +up:
 * <pre>
 *   I = ambient + diffuse · max(0, n · (−L))
 * </pre>
 * Strong enough ambient that the colormap stays readable (colour carries the height), enough
 * diffuse that curvature shows.
 */
public final class Shading {
    public static final double AMBIENT = 0.62;
    public static final double DIFFUSE = 0.48;
    /** Direction the light travels, JavaFX world axes (y down), unit length. */
    public static final double LX, LY, LZ;

    static {
        double x = 0.45, y = 1.0, z = 0.55;
        double n = Math.sqrt(x * x + y * y + z * z);
        LX = x / n;
        LY = y / n;
        LZ = z / n;
    }

    private Shading() {
    }

    /**
     * Intensity of a face with normal (nx, ny, nz) (any length, either orientation: it is turned
     * to face up first).
     */
    public static double intensity(double nx, double ny, double nz) {
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (!(len > 0)) {
            return AMBIENT + DIFFUSE;
        }
        double s = ny > 0 ? -1 / len : 1 / len;
        double lambert = -(nx * LX + ny * LY + nz * LZ) * s;
        return AMBIENT + DIFFUSE * Math.max(0, lambert);
    }

    /** An opaque ARGB colour scaled by intensity (clamped to white). */
    public static int shade(int argb, double intensity) {
        int r = (int) Math.min(255, ((argb >> 16) & 255) * intensity + 0.5);
        int g = (int) Math.min(255, ((argb >> 8) & 255) * intensity + 0.5);
        int b = (int) Math.min(255, (argb & 255) * intensity + 0.5);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
