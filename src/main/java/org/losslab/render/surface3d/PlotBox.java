package org.losslab.render.surface3d;

import org.losslab.engine.surface.Window;

/**
 * Where the plot sits in the 3-D world, in JavaFX's axes (x right, y down, z away from the
 * viewer). The window becomes the square [−1, 1] × [−1, 1] in the x–z plane — x along x, the
 * surface's y along z (away from a viewer at the front) — and the normalised height u ∈ [0, 1]
 * runs up the box from y = +H/2 (floor) to y = −H/2 (top), so the box is centred on the origin,
 * which is where the camera pivots.
 *
 * <p>Equal sides whatever the window's aspect ratio: a surface plot is read by shape, and a long
 * thin window would otherwise become a thin strip.
 */
public record PlotBox(Window window) {
    /** Height of the box relative to its half-width 1. */
    public static final double HEIGHT = 1.1;

    public double worldX(double x) {
        return -1 + 2 * (x - window.xMin()) / window.width();
    }

    public double worldZ(double y) {
        return -1 + 2 * (y - window.yMin()) / window.height();
    }

    /** World y of normalised height u (up is −y in JavaFX). */
    public static double worldY(double u) {
        return HEIGHT / 2 - HEIGHT * u;
    }

    public boolean contains(double x, double y) {
        return x >= window.xMin() && x <= window.xMax() && y >= window.yMin() && y <= window.yMax();
    }
}
