package org.losslab.render;

/**
 * A polyline whose x never decreases (a chart's series), stroked with the vertices that lie within
 * {@code tolerance} pixels of the drawn line left out: Zhao and Saalfeld's sleeve fitting (Zhao, Z.
 * and Saalfeld, A., "Linear-time sleeve-fitting polyline simplification algorithms", AutoCarto 13,
 * 1997), in the form that needs no angles because x grows. From the last drawn vertex A every
 * vertex P passed over narrows the cone of slopes
 *
 * <pre>
 *   lo = max (P.y − tol − A.y) / (P.x − A.x),   hi = min (P.y + tol − A.y) / (P.x − A.x)
 * </pre>
 *
 * and a new vertex whose slope from A falls outside [lo, hi] ends the segment at the vertex before
 * it. Every vertex left out is then within {@code tolerance} (vertically, so at most that far) of a
 * drawn segment, in one pass and with no allocation. A vertex at the x of the one before it (a
 * pixel column's range) is always drawn, unless it is within {@code tolerance} of that vertex.
 *
 * <p>Thousands of steps fall on a few hundred pixel columns, and a smooth series needs a vertex only
 * where it bends by a fraction of a pixel: this is what keeps the charts cheap to rasterize while a
 * slider moves. With {@code tolerance} 0 every vertex is drawn, as before.
 */
final class SleevePolyline {
    private Drawing d;
    private double tol;
    private boolean open;
    /** The last drawn vertex. */
    private double ax, ay;
    /** The vertex passed over last (drawn if the next one leaves the cone), when {@code pending}. */
    private double bx, by;
    private boolean pending;
    private double lo, hi;

    /** Starts a new polyline on {@code d}; the stroke is the caller's. */
    void begin(Drawing d, double tolerance) {
        this.d = d;
        this.tol = tolerance;
        open = false;
        pending = false;
    }

    void point(double x, double y) {
        if (!open) {
            d.moveTo(x, y);
            open = true;
            ax = x;
            ay = y;
            return;
        }
        if (tol <= 0) {
            d.lineTo(x, y);
            ax = x;
            ay = y;
            return;
        }
        double dx = x - ax;
        if (pending && x == bx) {
            // A column's range: the vertex before it must be drawn, and this one too unless it is that vertex within tolerance.
            if (Math.abs(y - by) <= tol) {
                // Left out: the line must pass within tolerance of this vertex too (by's slope still does).
                lo = Math.max(lo, (y - tol - ay) / dx);
                hi = Math.min(hi, (y + tol - ay) / dx);
                return;
            }
            flush();
            dx = 0;
        }
        if (dx <= 0) {
            if (Math.abs(y - ay) > tol || x != ax) {
                d.lineTo(x, y);
                ax = x;
                ay = y;
            }
            return;
        }
        double s = (y - ay) / dx;
        if (pending && (s < lo || s > hi)) {
            flush();
            dx = x - ax;
        }
        double l = (y - tol - ay) / dx, h = (y + tol - ay) / dx;
        if (pending) {
            lo = Math.max(lo, l);
            hi = Math.min(hi, h);
        } else {
            lo = l;
            hi = h;
        }
        bx = x;
        by = y;
        pending = true;
    }

    /** Draws the vertex held back; call before the stroke. */
    void end() {
        if (pending) {
            flush();
        }
    }

    private void flush() {
        d.lineTo(bx, by);
        ax = bx;
        ay = by;
        pending = false;
    }
}
