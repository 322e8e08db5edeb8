package org.losslab.app.analysis;

import java.util.List;
import org.losslab.engine.analysis.EdgeOfStability;
import org.losslab.render.ChartPainter;
import org.losslab.render.Drawing;
import org.losslab.render.Drawing.Align;
import org.losslab.render.PlotStyle;
import org.losslab.render.Ticks;

/**
 * Paints the edge-of-stability chart: for every run its sharpness λmax(H(θ_k)) (the preconditioned
 * one for adaptive methods) as a solid line and its stability limit (2/η for gradient descent,
 * 2(1 + β)/η for heavy ball, …) as a dashed line of the same colour, against the step, with a ring
 * where the sharpness first rises above the limit. Same layout and style as the app's metric
 * charts ({@link ChartPainter.Layout}), on a log axis when every value is positive.
 */
public final class SharpnessPainter {

    /** One run's series, colour (ARGB) and label. */
    public record Run(EdgeOfStability.Series series, int color, String label) {
    }

    public void paint(Drawing d, List<Run> runs, long steps, PlotStyle style, double width, double height) {
        double fs = style.fontScale();
        ChartPainter.Layout full = ChartPainter.Layout.of(width, height, style);
        ChartPainter.Layout L = new ChartPainter.Layout(full.left() + 12 * fs, full.top() + 6 * fs, full.width() - 12 * fs,
                full.height() - 18 * fs);
        double size = style.font(12);
        d.dash();
        d.color(style.background());
        d.fillRect(0, 0, width, height);
        d.color(style.foreground());
        d.text("Sharpness along each run (solid) against its stability limit, e.g. 2/η (dashed)", L.left(),
                L.top() - 12 * fs, style.font(13), Align.LEFT, true);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        boolean positive = true;
        for (Run r : runs) {
            EdgeOfStability.Series s = r.series();
            for (int k = 0; k < s.size(); k++) {
                for (double v : new double[] {s.effective(k), s.limit()[k]}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                        positive &= v > 0;
                    }
                }
            }
        }
        // A diverging run's sharpness can climb to 1e300 on surfaces whose curvature grows; the
        // story is at the limits, so the axis spans at most a few decades around them.
        double limLo = Double.POSITIVE_INFINITY, limHi = 0;
        for (Run r : runs) {
            for (double v : r.series().limit()) {
                if (Double.isFinite(v) && v > 0) {
                    limLo = Math.min(limLo, v);
                    limHi = Math.max(limHi, v);
                }
            }
        }
        if (limHi > 0 && positive) {
            hi = Math.min(hi, limHi * 100);
            lo = Math.max(lo, limLo / 1e4);
        }
        d.color(style.muted());
        d.lineWidth(style.line(1));
        d.strokeRect(L.left(), L.top(), L.width(), L.height());
        if (!(lo <= hi)) {
            d.text("no sharpness to show", L.left() + L.width() / 2, L.top() + L.height() / 2, size, Align.CENTER, false);
            return;
        }
        boolean log = positive;
        if (log) {
            lo = Math.log10(lo);
            hi = Math.log10(hi);
        }
        double pad = hi - lo < 1e-12 ? (log ? 0.5 : Math.max(Math.abs(hi) * 0.1, 1e-9)) : (hi - lo) * 0.06;
        lo -= pad;
        hi += pad;
        steps = Math.max(1, steps);
        yAxis(d, L, style, lo, hi, log, size);
        xAxis(d, L, style, steps, size);
        d.clip(L.left(), L.top(), L.width(), L.height());
        for (Run r : runs) {
            EdgeOfStability.Series s = r.series();
            d.color(r.color());
            d.lineWidth(style.line(2));
            line(d, L, s, false, steps, lo, hi, log);
            d.lineWidth(style.line(1.6));
            d.dash(7 * style.lineScale(), 5 * style.lineScale());
            line(d, L, s, true, steps, lo, hi, log);
            d.dash();
            int k = s.firstAboveLimit();
            if (k > 0) {
                double x = px(L, k, steps), y = py(L, s.effective(k), lo, hi, log);
                d.lineWidth(style.line(2.5));
                d.strokeCircle(x, y, 7 * fs);
            }
        }
        d.unclip();
        legend(d, L, style, runs, size);
        d.color(style.foreground());
        d.text("step", L.left() + L.width() / 2, height - 4 * fs, size, Align.CENTER, false);
    }

    private static double px(ChartPainter.Layout L, double k, long steps) {
        return L.left() + L.width() * k / steps;
    }

    private static double py(ChartPainter.Layout L, double v, double lo, double hi, boolean log) {
        double s = log ? Math.log10(v) : v;
        return Math.max(-1e5, Math.min(1e5, L.top() + L.height() * (1 - (s - lo) / (hi - lo))));
    }

    /** One series, one vertex per pixel column (the column's last point): a 10⁶-step run costs a few hundred segments. */
    private static void line(Drawing d, ChartPainter.Layout L, EdgeOfStability.Series s, boolean limit, long steps, double lo,
                             double hi, boolean log) {
        double[] lim = limit ? s.limit() : null;
        boolean open = false;
        int column = Integer.MIN_VALUE;
        for (int k = 0; k < s.size(); k++) {
            double v = limit ? lim[k] : s.effective(k);
            if (!Double.isFinite(v) || (log && v <= 0)) {
                if (open) {
                    d.stroke();
                    open = false;
                }
                continue;
            }
            double x = px(L, k, steps);
            int col = (int) x;
            if (col == column && k < s.size() - 1) {
                continue;
            }
            column = col;
            double y = py(L, v, lo, hi, log);
            if (!open) {
                d.moveTo(x, y);
                open = true;
            } else {
                d.lineTo(x, y);
            }
        }
        if (open) {
            d.stroke();
        }
    }

    private static void yAxis(Drawing d, ChartPainter.Layout L, PlotStyle style, double lo, double hi, boolean log, double size) {
        int count = Math.max(2, (int) (L.height() / (30 * style.fontScale())));
        double step = log ? Math.max(1, Math.ceil(Ticks.step(lo, hi, count))) : Ticks.step(lo, hi, count);
        if (log && Math.floor(hi) - Math.ceil(lo) < 1) {
            // Less than two decades on screen: mark 1, 2 and 5 of each decade too.
            for (int e = (int) Math.floor(lo); e <= Math.ceil(hi); e++) {
                for (double m : new double[] {1, 2, 5}) {
                    double s = e + Math.log10(m);
                    if (s >= lo && s <= hi) {
                        yTick(d, L, style, lo, hi, s, Ticks.compact(m * Math.pow(10, e)), size);
                    }
                }
            }
            d.color(style.muted());
            d.text("λ (log)", L.left() + 4, L.top() + size * 1.2, size, Align.LEFT, false);
            return;
        }
        for (double s = Math.ceil(lo / step) * step; s <= hi + 1e-9 * step; s += step) {
            String text = log ? (Math.round(s) == 0 ? "1" : "1e" + Math.round(s)) : Ticks.label(Math.abs(s) < step * 1e-9 ? 0 : s, step);
            yTick(d, L, style, lo, hi, s, text, size);
        }
        d.color(style.muted());
        d.text(log ? "λ (log)" : "λ", L.left() + 4, L.top() + size * 1.2, size, Align.LEFT, false);
    }

    private static void yTick(Drawing d, ChartPainter.Layout L, PlotStyle style, double lo, double hi, double s, String text,
                              double size) {
        ChartPainter.yTick(d, L, style, L.top() + L.height() * (1 - (s - lo) / (hi - lo)), text, size);
    }

    private static void xAxis(Drawing d, ChartPainter.Layout L, PlotStyle style, long steps, double size) {
        int count = Math.max(2, (int) (L.width() / (80 * style.fontScale())));
        double step = Math.max(1, Ticks.step(0, steps, count));
        for (double s : Ticks.values(0, steps, count)) {
            d.color(style.foreground());
            d.text(Ticks.label(s, step), px(L, s, steps), L.top() + L.height() + size * 1.3, size, Align.CENTER, false);
        }
    }

    private static void legend(Drawing d, ChartPainter.Layout L, PlotStyle style, List<Run> runs, double size) {
        if (runs.isEmpty()) {
            return;
        }
        double row = size * 1.5, pad = 8, sw = 26 * style.fontScale();
        double w = 0;
        String[] text = new String[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            text[i] = caption(runs.get(i));
            w = Math.max(w, d.textWidth(text[i], size, false));
        }
        double bw = w + sw + 3 * pad, bh = runs.size() * row + pad;
        double bx = L.left() + L.width() - bw - 8, by = L.top() + 8;
        d.color(style.panel());
        d.fillRect(bx, by, bw, bh);
        d.color(style.muted());
        d.lineWidth(style.line(1));
        d.strokeRect(bx, by, bw, bh);
        for (int i = 0; i < runs.size(); i++) {
            double y = by + (i + 1) * row - 2;
            d.color(runs.get(i).color());
            d.lineWidth(style.line(2));
            d.moveTo(bx + pad, y - size * 0.35);
            d.lineTo(bx + pad + sw, y - size * 0.35);
            d.stroke();
            d.color(style.foreground());
            d.text(text[i], bx + 2 * pad + sw, y, size, Align.LEFT, false);
        }
    }

    /** "label: crosses the limit at step k" or "stays below its limit", naming preconditioned sharpness for adaptive runs. */
    public static String caption(Run r) {
        EdgeOfStability.Series s = r.series();
        String what = s.adaptive() ? " (preconditioned)" : "";
        int k = s.firstAboveLimit();
        boolean hasLimit = false;
        for (double v : s.limit()) {
            hasLimit |= Double.isFinite(v);
        }
        if (!hasLimit) {
            return r.label() + what + ": no stability limit for this method";
        }
        return r.label() + what + (k > 0 ? ": crosses its limit at step " + k : ": stays below its limit")
                + (s.divergedAt() >= 0 ? ", diverges at step " + s.divergedAt() : "");
    }
}
