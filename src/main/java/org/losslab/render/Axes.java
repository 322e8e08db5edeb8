package org.losslab.render;

import org.losslab.render.Drawing.Align;

/**
 * A chart's data rectangle in pixels, the two scales that map data onto it, and the parts drawn
 * around it: frame, grid, ticks with their labels, axis titles and the chart's title, in the colours
 * and type sizes of a {@link PlotStyle}. Every chart (metric charts, sharpness, the sweep heatmap,
 * the escape study) draws its axes here, so the app's charts and the command line's pictures look
 * alike and follow the theme. Tick values come from {@link Ticks}.
 *
 * <p>A linear scale maps v to the fraction (v − lo)/(hi − lo) of the rectangle; a log₁₀ scale maps
 * log₁₀ v the same way, so each decade takes the same length. y grows upwards.
 *
 * @param left  the data rectangle's left edge in pixels; {@code top}, {@code width} and
 *              {@code height} likewise
 * @param x     the scale along the bottom, {@code y} the one up the left side
 */
public record Axes(PlotStyle style, double left, double top, double width, double height, Axes.Scale x, Axes.Scale y) {
    /** Type sizes before the style's font scale: tick labels, axis titles, the chart's title. */
    static final double TICK = 11, LABEL = 12, TITLE = 13;

    /** One axis: its range and whether it is log₁₀ (then 0 &lt; lo). */
    public record Scale(double lo, double hi, boolean log) {
        public static Scale linear(double lo, double hi) {
            return new Scale(lo, hi, false);
        }

        public static Scale log(double lo, double hi) {
            return new Scale(lo, hi, true);
        }

        /**
         * The range of data in [lo, hi] (positive on a log axis) with a margin of {@code margin}
         * times its length on either side (of its decades on a log axis), or half a decade (5 % of
         * the value) either side when all the data are one value.
         */
        public static Scale fit(double lo, double hi, boolean log, double margin) {
            double a = log ? Math.log10(lo) : lo, b = log ? Math.log10(hi) : hi;
            double pad = b - a < 1e-12 * Math.max(1, Math.abs(b)) ? (log ? 0.5 : Math.max(Math.abs(b) * 0.05, 1e-12))
                    : (b - a) * margin;
            return log ? log(Math.pow(10, a - pad), Math.pow(10, b + pad)) : linear(a - pad, b + pad);
        }

        /** Where v falls along the axis: 0 at lo, 1 at hi (NaN for v ≤ 0 on a log axis). */
        public double fraction(double v) {
            return log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
        }

        /** The value at a fraction of the axis (the inverse of {@link #fraction}). */
        public double value(double f) {
            return log ? Math.pow(10, Math.log10(lo) + f * (Math.log10(hi) - Math.log10(lo))) : lo + f * (hi - lo);
        }

        /** About {@code count} round tick values inside the range. */
        public double[] ticks(int count) {
            return log ? Ticks.logValues(lo, hi, count) : Ticks.values(lo, hi, count);
        }

        /** The label of tick v among ticks about {@code count} to the range. */
        public String label(double v, int count) {
            return log && !Ticks.logIsEven(lo, hi) ? Ticks.logLabel(v) : Ticks.label(v, Ticks.step(lo, hi, count));
        }
    }

    public double right() {
        return left + width;
    }

    public double bottom() {
        return top + height;
    }

    /** Pixel x of data value v (kept within ±10⁵ so a far-off point still draws). */
    public double px(double v) {
        return clamp(left + width * x.fraction(v));
    }

    /** Pixel y of data value v. */
    public double py(double v) {
        return clamp(top + height * (1 - y.fraction(v)));
    }

    /** Is the pixel inside the data rectangle? */
    public boolean inside(double px, double py) {
        return px >= left && px < left + width && py > top && py <= top + height;
    }

    private static double clamp(double v) {
        return Math.max(-1e5, Math.min(1e5, v));
    }

    /** Tick label size in pixels. */
    public double tickSize() {
        return style.font(TICK);
    }

    public double labelSize() {
        return style.font(LABEL);
    }

    public double titleSize() {
        return style.font(TITLE);
    }

    /** Length of a tick mark. */
    public double mark() {
        return 5 * style.fontScale();
    }

    /** The frame around the data rectangle. */
    public void frame(Drawing d) {
        d.dash();
        d.color(style.muted());
        d.lineWidth(style.line(1));
        d.strokeRect(left, top, width, height);
    }

    /** How many ticks fit along {@code pixels} with one every {@code spacing} pixels (before the font scale). */
    private int count(double pixels, double spacing) {
        return Math.max(2, (int) (pixels / (spacing * style.fontScale())));
    }

    /**
     * Ticks along the bottom, one about every {@code spacing} pixels (before the font scale): marks
     * and labels below the frame, and grid lines across when {@code grid}.
     */
    public void xAxis(Drawing d, double spacing, boolean grid) {
        int n = count(width, spacing);
        double size = tickSize(), mark = mark();
        for (double v : x.ticks(n)) {
            double p = px(v);
            if (grid) {
                gridLine(d, p, top, p, top + height);
            }
            tickMark(d, p, top + height, p, top + height + mark);
            d.color(style.foreground());
            d.text(x.label(v, n), p, top + height + mark + size * 1.1, size, Align.CENTER, false);
        }
    }

    /**
     * Ticks along the left side, as {@link #xAxis}; labels right-aligned before the marks.
     *
     * @return the width of the widest label, which the y title clears
     */
    public double yAxis(Drawing d, double spacing, boolean grid) {
        return yTicks(d, spacing, grid, false);
    }

    /** Ticks along the right side, labels after the marks (a colour bar's scale); returns the widest label's width. */
    public double yAxisAtRight(Drawing d, double spacing) {
        return yTicks(d, spacing, false, true);
    }

    private double yTicks(Drawing d, double spacing, boolean grid, boolean right) {
        int n = count(height, spacing);
        double size = tickSize(), mark = mark(), edge = right ? left + width : left, widest = 0;
        for (double v : y.ticks(n)) {
            double p = py(v);
            if (grid) {
                gridLine(d, left, p, left + width, p);
            }
            tickMark(d, right ? edge + mark : edge - mark, p, edge, p);
            String s = y.label(v, n);
            widest = Math.max(widest, d.textWidth(s, size, false));
            d.color(style.foreground());
            d.text(s, right ? edge + mark + 3 : edge - mark - 3, p + size * 0.35, size, right ? Align.LEFT : Align.RIGHT, false);
        }
        return widest;
    }

    /** The widest label of {@code scale}'s ticks for an axis of {@code pixels}: what a margin must leave room for. */
    public static double widestLabel(Drawing d, PlotStyle style, Scale scale, double pixels, double spacing) {
        int n = Math.max(2, (int) (pixels / (spacing * style.fontScale())));
        double w = 0;
        for (double v : scale.ticks(n)) {
            w = Math.max(w, d.textWidth(scale.label(v, n), style.font(TICK), false));
        }
        return w;
    }

    private void gridLine(Drawing d, double x0, double y0, double x1, double y1) {
        d.color(Colors.alpha(style.muted(), 0.35));
        d.lineWidth(style.line(0.6));
        d.moveTo(x0, y0);
        d.lineTo(x1, y1);
        d.stroke();
    }

    private void tickMark(Drawing d, double x0, double y0, double x1, double y1) {
        d.color(style.muted());
        d.lineWidth(style.line(1));
        d.moveTo(x0, y0);
        d.lineTo(x1, y1);
        d.stroke();
    }

    /** The x axis's title, centred below its tick labels (smaller, or shortened, where the axis is too short for it). */
    public void xTitle(Drawing d, String text) {
        double size = fittingSize(d, text, width, labelSize(), false);
        d.color(style.foreground());
        d.text(fitted(d, text, width, size, false), left + width / 2, top + height + mark() + tickSize() * 1.3 + labelSize() * 1.25,
                size, Align.CENTER, false);
    }

    /** The y axis's title, read upwards, left of tick labels {@code labels} wide (what {@link #yAxis} returned). */
    public void yTitle(Drawing d, String text, double labels) {
        double size = fittingSize(d, text, height, labelSize(), false);
        d.color(style.foreground());
        d.textUp(fitted(d, text, height, size, false), left - mark() - 3 - labels - labelSize() * 0.6, top + height / 2, size,
                Align.CENTER, false);
    }

    /** The title of a scale at the right, read upwards, right of tick labels {@code labels} wide. */
    public void yTitleAtRight(Drawing d, String text, double labels) {
        double size = fittingSize(d, text, height, labelSize(), false);
        d.color(style.foreground());
        d.textUp(fitted(d, text, height, size, false), right() + mark() + 3 + labels + labelSize() * 1.3, top + height / 2, size,
                Align.CENTER, false);
    }

    /** Room a y title takes beside the tick labels, in pixels. */
    public static double titleRoom(PlotStyle style) {
        return style.font(LABEL) * 1.6;
    }

    /**
     * The chart's title above the frame, bold, smaller or shortened with an ellipsis where the width
     * less {@code reserve} pixels (for a note at the right) has no room for it.
     */
    public void title(Drawing d, String text, double reserve) {
        double room = width - reserve, size = fittingSize(d, text, room, titleSize(), true);
        d.color(style.foreground());
        d.text(fitted(d, text, room, size, true), left, top - titleSize() * 0.55, size, Align.LEFT, true);
    }

    /** A note in the middle of the rectangle where there is nothing to draw. */
    public void message(Drawing d, String text) {
        d.color(style.muted());
        d.text(text, left + width / 2, top + height / 2, tickSize(), Align.CENTER, false);
    }

    /** The type size, down to ¾ of {@code size}, at which the text fits into {@code room}. */
    public static double fittingSize(Drawing d, String text, double room, double size, boolean bold) {
        double w = d.textWidth(text, size, bold);
        return w <= room ? size : size * Math.max(0.75, room / w);
    }

    /** The text, shortened with an ellipsis where it is wider than {@code room}. */
    public static String fitted(Drawing d, String text, double room, double size, boolean bold) {
        if (d.textWidth(text, size, bold) <= room) {
            return text;
        }
        for (int n = text.length() - 1; n > 1; n--) {
            String t = text.substring(0, n).strip() + "…";
            if (d.textWidth(t, size, bold) <= room) {
                return t;
            }
        }
        return text.substring(0, 1) + "…";
    }
}
