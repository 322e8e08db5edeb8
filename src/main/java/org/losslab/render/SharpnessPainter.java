package org.losslab.render;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.analysis.EdgeOfStability;

/**
 * Paints the edge-of-stability chart: for every run its sharpness λmax(H(θ_k)) (the preconditioned
 * one for adaptive methods) as a solid line and its stability limit (2/η for gradient descent,
 * 2(1 + β)/η for heavy ball, …) as a dashed line of the same colour, against the step, with a ring
 * where the sharpness first rises above the limit. Same layout and style as the metric charts
 * ({@link ChartPainter.Layout}, {@link Axes}), on a log axis when every value is positive.
 */
public final class SharpnessPainter {

    private static final String TITLE = "Sharpness along each run (solid) against its stability limit, e.g. 2/η (dashed)";

    /**
     * One run's series, colour (ARGB) and label; {@code steps[k]} is the step of point k when the
     * series is sampled (a network's sharpness measured every N steps), null when point k is step k.
     */
    public record Run(EdgeOfStability.Series series, int color, String label, long[] steps) {
        public Run {
            steps = steps == null ? null : steps.clone();
        }

        public Run(EdgeOfStability.Series series, int color, String label) {
            this(series, color, label, null);
        }

        /** The step of point k. */
        public long step(int k) {
            return steps == null ? k : steps[k];
        }
    }

    public void paint(Drawing d, List<Run> runs, long steps, PlotStyle style, double width, double height) {
        double fs = style.fontScale();
        ChartPainter.Layout full = ChartPainter.Layout.of(width, height, style);
        double left = full.left() + 12 * fs, top = full.top() + 6 * fs, w = full.width() - 12 * fs, h = full.height() - 18 * fs;
        d.dash();
        d.color(style.background());
        d.fillRect(0, 0, width, height);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        boolean positive = true;
        for (Run r : runs) {
            EdgeOfStability.Series s = r.series();
            for (int k = 0; k < s.size(); k++) {
                for (int which = 0; which < 2; which++) {
                    double v = which == 0 ? s.effective(k) : s.limit()[k];
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
        steps = Math.max(1, steps);
        Axes.Scale x = Axes.Scale.linear(0, steps);
        if (!(lo <= hi)) {
            Axes empty = new Axes(style, left, top, w, h, x, Axes.Scale.linear(0, 1));
            empty.frame(d);
            empty.title(d, TITLE, 0);
            empty.message(d, "no sharpness to show");
            return;
        }
        boolean log = positive;
        Axes a = new Axes(style, left, top, w, h, x, Axes.Scale.fit(lo, hi, log, 0.06));
        a.yAxis(d, 45, true);
        a.xAxis(d, 80, false);
        a.frame(d);
        a.title(d, TITLE, 0);
        double size = a.tickSize();
        d.color(style.muted());
        d.text(log ? "λ (log)" : "λ", a.left() + 4, a.top() + size * 1.2, size, Drawing.Align.LEFT, false);
        d.clip(a.left(), a.top(), a.width(), a.height());
        for (Run r : runs) {
            EdgeOfStability.Series s = r.series();
            d.color(r.color());
            d.lineWidth(style.line(2));
            line(d, a, r, false);
            d.lineWidth(style.line(1.6));
            d.dash(7 * style.lineScale(), 5 * style.lineScale());
            line(d, a, r, true);
            d.dash();
            int k = s.firstAboveLimit();
            if (k > 0) {
                d.lineWidth(style.line(2.5));
                d.strokeCircle(a.px(r.step(k)), a.py(s.effective(k)), 7 * fs);
            }
        }
        d.unclip();
        List<Legend.Entry> entries = new ArrayList<>(runs.size());
        for (Run r : runs) {
            entries.add(new Legend.Entry(Legend.line(r.color(), style.line(2)), caption(r)));
        }
        Legend.card(d, style, entries, a.right() - 8, a.top() + 8, true, a.width() - 16);
        d.color(style.foreground());
        d.text("step", a.left() + a.width() / 2, height - 4 * fs, size, Drawing.Align.CENTER, false);
    }

    /** One series, one vertex per pixel column (the column's last point): a 10⁶-step run costs a few hundred segments. */
    private static void line(Drawing d, Axes a, Run r, boolean limit) {
        EdgeOfStability.Series s = r.series();
        double[] lim = limit ? s.limit() : null;
        boolean log = a.y().log();
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
            double x = a.px(r.step(k));
            int col = (int) x;
            if (col == column && k < s.size() - 1) {
                continue;
            }
            column = col;
            double y = a.py(v);
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
        return r.label() + what + (k > 0 ? ": crosses its limit at step " + r.step(k) : ": stays below its limit")
                + (s.divergedAt() >= 0 ? ", diverges at step " + s.divergedAt() : "");
    }
}
