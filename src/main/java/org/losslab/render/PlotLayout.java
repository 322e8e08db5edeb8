package org.losslab.render;

import org.losslab.engine.surface.Window;

/**
 * Where the plot area sits in a {@code width × height} picture and how data coordinates map to
 * pixels (y up in data, down in pixels). Shared by the painter and by the mouse handling of the
 * views, so a click lands where the picture says.
 */
public record PlotLayout(double width, double height, Window window, double left, double top, double plotWidth,
                         double plotHeight) {

    /** The layout for a picture of the given size: axes at left and bottom, colour bar at right. */
    public static PlotLayout of(double width, double height, Window window, PlotStyle style) {
        double fs = style.fontScale();
        double left = 58 * fs, bottom = 34 * fs, top = 12 * fs, right = 78 * fs;
        double pw = Math.max(10, width - left - right), ph = Math.max(10, height - top - bottom);
        return new PlotLayout(width, height, window, left, top, pw, ph);
    }

    public double px(double x) {
        return left + (x - window.xMin()) / window.width() * plotWidth;
    }

    public double py(double y) {
        return top + (window.yMax() - y) / window.height() * plotHeight;
    }

    public double dataX(double px) {
        return window.xMin() + (px - left) / plotWidth * window.width();
    }

    public double dataY(double py) {
        return window.yMax() - (py - top) / plotHeight * window.height();
    }

    /** Is pixel (px, py) inside the plot area? */
    public boolean inside(double px, double py) {
        return px >= left && px <= left + plotWidth && py >= top && py <= top + plotHeight;
    }

    /** Pixels per data unit along x. */
    public double scaleX() {
        return plotWidth / window.width();
    }

    public double scaleY() {
        return plotHeight / window.height();
    }
}
