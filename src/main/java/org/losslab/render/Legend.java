package org.losslab.render;

import java.util.List;
import org.losslab.render.Drawing.Align;

/**
 * A chart's legend: entries of a swatch (how the thing is drawn) and a text, either stacked on a
 * panel-coloured card in a corner of the plot, or in a line below it that wraps where the picture
 * is narrow. Sizes follow the {@link PlotStyle}, so presentation mode enlarges them with the rest.
 */
public final class Legend {
    private static final double SIZE = 12;

    /** Draws an entry's mark in a box {@code w} wide whose vertical centre is {@code cy}. */
    @FunctionalInterface
    public interface Swatch {
        void draw(Drawing d, double x, double cy, double w, double size);
    }

    /**
     * One entry.
     *
     * @param bold the text in bold (the selected run)
     * @param dim  the text in the muted colour (a hidden run)
     */
    public record Entry(Swatch swatch, String text, boolean bold, boolean dim) {
        public Entry(Swatch swatch, String text) {
            this(swatch, text, false, false);
        }
    }

    private Legend() {
    }

    /** A short line of a series' colour and width. */
    public static Swatch line(int argb, double width) {
        return (d, x, cy, w, size) -> {
            d.dash();
            d.color(argb);
            d.lineWidth(width);
            d.moveTo(x, cy);
            d.lineTo(x + w, cy);
            d.stroke();
        };
    }

    /** A filled square with a frame, for areas (cells, bars). */
    public static Swatch box(int argb, PlotStyle style) {
        return (d, x, cy, w, size) -> {
            double s = size * 0.95;
            d.color(argb);
            d.fillRect(x, cy - s / 2, s, s);
            d.color(style.muted());
            d.lineWidth(style.line(1));
            d.strokeRect(x, cy - s / 2, s, s);
        };
    }

    /** Type size of legend text. */
    public static double size(PlotStyle style) {
        return style.font(SIZE);
    }

    private static double swatchWidth(PlotStyle style) {
        return 18 * style.fontScale();
    }

    private static double pad(PlotStyle style) {
        return 8 * style.fontScale();
    }

    /** The height of a card of n entries. */
    public static double cardHeight(PlotStyle style, int n) {
        double size = size(style), row = size * 1.5;
        return pad(style) * 2 + row * n - (row - size);
    }

    /**
     * The entries stacked on a card whose top edge is at y and whose left edge is at x, or whose
     * right edge is at x when {@code fromRight}; texts are shortened so the card is at most
     * {@code maxWidth} wide.
     */
    public static void card(Drawing d, PlotStyle style, List<Entry> entries, double x, double y, boolean fromRight,
                            double maxWidth) {
        if (entries.isEmpty()) {
            return;
        }
        double size = size(style), row = size * 1.5, pad = pad(style), swatch = swatchWidth(style);
        String[] texts = new String[entries.size()];
        double tw = 0;
        for (int i = 0; i < texts.length; i++) {
            Entry e = entries.get(i);
            texts[i] = Axes.fitted(d, e.text(), maxWidth - pad * 3 - swatch, size, e.bold());
            tw = Math.max(tw, d.textWidth(texts[i], size, e.bold()));
        }
        double bw = pad * 3 + swatch + tw, bh = cardHeight(style, entries.size());
        double bx = fromRight ? x - bw : x;
        d.dash();
        d.color(style.panel());
        d.fillRect(bx, y, bw, bh);
        d.color(style.muted());
        d.lineWidth(style.line(0.8));
        d.strokeRect(bx, y, bw, bh);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            double ty = y + pad + size * 0.85 + i * row;
            e.swatch().draw(d, bx + pad, ty - size * 0.35, swatch, size);
            d.color(e.dim() ? style.muted() : style.foreground());
            d.text(texts[i], bx + pad * 2 + swatch, ty, size, Align.LEFT, e.bold());
        }
    }

    /**
     * The entries side by side from (x, baseline y), wrapping onto further lines where a line would
     * be wider than {@code maxWidth}. Returns the height the lines take.
     */
    public static double row(Drawing d, PlotStyle style, List<Entry> entries, double x, double y, double maxWidth) {
        return lines(d, style, entries, x, y, maxWidth, true);
    }

    /** The height {@link #row} would take, drawing nothing. */
    public static double rowHeight(Drawing d, PlotStyle style, List<Entry> entries, double maxWidth) {
        return lines(d, style, entries, 0, 0, maxWidth, false);
    }

    private static double lines(Drawing d, PlotStyle style, List<Entry> entries, double x, double y, double maxWidth,
                                boolean draw) {
        if (entries.isEmpty()) {
            return 0;
        }
        double size = size(style), line = size * 1.6, swatch = swatchWidth(style), gap = size * 0.6, space = size * 1.8;
        double at = x, baseline = y;
        for (Entry e : entries) {
            // An entry too long for a line of its own is shortened.
            String text = Axes.fitted(d, e.text(), maxWidth - swatch - gap, size, e.bold());
            double w = swatch + gap + d.textWidth(text, size, e.bold());
            if (at > x && at + w > x + maxWidth) {
                at = x;
                baseline += line;
            }
            if (draw) {
                e.swatch().draw(d, at, baseline - size * 0.35, swatch, size);
                d.color(e.dim() ? style.muted() : style.foreground());
                d.text(text, at + swatch + gap, baseline, size, Align.LEFT, e.bold());
            }
            at += w + space;
        }
        return baseline - y + line;
    }
}
