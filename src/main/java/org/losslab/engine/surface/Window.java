package org.losslab.engine.surface;

/** An axis-aligned plot window [xMin, xMax] × [yMin, yMax]. */
public record Window(double xMin, double xMax, double yMin, double yMax) {

    public Window {
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("empty window " + xMin + ".." + xMax + " × " + yMin + ".." + yMax);
        }
    }

    /** The square window [−r, r]². */
    public static Window square(double r) {
        return new Window(-r, r, -r, r);
    }

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }
}
