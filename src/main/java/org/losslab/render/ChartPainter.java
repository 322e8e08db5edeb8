package org.losslab.render;

import org.losslab.engine.sim.Trajectory;
import org.losslab.render.Drawing.Align;

/**
 * Paints a chart of one metric against the step for every visible run. Thousands of steps fall on
 * a few hundred pixel columns, so each run is drawn as its per-column range (min to max), which
 * keeps spikes visible and costs one segment per column. Each point is placed at its own step, so a
 * trajectory thinned to a bound (every s-th step kept) is drawn where its points belong.
 */
public final class ChartPainter {
    private final SleevePolyline line = new SleevePolyline();
    private final double tolerance;

    /** Draws every column's vertices (pictures written to files). */
    public ChartPainter() {
        this(0);
    }

    /**
     * Leaves out the vertices within {@code tolerance} pixels of the drawn line ({@link SleevePolyline}):
     * the app's charts, repainted on every frame of a drag, use a quarter of a pixel.
     */
    public ChartPainter(double tolerance) {
        this.tolerance = tolerance;
    }

    /** Pixel layout of a chart of the given size (shared with hover handling). */
    public record Layout(double left, double top, double width, double height) {
        public static Layout of(double w, double h, PlotStyle style) {
            double fs = style.fontScale();
            double left = 52 * fs, top = 22 * fs, bottom = 22 * fs, right = 16 * fs;
            return new Layout(left, top, Math.max(10, w - left - right), Math.max(10, h - top - bottom));
        }

        /** The step under pixel x, clamped to [0, steps]. */
        public long step(double px, long steps) {
            double u = (px - left) / width;
            return Math.max(0, Math.min(steps, Math.round(u * steps)));
        }
    }

    public void paint(Drawing d, ChartScene scene, PlotStyle style, double width, double height) {
        Layout L = Layout.of(width, height, style);
        d.dash();
        d.color(style.background());
        d.fillRect(0, 0, width, height);
        long steps = Math.max(1, scene.steps());
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        boolean positive = true;
        for (PlotScene.Path p : scene.paths()) {
            Trajectory t = p.trajectory();
            if (!p.visible() || t == null) {
                continue;
            }
            for (int k = 0; k < t.size(); k++) {
                double v = scene.metric().value(t, k);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    positive &= v > 0;
                }
            }
        }
        if (!(lo <= hi)) {
            Axes empty = new Axes(style, L.left(), L.top(), L.width(), L.height(), Axes.Scale.linear(0, steps),
                    Axes.Scale.linear(0, 1));
            empty.frame(d);
            empty.message(d, "no values");
            return;
        }
        boolean log = scene.metric().prefersLog() && positive;
        Axes a = new Axes(style, L.left(), L.top(), L.width(), L.height(), Axes.Scale.linear(0, steps), Axes.Scale.fit(lo, hi, log, 0.04));
        a.yAxis(d, 28, true);
        a.xAxis(d, 70, false);
        a.frame(d);
        double size = a.tickSize();
        double logWidth = log ? d.textWidth("log", size, false) + 8 : 0;
        a.title(d, scene.metric().title(), logWidth);
        if (log) {
            d.color(style.muted());
            d.text("log", a.right() - 2, a.top() - 7 * style.fontScale(), size, Align.RIGHT, false);
        }
        d.clip(L.left(), L.top(), L.width(), L.height());
        for (PlotScene.Path p : scene.paths()) {
            if (p.visible() && p.trajectory() != null) {
                series(d, a, style, scene.metric(), p, steps);
            }
        }
        double cx = a.px(Math.min(steps, scene.cursor()));
        d.color(Colors.alpha(style.foreground(), 0.45));
        d.lineWidth(style.line(1));
        d.moveTo(cx, L.top());
        d.lineTo(cx, L.top() + L.height());
        d.stroke();
        d.unclip();
        if (scene.hoverStep() >= 0) {
            hover(d, L, style, scene, steps, size);
        }
    }

    /** Each pixel column's range of values, joined column to column; a dashed line where the run diverged. */
    private void series(Drawing d, Axes a, PlotStyle style, Metric m, PlotScene.Path p, long steps) {
        Trajectory t = p.trajectory();
        boolean log = a.y().log();
        d.color(p.color());
        d.lineWidth(style.line(p.selected() ? 2.5 : 1.6));
        int column = Integer.MIN_VALUE;
        double cMin = 0, cMax = 0;
        line.begin(d, tolerance);
        for (int k = 0; k <= t.size(); k++) {
            double v = k < t.size() ? m.value(t, k) : Double.NaN;
            int col = k < t.size() ? (int) Math.floor(a.left() + a.width() * t.step(k) / steps) : Integer.MAX_VALUE;
            boolean finite = Double.isFinite(v) && (!log || v > 0);
            if (col != column || !finite) {
                if (column != Integer.MIN_VALUE) {
                    double y0 = a.py(cMin), y1 = a.py(cMax);
                    line.point(column, y0);
                    if (y1 != y0) {
                        line.point(column, y1);
                    }
                }
                column = finite ? col : Integer.MIN_VALUE;
                cMin = v;
                cMax = v;
            } else {
                cMin = Math.min(cMin, v);
                cMax = Math.max(cMax, v);
            }
            if (!finite && k < t.size() && k > 0) {
                break;
            }
        }
        line.end();
        d.stroke();
        if (t.diverged()) {
            double x = a.px(Math.min(steps, t.divergedAt()));
            d.dash(4, 3);
            d.moveTo(x, a.top());
            d.lineTo(x, a.bottom());
            d.stroke();
            d.dash();
        }
    }

    private static void hover(Drawing d, Layout L, PlotStyle style, ChartScene scene, long steps, double size) {
        long k = scene.hoverStep();
        double x = L.left() + L.width() * Math.min(1, (double) k / steps);
        d.color(style.foreground());
        d.lineWidth(style.line(1));
        d.dash(3, 3);
        d.moveTo(x, L.top());
        d.lineTo(x, L.top() + L.height());
        d.stroke();
        d.dash();
        int rows = 1;
        double tw = d.textWidth("step " + k, size, true);
        for (PlotScene.Path p : scene.paths()) {
            Trajectory t = p.trajectory();
            if (p.visible() && t != null) {
                rows++;
                tw = Math.max(tw, d.textWidth(p.label() + "  " + valueText(scene.metric(), t, k), size, false));
            }
        }
        double row = size * 1.4, pad = 6;
        double bw = tw + 2 * pad + 14, bh = rows * row + pad;
        double bx = x + 10 + bw > L.left() + L.width() ? x - 10 - bw : x + 10, by = L.top() + 4;
        d.color(style.panel());
        d.fillRect(bx, by, bw, bh);
        d.color(style.muted());
        d.strokeRect(bx, by, bw, bh);
        d.color(style.foreground());
        d.text("step " + k, bx + pad, by + row - 3, size, Align.LEFT, true);
        int r = 1;
        for (PlotScene.Path p : scene.paths()) {
            Trajectory t = p.trajectory();
            if (!p.visible() || t == null) {
                continue;
            }
            double ty = by + (r + 1) * row - 3;
            d.color(p.color());
            d.fillRect(bx + pad, ty - size * 0.7, 9, 9);
            d.color(style.foreground());
            d.text(p.label() + "  " + valueText(scene.metric(), t, k), bx + pad + 14, ty, size, Align.LEFT, false);
            r++;
        }
    }

    /**
     * A run's value at step k; a run thinned to a bound has it at its kept point at or before k, and
     * the text names that point's step.
     */
    private static String valueText(Metric m, Trajectory t, long k) {
        if (t.size() == 0 || k > t.step(t.size() - 1)) {
            return t.diverged() ? "diverged at " + t.divergedAt() : "–";
        }
        int i = t.indexAt(k);
        String v = Ticks.compact(m.value(t, i));
        return t.step(i) == k ? v : v + " at step " + t.step(i);
    }
}
