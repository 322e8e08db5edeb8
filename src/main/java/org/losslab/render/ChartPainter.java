package org.losslab.render;

import org.losslab.engine.sim.Trajectory;
import org.losslab.render.Drawing.Align;

/**
 * Paints a chart of one metric against the step for every visible run. Thousands of steps fall on
 * a few hundred pixel columns, so each run is drawn as its per-column range (min to max), which
 * keeps spikes visible and costs one segment per column.
 */
public final class ChartPainter {

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
        double size = style.font(11);
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
        d.color(style.muted());
        d.lineWidth(style.line(1));
        d.strokeRect(L.left(), L.top(), L.width(), L.height());
        if (!(lo <= hi)) {
            d.color(style.muted());
            d.text("no values", L.left() + L.width() / 2, L.top() + L.height() / 2, size, Align.CENTER, false);
            return;
        }
        boolean log = scene.metric().prefersLog() && positive;
        if (log) {
            lo = Math.log10(lo);
            hi = Math.log10(hi);
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = log ? 0.5 : Math.max(Math.abs(hi) * 0.05, 1e-12);
            lo -= pad;
            hi += pad;
        } else {
            double pad = (hi - lo) * 0.04;
            lo -= pad;
            hi += pad;
        }
        yAxis(d, L, style, lo, hi, log, size);
        xAxis(d, L, style, steps, size);
        double logWidth = log ? d.textWidth("log", size, false) + 8 : 0;
        d.color(style.foreground());
        double titleSize = style.font(12);
        d.text(fitted(d, scene.metric().title(), L.width() - logWidth, titleSize), L.left(), L.top() - 7 * style.fontScale(),
                titleSize, Align.LEFT, true);
        d.clip(L.left(), L.top(), L.width(), L.height());
        for (PlotScene.Path p : scene.paths()) {
            if (p.visible() && p.trajectory() != null) {
                series(d, L, style, scene.metric(), p, steps, lo, hi, log);
            }
        }
        double cx = L.left() + L.width() * Math.min(1, (double) scene.cursor() / steps);
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

    private static double py(Layout L, double v, double lo, double hi, boolean log) {
        double s = log ? Math.log10(v) : v;
        return L.top() + L.height() * (1 - (s - lo) / (hi - lo));
    }

    private static void series(Drawing d, Layout L, PlotStyle style, Metric m, PlotScene.Path p, long steps, double lo,
                               double hi, boolean log) {
        Trajectory t = p.trajectory();
        d.color(p.color());
        d.lineWidth(style.line(p.selected() ? 2.5 : 1.6));
        int column = Integer.MIN_VALUE;
        double cMin = 0, cMax = 0;
        boolean open = false;
        for (int k = 0; k <= t.size(); k++) {
            double v = k < t.size() ? m.value(t, k) : Double.NaN;
            int col = k < t.size() ? (int) Math.floor(L.left() + L.width() * k / steps) : Integer.MAX_VALUE;
            boolean finite = Double.isFinite(v) && (!log || v > 0);
            if (col != column || !finite) {
                if (column != Integer.MIN_VALUE) {
                    double y0 = clamp(py(L, cMin, lo, hi, log)), y1 = clamp(py(L, cMax, lo, hi, log));
                    if (!open) {
                        d.moveTo(column, y0);
                        open = true;
                    } else {
                        d.lineTo(column, y0);
                    }
                    if (y1 != y0) {
                        d.lineTo(column, y1);
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
        d.stroke();
        if (t.diverged()) {
            double x = L.left() + L.width() * Math.min(1, (double) t.divergedAt() / steps);
            d.dash(4, 3);
            d.moveTo(x, L.top());
            d.lineTo(x, L.top() + L.height());
            d.stroke();
            d.dash();
        }
    }

    private static double clamp(double v) {
        return Math.max(-1e5, Math.min(1e5, v));
    }

    /** A horizontal grid line across the plot at height {@code y}, labelled at the left. */
    public static void yTick(Drawing d, Layout L, PlotStyle style, double y, String text, double size) {
        d.color(Colors.alpha(style.muted(), 0.35));
        d.lineWidth(style.line(0.6));
        d.moveTo(L.left(), y);
        d.lineTo(L.left() + L.width(), y);
        d.stroke();
        d.color(style.foreground());
        d.text(text, L.left() - 4, y + size * 0.35, size, Align.RIGHT, false);
    }

    private static void yAxis(Drawing d, Layout L, PlotStyle style, double lo, double hi, boolean log, double size) {
        int count = Math.max(2, (int) (L.height() / (28 * style.fontScale())));
        double step = log ? Math.max(1, Math.ceil(Ticks.step(lo, hi, count))) : Ticks.step(lo, hi, count);
        double first = Math.ceil(lo / step) * step;
        for (double s = first; s <= hi + 1e-9 * step; s += step) {
            double y = L.top() + L.height() * (1 - (s - lo) / (hi - lo));
            String text = log ? "1e" + Math.round(s) : Ticks.label(Math.abs(s) < step * 1e-9 ? 0 : s, step);
            if (log && Math.round(s) == 0) {
                text = "1";
            }
            yTick(d, L, style, y, text, size);
        }
        if (log) {
            d.color(style.muted());
            d.text("log", L.left() + L.width() - 2, L.top() - 7 * style.fontScale(), size, Align.RIGHT, false);
        }
    }

    /** The title, shortened with an ellipsis where a narrow chart (or large type) leaves no room. */
    private static String fitted(Drawing d, String title, double room, double size) {
        if (d.textWidth(title, size, true) <= room) {
            return title;
        }
        for (int n = title.length() - 1; n > 1; n--) {
            String t = title.substring(0, n).strip() + "…";
            if (d.textWidth(t, size, true) <= room) {
                return t;
            }
        }
        return title.substring(0, 1) + "…";
    }

    private static void xAxis(Drawing d, Layout L, PlotStyle style, long steps, double size) {
        int count = Math.max(2, (int) (L.width() / (70 * style.fontScale())));
        double step = Math.max(1, Ticks.step(0, steps, count));
        for (double s : Ticks.values(0, steps, count)) {
            double x = L.left() + L.width() * s / steps;
            d.color(style.foreground());
            d.text(Ticks.label(s, step), x, L.top() + L.height() + size * 1.3, size, Align.CENTER, false);
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
        StringBuilder sb = new StringBuilder();
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
        sb.setLength(0);
    }

    private static String valueText(Metric m, Trajectory t, long k) {
        if (k >= t.size()) {
            return t.diverged() ? "diverged at " + t.divergedAt() : "–";
        }
        return Ticks.compact(m.value(t, (int) k));
    }
}
