package org.losslab.render;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.render.Drawing.Align;

/**
 * Paints the 2-D plot: filled contours and iso-lines, axes with ticks, the colour bar, the runs'
 * paths up to the playback step with a marker at each current point, the legend and the optional
 * overlays. The app's canvas and the PNG export both call this, so they show the same picture.
 */
public final class PlotPainter {
    private static final int WHITE = 0xFFFFFFFF;
    /** Arrows shorter than this many pixels are magnified (and the factor shown) so they can be seen. */
    private static final double MIN_ARROW_PX = 48;

    private final double[] g = new double[2];
    private final double[] h = new double[3];
    private final double[] eig = new double[6];
    private final SamplingEllipses ellipses = new SamplingEllipses();
    private final MethodPaths methodPaths = new MethodPaths();
    private final StalledUpdates stalls = new StalledUpdates();
    /** Segments a path has drawn in this stroke, or null to draw every one (pictures written to files). */
    private final RepeatedSegments repeated;

    /** Draws every segment of every path. */
    public PlotPainter() {
        this(0);
    }

    /**
     * Strokes a segment a path goes over again (ends within the same {@code cell}-pixel square)
     * once ({@link RepeatedSegments}): the app's plot, repainted on every frame of a drag, uses half
     * a pixel. 0 draws every segment.
     */
    public PlotPainter(double cell) {
        this.repeated = cell > 0 ? new RepeatedSegments(cell) : null;
    }

    /** Paints {@code scene} into a {@code width × height} picture: the base, then the top layer. */
    public void paint(Drawing d, PlotScene scene, PlotStyle style, double width, double height) {
        paintBase(d, scene, style, width, height);
        paintTop(d, scene, style, width, height);
    }

    /**
     * The layer that changes only with the surface, window, size or style: background, filled
     * contours, iso-lines, the gradient field, axes and colour bar. The app keeps it on its own
     * canvas, so dragging a slider redraws only the paths.
     */
    public void paintBase(Drawing d, PlotScene scene, PlotStyle style, double width, double height) {
        PlotLayout L = PlotLayout.of(width, height, scene.window(), style);
        d.dash();
        d.color(style.background());
        d.fillRect(0, 0, width, height);
        d.clip(L.left(), L.top(), L.plotWidth(), L.plotHeight());
        ContourField field = scene.field();
        if (field != null && field.window().equals(scene.window())) {
            d.image(field.pixels(), field.nx(), field.ny(), L.left(), L.top(), L.plotWidth(), L.plotHeight(), true);
            isoLines(d, field, L, style);
        } else {
            d.color(style.panel());
            d.fillRect(L.left(), L.top(), L.plotWidth(), L.plotHeight());
        }
        if (scene.overlays().gradientField() && scene.surface() != null) {
            gradientField(d, scene.surface(), L, style);
        }
        d.unclip();
        axes(d, L, style);
        if (field != null) {
            colorBar(d, field, L, style);
        }
    }

    /** The layer of the runs: paths, markers, vectors, the Hessian at the cursor and the legend (transparent elsewhere). */
    public void paintTop(Drawing d, PlotScene scene, PlotStyle style, double width, double height) {
        PlotLayout L = PlotLayout.of(width, height, scene.window(), style);
        d.dash();
        d.clip(L.left(), L.top(), L.plotWidth(), L.plotHeight());
        ellipses.paint(d, scene, L, style);
        for (PlotScene.Path p : scene.paths()) {
            if (p.visible() && p.trajectory() != null) {
                path(d, p, scene.step(), L, style);
            }
        }
        methodPaths.paint(d, scene, L, style);
        stalls.paint(d, scene, L, style);
        startMarker(d, L.px(scene.startX()), L.py(scene.startY()), style);
        if (scene.overlays().runVectors() && scene.surface() != null) {
            runVectors(d, scene, L, style);
        }
        if (!scene.arrows().isEmpty()) {
            arrows(d, scene, L, style);
        }
        if (scene.overlays().hessian() && scene.cursor() != null && scene.surface() != null) {
            hessian(d, scene.surface(), scene.cursor(), L, style);
        }
        d.unclip();
        if (scene.overlays().legend()) {
            legend(d, scene, L, style);
        }
    }

    private static void isoLines(Drawing d, ContourField f, PlotLayout L, PlotStyle style) {
        float[] s = f.segments();
        d.color(style.isoLine());
        d.lineWidth(style.line(0.8));
        for (int k = 0; k < f.segmentCount(); k++) {
            d.moveTo(L.px(s[4 * k]), L.py(s[4 * k + 1]));
            d.lineTo(L.px(s[4 * k + 2]), L.py(s[4 * k + 3]));
        }
        d.stroke();
    }

    /** −∇f on a grid of about 40-pixel cells, length growing with log(1 + ‖∇f‖) up to one cell. */
    private void gradientField(Drawing d, Surface s, PlotLayout L, PlotStyle style) {
        int cols = Math.max(4, (int) (L.plotWidth() / (40 * style.fontScale())));
        int rows = Math.max(3, (int) (L.plotHeight() / (40 * style.fontScale())));
        int n = cols * rows;
        double[] p = new double[2 * n], f = new double[n], gr = new double[2 * n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                p[i] = L.dataX(L.left() + (c + 0.5) * L.plotWidth() / cols);
                p[n + i] = L.dataY(L.top() + (r + 0.5) * L.plotHeight() / rows);
            }
        }
        s.evaluate(n, n, p, 0, f, gr);
        double max = 0;
        for (int i = 0; i < n; i++) {
            double m = Math.hypot(gr[i] * L.scaleX(), gr[n + i] * L.scaleY());
            if (Double.isFinite(m)) {
                max = Math.max(max, Math.log1p(m));
            }
        }
        if (max == 0) {
            return;
        }
        double cell = 0.8 * Math.min(L.plotWidth() / cols, L.plotHeight() / rows);
        int color = Colors.alpha(WHITE, 0.75);
        for (int i = 0; i < n; i++) {
            double vx = -gr[i] * L.scaleX(), vy = gr[n + i] * L.scaleY();
            double m = Math.hypot(vx, vy);
            if (!(m > 0) || !Double.isFinite(m)) {
                continue;
            }
            double len = cell * Math.log1p(m) / max;
            double x0 = L.px(p[i]), y0 = L.py(p[n + i]);
            arrow(d, x0 - vx / m * len / 2, y0 - vy / m * len / 2, vx / m * len, vy / m * len, color,
                    style.line(1.2), 5 * style.lineScale());
        }
    }

    /**
     * The last index of a trajectory to show at playback step {@code step}: the kept point at or
     * before it (a trajectory thinned to a bound holds every s-th step only).
     */
    public static int shownIndex(Trajectory t, long step) {
        return t.indexAt(step);
    }

    private void path(Drawing d, PlotScene.Path p, long step, PlotLayout L, PlotStyle style) {
        Trajectory t = p.trajectory();
        int last = shownIndex(t, step);
        double w = style.line(p.selected() ? 3 : 2);
        // A pale halo under each path keeps it readable on both ends of the colormap.
        for (int pass = 0; pass < 2; pass++) {
            d.color(pass == 0 ? Colors.alpha(WHITE, 0.55) : p.color());
            d.lineWidth(pass == 0 ? w + 2 * style.lineScale() : w);
            double lx = Double.NaN, ly = Double.NaN;
            boolean open = false;
            // Whether the pen is at (lx, ly): not after a segment drawn before was left out.
            boolean joined = true;
            if (repeated != null) {
                repeated.clear();
            }
            for (int k = 0; k <= last; k++) {
                double x = t.x(k), y = t.y(k);
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    break;
                }
                double px = clampPx(L.px(x)), py = clampPx(L.py(y));
                if (!open) {
                    d.moveTo(px, py);
                    open = true;
                    lx = px;
                    ly = py;
                } else if (k == last || Math.abs(px - lx) + Math.abs(py - ly) > 1.5) {
                    // Points within a pixel or two add nothing visible: skip them (long zigzags cost the rasterizer).
                    if (repeated != null && repeated.seen(lx, ly, px, py)) {
                        joined = false;
                    } else {
                        if (!joined) {
                            d.moveTo(lx, ly);
                            joined = true;
                        }
                        d.lineTo(px, py);
                    }
                    lx = px;
                    ly = py;
                }
            }
            d.stroke();
        }
        int k = lastFinite(t, last);
        if (k < 0) {
            return;
        }
        double cx = L.px(t.x(k)), cy = L.py(t.y(k));
        double r = style.line(p.selected() ? 7 : 6);
        if (t.diverged() && t.divergedAt() <= step) {
            // Diverged: a cross at the last finite point.
            d.color(WHITE);
            d.lineWidth(style.line(5));
            cross(d, cx, cy, r);
            d.color(p.color());
            d.lineWidth(style.line(3));
            cross(d, cx, cy, r);
            return;
        }
        d.color(WHITE);
        d.fillCircle(cx, cy, r + style.line(1.5));
        d.color(p.color());
        d.fillCircle(cx, cy, r);
    }

    private static double clampPx(double v) {
        return Math.max(-1e5, Math.min(1e5, v));
    }

    private static int lastFinite(Trajectory t, int last) {
        for (int k = last; k >= 0; k--) {
            if (Double.isFinite(t.x(k)) && Double.isFinite(t.y(k))) {
                return k;
            }
        }
        return -1;
    }

    private static void cross(Drawing d, double x, double y, double r) {
        d.moveTo(x - r, y - r);
        d.lineTo(x + r, y + r);
        d.moveTo(x - r, y + r);
        d.lineTo(x + r, y - r);
        d.stroke();
    }

    /** The start: a ringed crosshair (the federated picture marks its start the same way). */
    static void startMarker(Drawing d, double x, double y, PlotStyle style) {
        double r = style.line(7);
        d.color(0xFF000000);
        d.lineWidth(style.line(3.5));
        d.strokeCircle(x, y, r);
        d.color(WHITE);
        d.lineWidth(style.line(2));
        d.strokeCircle(x, y, r);
        d.moveTo(x - r * 1.6, y);
        d.lineTo(x - r * 0.6, y);
        d.moveTo(x + r * 0.6, y);
        d.lineTo(x + r * 1.6, y);
        d.moveTo(x, y - r * 1.6);
        d.lineTo(x, y - r * 0.6);
        d.moveTo(x, y + r * 0.6);
        d.lineTo(x, y + r * 1.6);
        d.stroke();
    }

    /**
     * At each run's current point θ_k: the update actually taken, θ_{k+1} − θ_k (solid, run colour),
     * and the plain gradient step −η_{k+1}∇f(θ_k) (dashed) that SGD would have taken. The gap between
     * them is what momentum, adaptive scaling or curvature changed.
     */
    private void runVectors(Drawing d, PlotScene scene, PlotLayout L, PlotStyle style) {
        for (PlotScene.Path p : scene.paths()) {
            Trajectory t = p.trajectory();
            if (!p.visible() || t == null) {
                continue;
            }
            int k = shownIndex(t, scene.step());
            // The update taken needs the next point: a thinned trajectory has it only where kept points are consecutive.
            if (k + 1 >= t.size() || !Double.isFinite(t.x(k + 1)) || t.step(k + 1) != t.step(k) + 1) {
                continue;
            }
            double x = t.x(k), y = t.y(k), lr = t.lr(k + 1);
            scene.surface().valueAndGradient(x, y, t.step(k), g);
            double ux = (t.x(k + 1) - x) * L.scaleX(), uy = -(t.y(k + 1) - y) * L.scaleY();
            double gx = -lr * g[0] * L.scaleX(), gy = lr * g[1] * L.scaleY();
            double longest = Math.max(Math.hypot(ux, uy), Math.hypot(gx, gy));
            if (!(longest > 0) || !Double.isFinite(longest)) {
                continue;
            }
            double m = longest < MIN_ARROW_PX ? MIN_ARROW_PX / longest : 1;
            double x0 = L.px(x), y0 = L.py(y);
            d.dash(6 * style.lineScale(), 4 * style.lineScale());
            arrow(d, x0, y0, gx * m, gy * m, WHITE, style.line(2), 9 * style.lineScale());
            d.dash();
            arrow(d, x0, y0, ux * m, uy * m, p.color(), style.line(2.5), 10 * style.lineScale());
            if (m > 1.01) {
                label(d, "×" + Ticks.compact(m), x0 + ux * m, y0 + uy * m - 6, style, p.color());
            }
        }
    }

    private static void arrows(Drawing d, PlotScene scene, PlotLayout L, PlotStyle style) {
        double longest = 0;
        for (PlotScene.Arrow a : scene.arrows()) {
            double len = Math.hypot(a.dx() * L.scaleX(), a.dy() * L.scaleY());
            if (Double.isFinite(len)) {
                longest = Math.max(longest, len);
            }
        }
        double m = longest > 0 && longest < 2 * MIN_ARROW_PX ? 2 * MIN_ARROW_PX / longest : 1;
        List<double[]> placed = new ArrayList<>();
        double size = style.font(12);
        for (PlotScene.Arrow a : scene.arrows()) {
            double x0 = L.px(a.x()), y0 = L.py(a.y());
            double vx = a.dx() * L.scaleX() * m, vy = -a.dy() * L.scaleY() * m;
            if (!Double.isFinite(vx) || !Double.isFinite(vy)) {
                continue;
            }
            arrow(d, x0, y0, vx, vy, a.color(), style.line(3), 11 * style.lineScale());
            // Labels of vectors that end close together are stacked, not overprinted.
            double lx = x0 + vx + 6, ly = y0 + vy - 6, w = d.textWidth(a.label(), size, true);
            for (boolean moved = true; moved; ) {
                moved = false;
                for (double[] r : placed) {
                    if (lx < r[0] + r[2] && r[0] < lx + w && Math.abs(ly - r[1]) < size * 1.4) {
                        ly = r[1] + size * 1.45;
                        moved = true;
                    }
                }
            }
            placed.add(new double[] {lx, ly, w});
            label(d, a.label(), lx, ly, style, a.color());
        }
        if (m > 1.01) {
            label(d, "vectors ×" + Ticks.compact(m), L.left() + 8, L.top() + L.plotHeight() - 10, style,
                    style.foreground());
        }
    }

    /**
     * The Hessian H at the cursor: its eigenvectors as two axes, each as long as √|λ| relative to
     * the larger; solid for positive curvature (a valley across it), dashed for negative (a ridge).
     * The label gives λ₁, λ₂ and the largest stable learning rate 2/λmax of gradient descent there.
     */
    private void hessian(Drawing d, Surface s, double[] c, PlotLayout L, PlotStyle style) {
        s.hessian(c[0], c[1], 0, h);
        Eigen2.of(h[0], h[1], h[2], eig);
        if (!Double.isFinite(eig[0]) || !Double.isFinite(eig[1])) {
            return;
        }
        double cx = L.px(c[0]), cy = L.py(c[1]);
        double big = Math.max(Math.sqrt(Math.abs(eig[0])), Math.sqrt(Math.abs(eig[1])));
        double full = 44 * style.fontScale();
        for (int e = 0; e < 2; e++) {
            double lam = eig[e];
            double len = big > 0 ? full * Math.sqrt(Math.abs(lam)) / big : 0;
            double ex = eig[2 + 2 * e], ey = eig[3 + 2 * e];
            // Eigenvectors are in data units; draw them in the plot's (possibly non-square) pixels.
            double vx = ex * L.scaleX(), vy = -ey * L.scaleY(), vm = Math.hypot(vx, vy);
            vx = vx / vm * len;
            vy = vy / vm * len;
            for (int pass = 0; pass < 2; pass++) {
                d.color(pass == 0 ? 0xB0000000 : WHITE);
                d.lineWidth(style.line(pass == 0 ? 4 : 2));
                if (lam < 0) {
                    d.dash(5 * style.lineScale(), 4 * style.lineScale());
                }
                d.moveTo(cx - vx, cy - vy);
                d.lineTo(cx + vx, cy + vy);
                d.stroke();
                d.dash();
            }
        }
        double lim = Eigen2.stabilityLimit(eig[0]);
        String text = "λ₁ " + Ticks.compact(eig[0]) + "   λ₂ " + Ticks.compact(eig[1])
                + (Double.isNaN(lim) ? "" : "   2/λmax " + Ticks.compact(lim));
        label(d, text, cx + 12, cy + full + 18 * style.fontScale(), style, style.foreground());
    }

    /** A text on a translucent card so it reads on any colour. */
    private static void label(Drawing d, String s, double x, double y, PlotStyle style, int color) {
        double size = style.font(12);
        double w = d.textWidth(s, size, true);
        d.color(style.panel());
        d.fillRect(x - 3, y - size, w + 6, size * 1.35);
        d.color(color == WHITE ? style.foreground() : color);
        d.text(s, x, y, size, Align.LEFT, true);
    }

    /** A line from (x, y) by (vx, vy) pixels with a filled head. */
    public static void arrow(Drawing d, double x, double y, double vx, double vy, int color, double width, double head) {
        double len = Math.hypot(vx, vy);
        if (!(len > 0.5)) {
            return;
        }
        double ux = vx / len, uy = vy / len;
        double hl = Math.min(head, len * 0.6);
        d.color(color);
        d.lineWidth(width);
        d.moveTo(x, y);
        d.lineTo(x + vx - ux * hl * 0.8, y + vy - uy * hl * 0.8);
        d.stroke();
        double tx = x + vx, ty = y + vy;
        double[] xs = {tx, tx - ux * hl - uy * hl * 0.45, tx - ux * hl + uy * hl * 0.45};
        double[] ys = {ty, ty - uy * hl + ux * hl * 0.45, ty - uy * hl - ux * hl * 0.45};
        d.fillPolygon(xs, ys, 3);
    }

    private static void axes(Drawing d, PlotLayout L, PlotStyle style) {
        double size = style.font(12);
        d.color(style.muted());
        d.lineWidth(style.line(1));
        d.strokeRect(L.left(), L.top(), L.plotWidth(), L.plotHeight());
        var w = L.window();
        int xCount = Math.max(2, (int) (L.plotWidth() / (90 * style.fontScale())));
        int yCount = Math.max(2, (int) (L.plotHeight() / (60 * style.fontScale())));
        double xs = Ticks.step(w.xMin(), w.xMax(), xCount), ys = Ticks.step(w.yMin(), w.yMax(), yCount);
        double tick = 5 * style.fontScale();
        for (double x : Ticks.values(w.xMin(), w.xMax(), xCount)) {
            double px = L.px(x);
            d.color(style.muted());
            d.moveTo(px, L.top() + L.plotHeight());
            d.lineTo(px, L.top() + L.plotHeight() + tick);
            d.stroke();
            d.color(style.foreground());
            d.text(Ticks.label(x, xs), px, L.top() + L.plotHeight() + tick + size * 1.1, size, Align.CENTER, false);
        }
        for (double y : Ticks.values(w.yMin(), w.yMax(), yCount)) {
            double py = L.py(y);
            d.color(style.muted());
            d.moveTo(L.left() - tick, py);
            d.lineTo(L.left(), py);
            d.stroke();
            d.color(style.foreground());
            d.text(Ticks.label(y, ys), L.left() - tick - 3, py + size * 0.35, size, Align.RIGHT, false);
        }
        d.color(style.foreground());
        d.text("x", L.left() + L.plotWidth() / 2, L.height() - 4 * style.fontScale(), size, Align.CENTER, true);
        d.text("y", 12 * style.fontScale(), L.top() + L.plotHeight() / 2, size, Align.CENTER, true);
    }

    /** The colormap's legend: a bar with heights f at the level positions. */
    private static void colorBar(Drawing d, ContourField f, PlotLayout L, PlotStyle style) {
        double size = style.font(11);
        double x = L.left() + L.plotWidth() + 10 * style.fontScale();
        double w = 14 * style.fontScale();
        double top = L.top() + size * 1.6, hgt = L.plotHeight() - size * 1.6;
        int n = 64;
        int[] bar = new int[n];
        for (int i = 0; i < n; i++) {
            double u = 1 - (i + 0.5) / n;
            int band = Math.min(f.levels().length, (int) (u * (f.levels().length + 1)));
            bar[i] = Colormap.argb((band + 0.5) / (f.levels().length + 1));
        }
        d.image(bar, 1, n, x, top, w, hgt, true);
        d.color(style.muted());
        d.lineWidth(style.line(1));
        d.strokeRect(x, top, w, hgt);
        d.color(style.foreground());
        d.text(f.logScale() ? "f (log)" : "f", x, L.top() + size, size, Align.LEFT, true);
        int labels = Math.max(2, Math.min(7, (int) (hgt / (size * 3))));
        for (int i = 0; i <= labels; i++) {
            double u = (double) i / labels;
            double py = top + hgt * (1 - u);
            d.color(style.muted());
            d.moveTo(x + w, py);
            d.lineTo(x + w + 3, py);
            d.stroke();
            d.color(style.foreground());
            d.text(Ticks.compact(f.heightAt(u)), x + w + 5, py + size * 0.35, size, Align.LEFT, false);
        }
    }

    private static void legend(Drawing d, PlotScene scene, PlotLayout L, PlotStyle style) {
        List<Legend.Entry> entries = new ArrayList<>(scene.paths().size());
        for (PlotScene.Path p : scene.paths()) {
            String status = "";
            Trajectory t = p.trajectory();
            if (t != null && t.diverged() && t.divergedAt() <= scene.step()) {
                status = "  diverged at step " + t.divergedAt();
            } else if (t != null && t.size() > 0) {
                int k = shownIndex(t, scene.step());
                status = "  f " + Ticks.compact(t.loss(k));
                if (!t.complete() && t.step(k) != scene.step()) {
                    // A thinned run shows its kept point at or before the playback step: say which.
                    status += " at step " + t.step(k);
                }
            }
            Legend.Swatch line = Legend.line(p.visible() ? p.color() : Colors.alpha(p.color(), 0.3),
                    style.line(p.selected() ? 4 : 3));
            entries.add(new Legend.Entry(line, p.label() + status, p.selected(), !p.visible()));
            if (p.visible()) {
                MethodPaths.legendEntries(t, p.color(), style, entries);
            }
        }
        Legend.card(d, style, entries, L.left() + L.plotWidth() - 8, L.top() + 8, true, L.plotWidth() - 16);
    }
}
