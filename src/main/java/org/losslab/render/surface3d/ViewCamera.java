package org.losslab.render.surface3d;

/**
 * An orbit camera around the plot box's centre, the single source of the view angle for the
 * JavaFX view and the software renderer. The JavaFX view builds its camera rig as
 * <pre>
 *   Rotate(yaw, Y) · Rotate(−pitch, X) · Translate(panX, panY, −distance) · PerspectiveCamera(fixed eye)
 * </pre>
 * and {@link #project} applies the inverse of that chain and JavaFX's perspective divide with a
 * vertical field of view {@link #FIELD_OF_VIEW}:
 * <pre>
 *   v = T(−panX, −panY, distance) · Rx(pitch) · Ry(−yaw) · p
 *   screen = (w/2 + φ·v_x/v_z,  h/2 + φ·v_y/v_z),   φ = (h/2) / tan(fov/2)
 * </pre>
 * Angles are in degrees; pitch is the elevation above the floor plane (positive looks down).
 */
public record ViewCamera(double yaw, double pitch, double distance, double panX, double panY) {
    /** JavaFX's default vertical field of view, degrees. */
    public static final double FIELD_OF_VIEW = 30;
    public static final double MIN_PITCH = -80, MAX_PITCH = 89;
    public static final double MIN_DISTANCE = 1.5, MAX_DISTANCE = 30;
    /** Seen from the front left and above, like matplotlib's default 3-D axes. */
    public static final ViewCamera DEFAULT = new ViewCamera(-30, 30, 5.0, 0, 0.16);

    public ViewCamera {
        pitch = Math.max(MIN_PITCH, Math.min(MAX_PITCH, pitch));
        distance = Math.max(MIN_DISTANCE, Math.min(MAX_DISTANCE, distance));
    }

    /** Turned by the given angles, degrees (pitch clamped). */
    public ViewCamera rotated(double dYaw, double dPitch) {
        double y = (yaw + dYaw) % 360;
        return new ViewCamera(y, pitch + dPitch, distance, panX, panY);
    }

    /** Moved closer by a factor (> 1 zooms in), distance clamped. */
    public ViewCamera zoomed(double factor) {
        return new ViewCamera(yaw, pitch, distance / factor, panX, panY);
    }

    /** Shifted in the camera's own plane, in world units. */
    public ViewCamera panned(double dx, double dy) {
        return new ViewCamera(yaw, pitch, distance, panX + dx, panY + dy);
    }

    /**
     * Projects world point (x, y, z) into a {@code width × height} image: {@code out[0..1]} the
     * pixel position, {@code out[2]} the depth along the view axis (larger is farther).
     *
     * @return false when the point is at or behind the eye
     */
    public boolean project(double x, double y, double z, double width, double height, double[] out) {
        double a = Math.toRadians(-yaw), ca = Math.cos(a), sa = Math.sin(a);
        // Ry(−yaw): x' = x cos + z sin, z' = −x sin + z cos
        double x1 = x * ca + z * sa;
        double z1 = -x * sa + z * ca;
        double b = Math.toRadians(pitch), cb = Math.cos(b), sb = Math.sin(b);
        // Rx(pitch): y' = y cos − z sin, z' = y sin + z cos
        double y2 = y * cb - z1 * sb;
        double z2 = y * sb + z1 * cb;
        double vx = x1 - panX, vy = y2 - panY, vz = z2 + distance;
        out[2] = vz;
        if (!(vz > 1e-6)) {
            return false;
        }
        double phi = height / 2 / Math.tan(Math.toRadians(FIELD_OF_VIEW / 2));
        out[0] = width / 2 + phi * vx / vz;
        out[1] = height / 2 + phi * vy / vz;
        return true;
    }

    /** Depth of a world point along the view axis (larger is farther). */
    public double depth(double x, double y, double z) {
        double[] o = new double[3];
        project(x, y, z, 1, 1, o);
        return o[2];
    }
}
