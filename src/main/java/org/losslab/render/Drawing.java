package org.losslab.render;

/**
 * The few drawing operations the plots need, so that one painter draws the same picture on a
 * JavaFX canvas (the app) and on a Java2D image (PNG export and the command line). Coordinates are
 * in pixels, y down; colours are ARGB ints.
 */
public interface Drawing {

    /** Horizontal anchoring of text at its x. */
    enum Align { LEFT, CENTER, RIGHT }

    void color(int argb);

    void lineWidth(double w);

    /** Dash lengths in pixels; none for a solid line. */
    void dash(double... pattern);

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    /** Strokes the path built since the last stroke and starts a new one. */
    void stroke();

    void fillPolygon(double[] xs, double[] ys, int n);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    void fillCircle(double cx, double cy, double r);

    void strokeCircle(double cx, double cy, double r);

    /** Text with its baseline at y. */
    void text(String s, double x, double y, double size, Align align, boolean bold);

    /**
     * Text read from bottom to top (turned a quarter anticlockwise about (x, y)): its baseline is the
     * vertical line through x, and {@code align} anchors it along that line at y (LEFT: it starts at y
     * and runs up). Axis titles beside a y axis.
     */
    void textUp(String s, double x, double y, double size, Align align, boolean bold);

    double textWidth(String s, double size, boolean bold);

    /**
     * An ARGB image of {@code w × h} pixels (row-major, not modified) scaled into the rectangle:
     * smoothed (a contour field), or each pixel a sharp block ({@code smooth} false: a heatmap whose
     * pixels are cells). The same array may be drawn many times; adapters may cache per array, so an
     * array's contents must not change once drawn.
     */
    void image(int[] argb, int w, int h, double x, double y, double dw, double dh, boolean smooth);

    /** Restricts drawing to the rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();
}
