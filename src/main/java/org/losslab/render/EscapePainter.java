package org.losslab.render;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.analysis.EscapeResult;
import org.losslab.format.Palette;
import org.losslab.format.escape.EscapeSpec;

/**
 * Paints an escape study as one picture: for each well a histogram of first-passage times
 * (log-spaced bins, one line per temperature), where the runs ended (stacked bars per well and
 * temperature), and the Arrhenius plot of ln(mean escape time) against 1/T with each well's fitted
 * line, whose slope is the fitted barrier ΔE (Kramers: τ ∝ exp(ΔE/T)), beside the true barrier.
 * Temperatures take the run palette; wells are told apart by marker shape too. The app's escape
 * tab and {@code losslab escape --png} both paint with this.
 */
public final class EscapePainter {
    private static final int SHARP = Colors.parse(Palette.run(1));
    private static final int FLAT = Colors.parse(Palette.run(0));
    /** Log-spaced bins of a histogram. */
    private static final int BINS = 24;

    /**
     * Paints the study into a {@code width × height} picture. Its four charts need room: a style's
     * larger type (presentation mode) is used only as far as the picture is larger than about
     * 720 × 620, where the normal type fits.
     */
    public void paint(Drawing d, EscapeSpec spec, List<EscapeResult> results, PlotStyle style, double width, double height) {
        double fit = Math.max(1, Math.min(width / 720, height / 620));
        if (style.fontScale() > fit) {
            style = style.scaled(fit, style.lineScale());
        }
        double fs = style.fontScale(), margin = 14 * fs, gap = 28 * fs;
        d.dash();
        d.color(style.background());
        d.fillRect(0, 0, width, height);
        double titleSize = style.font(Axes.TITLE) * 1.15;
        d.color(style.foreground());
        String title = spec.title().isEmpty() ? "Escape from the double well's minima" : spec.title();
        d.text(Axes.fitted(d, title, width - 2 * margin, titleSize, true), margin, margin + titleSize, titleSize,
                Drawing.Align.LEFT, true);
        if (results.isEmpty()) {
            return;
        }
        double top = margin + titleSize * 1.6, rowHeight = (height - top - margin - gap) / 2;
        int n = results.size();
        double colWidth = (width - 2 * margin - gap * (n - 1)) / n;
        for (int k = 0; k < n; k++) {
            histogram(d, style, spec.wells().get(k), results.get(k), margin + k * (colWidth + gap), top, colWidth, rowHeight);
        }
        double lowTop = top + rowHeight + gap, half = (width - 2 * margin - gap) / 2;
        int diverged = Colors.mix(style.background(), style.foreground(), 0.3);
        List<Legend.Entry> endsLegend = List.of(new Legend.Entry(Legend.box(SHARP, style), "ends in the sharp well"),
                new Legend.Entry(Legend.box(FLAT, style), "in the flat well"),
                new Legend.Entry(Legend.box(diverged, style), "diverged"));
        List<Legend.Entry> fitLegend = fitLegend(spec, results, style);
        double legendRoom = Math.max(Legend.rowHeight(d, style, endsLegend, half), Legend.rowHeight(d, style, fitLegend, half));
        ends(d, style, spec, results, endsLegend, diverged, margin, lowTop, half, rowHeight, legendRoom);
        arrhenius(d, style, spec, results, fitLegend, margin + half + gap, lowTop, half, rowHeight, legendRoom);
    }

    /** A temperature's colour, or the ink where the palette's colour would not show on the background (black on dark). */
    private static int temperatureColor(int m, PlotStyle style) {
        int c = Colors.parse(Palette.run(m));
        return Math.abs(Colors.luminance(c) - Colors.luminance(style.background())) < 0.2 ? style.foreground() : c;
    }

    /**
     * The axes of a panel at (x, y), {@code w × h} in all: room for the title above, y tick labels
     * and title at the left ({@code leftRoom} when given, else measured), x ticks and title below
     * and {@code below} more.
     */
    private static Axes panel(Drawing d, PlotStyle style, double x, double y, double w, double h, Axes.Scale xs,
                              Axes.Scale ys, double leftRoom, double below) {
        double fs = style.fontScale(), mark = 5 * fs;
        double top = style.font(Axes.TITLE) * 1.7;
        double bottom = mark + style.font(Axes.TICK) * 1.4 + style.font(Axes.LABEL) * 1.5 + below;
        double ph = Math.max(10, h - top - bottom);
        double left = leftRoom >= 0 ? leftRoom : Axes.titleRoom(style) + Axes.widestLabel(d, style, ys, ph, 40) + mark + 3;
        return new Axes(style, x + left, y + top, Math.max(10, w - left - 6 * fs), ph, xs, ys);
    }

    private static void histogram(Drawing d, PlotStyle style, String well, EscapeResult r, double x, double y, double w,
                                  double h) {
        double lr = r.escape().run().optimizer().lr();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (EscapeResult.AtTemperature t : r.temperatures()) {
            for (int p : t.passages()) {
                lo = Math.min(lo, Math.max(1, p) * lr);
                hi = Math.max(hi, Math.max(1, p) * lr);
            }
        }
        if (!(hi > 0)) {
            lo = lr;
            hi = r.escape().steps() * lr;
        }
        // Bin edges on quarter decades, so the bins line up with the axis's powers of ten.
        lo = Math.pow(10, Math.floor(Math.log10(lo) * 4) / 4);
        hi = Math.pow(10, Math.ceil(Math.log10(hi) * 4) / 4 + 1e-9);
        Axes.Scale xs = Axes.Scale.log(lo, hi);
        int temps = r.temperatures().size();
        double[] fraction = new double[temps * BINS];
        double most = 0;
        for (int m = 0; m < temps; m++) {
            EscapeResult.AtTemperature t = r.temperatures().get(m);
            for (int p : t.passages()) {
                int b = (int) (xs.fraction(Math.max(1, p) * lr) * BINS);
                fraction[m * BINS + Math.min(BINS - 1, Math.max(0, b))] += 1.0 / t.runs();
            }
        }
        for (double f : fraction) {
            most = Math.max(most, f);
        }
        // Headroom above the tallest bar for the legend card, so it covers no bar.
        double card = Legend.cardHeight(style, temps) + 16 * style.fontScale();
        Axes probe = panel(d, style, x, y, w, h, xs, Axes.Scale.linear(0, 1), -1, 0);
        double room = Math.max(0.5, 1 - card / probe.height());
        Axes a = panel(d, style, x, y, w, h, xs, Axes.Scale.linear(0, most > 0 ? most * 1.05 / room : 1), -1, 0);
        a.xAxis(d, 80, true);
        double labels = a.yAxis(d, 40, true);
        a.frame(d);
        a.xTitle(d, "first-passage time (η × updates)");
        a.yTitle(d, "fraction of runs", labels);
        a.title(d, "Leaving the " + well + " well (ΔE = " + Ticks.brief(r.trueBarrier()) + ")", 0);
        List<Legend.Entry> legend = new ArrayList<>(temps);
        d.clip(a.left(), a.top(), a.width(), a.height());
        for (int m = 0; m < temps; m++) {
            int color = temperatureColor(m, style);
            d.color(color);
            d.lineWidth(style.line(2));
            d.moveTo(a.px(lo), a.py(0));
            for (int b = 0; b < BINS; b++) {
                double f = fraction[m * BINS + b];
                d.lineTo(a.px(xs.value((double) b / BINS)), a.py(f));
                d.lineTo(a.px(xs.value((double) (b + 1) / BINS)), a.py(f));
            }
            d.lineTo(a.px(hi), a.py(0));
            d.stroke();
            EscapeResult.AtTemperature t = r.temperatures().get(m);
            legend.add(new Legend.Entry(Legend.line(color, style.line(3)), "T = " + Ticks.brief(t.temperature()) + "  ("
                    + Math.round(100 * t.escapedFraction()) + "% escaped)"));
        }
        d.unclip();
        Legend.card(d, style, legend, a.left() + 8, a.top() + 8, false, a.width() - 16);
    }

    private static void ends(Drawing d, PlotStyle style, EscapeSpec spec, List<EscapeResult> results,
                             List<Legend.Entry> legend, int diverged, double x, double y, double w, double h, double legendRoom) {
        int rows = 0;
        double labels = 0, size = style.font(Axes.TICK);
        for (int k = 0; k < results.size(); k++) {
            for (EscapeResult.AtTemperature t : results.get(k).temperatures()) {
                labels = Math.max(labels, d.textWidth(rowLabel(spec, k, t), size, false));
                rows++;
            }
        }
        Axes a = panel(d, style, x, y, w, h, Axes.Scale.linear(0, 100), Axes.Scale.linear(0, Math.max(1, rows)),
                labels + 10 * style.fontScale(), legendRoom + style.font(Axes.LABEL) * 0.6);
        double rowH = a.height() / Math.max(1, rows);
        // Labels no closer than a line apart: on a short panel only every k-th row is named.
        int every = (int) Math.ceil(size * 1.1 / rowH);
        int row = 0;
        for (int k = 0; k < results.size(); k++) {
            boolean fromSharp = spec.wells().get(k).equals("sharp");
            for (EscapeResult.AtTemperature t : results.get(k).temperatures()) {
                double top = a.top() + row * rowH + rowH * 0.15, bh = rowH * 0.7;
                double sharp = 100.0 * (fromSharp ? t.inStart() : t.inOther()) / t.runs();
                double flat = 100.0 * (fromSharp ? t.inOther() : t.inStart()) / t.runs();
                bar(d, a, 0, sharp, top, bh, SHARP);
                bar(d, a, sharp, sharp + flat, top, bh, FLAT);
                bar(d, a, sharp + flat, 100, top, bh, diverged);
                if (row % every == 0) {
                    d.color(style.foreground());
                    d.text(rowLabel(spec, k, t), a.left() - 8 * style.fontScale(), top + bh / 2 + size * 0.35, size,
                            Drawing.Align.RIGHT, false);
                }
                row++;
            }
        }
        a.xAxis(d, 70, false);
        a.frame(d);
        a.xTitle(d, "share of the runs (%)");
        a.title(d, "Where the runs end", 0);
        Legend.row(d, style, legend, x, y + h - legendRoom + Legend.size(style), w);
    }

    private static String rowLabel(EscapeSpec spec, int well, EscapeResult.AtTemperature t) {
        return "from " + spec.wells().get(well) + ", T = " + Ticks.brief(t.temperature());
    }

    private static void bar(Drawing d, Axes a, double from, double to, double top, double h, int color) {
        d.color(color);
        d.fillRect(a.px(from), top, a.px(to) - a.px(from), h);
    }

    private static List<Legend.Entry> fitLegend(EscapeSpec spec, List<EscapeResult> results, PlotStyle style) {
        List<Legend.Entry> out = new ArrayList<>(results.size());
        for (int k = 0; k < results.size(); k++) {
            EscapeResult r = results.get(k);
            boolean sharp = spec.wells().get(k).equals("sharp");
            EscapeResult.Arrhenius fit = r.arrhenius();
            Legend.Swatch line = Legend.line(sharp ? SHARP : FLAT, style.line(2));
            out.add(new Legend.Entry((d, x, cy, w, size) -> {
                line.draw(d, x, cy, w, size);
                marker(d, style, sharp, x + w / 2, cy);
            }, spec.wells().get(k) + " well: ΔE " + (fit == null ? "—" : Ticks.brief(fit.barrier())) + " fitted, "
                    + Ticks.brief(r.trueBarrier()) + " true"));
        }
        return out;
    }

    /** A well's marker: a square for the sharp well, a disc for the flat one, ringed in the background colour. */
    private static void marker(Drawing d, PlotStyle style, boolean sharp, double x, double y) {
        double r = 6 * style.fontScale();
        d.dash();
        d.color(style.background());
        if (sharp) {
            d.fillRect(x - r - 1.5, y - r - 1.5, 2 * r + 3, 2 * r + 3);
        } else {
            d.fillCircle(x, y, r + 1.5);
        }
        d.color(sharp ? SHARP : FLAT);
        if (sharp) {
            d.fillRect(x - r, y - r, 2 * r, 2 * r);
        } else {
            d.fillCircle(x, y, r + 0.5);
        }
    }

    private static void arrhenius(Drawing d, PlotStyle style, EscapeSpec spec, List<EscapeResult> results,
                                  List<Legend.Entry> legend, double x, double y, double w, double h, double legendRoom) {
        double xlo = Double.POSITIVE_INFINITY, xhi = 0, ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        for (EscapeResult r : results) {
            for (int m = 0; m < r.temperatures().size(); m++) {
                double ix = 1 / r.temperatures().get(m).temperature(), ly = Math.log(r.meanTime(m));
                xlo = Math.min(xlo, ix);
                xhi = Math.max(xhi, ix);
                if (Double.isFinite(ly)) {
                    ylo = Math.min(ylo, ly);
                    yhi = Math.max(yhi, ly);
                }
            }
        }
        if (!(yhi >= ylo)) {
            ylo = 0;
            yhi = 1;
        }
        double padX = Math.max((xhi - xlo) * 0.08, 0.05), padY = Math.max((yhi - ylo) * 0.1, 0.1);
        Axes.Scale xs = Axes.Scale.linear(xlo - padX, xhi + padX), ys = Axes.Scale.linear(ylo - padY, yhi + padY);
        Axes a = panel(d, style, x, y, w, h, xs, ys, -1, legendRoom + style.font(Axes.LABEL) * 0.6);
        a.xAxis(d, 70, true);
        double labels = a.yAxis(d, 40, true);
        a.frame(d);
        a.xTitle(d, "1 / T");
        a.yTitle(d, "ln mean escape time", labels);
        a.title(d, "Arrhenius: ln τ = ln A + ΔE / T", 0);
        d.clip(a.left(), a.top(), a.width(), a.height());
        for (int k = 0; k < results.size(); k++) {
            EscapeResult r = results.get(k);
            boolean sharp = spec.wells().get(k).equals("sharp");
            EscapeResult.Arrhenius fit = r.arrhenius();
            if (fit != null) {
                d.color(sharp ? SHARP : FLAT);
                d.lineWidth(style.line(2));
                d.moveTo(a.px(xs.lo()), a.py(fit.logPrefactor() + fit.barrier() * xs.lo()));
                d.lineTo(a.px(xs.hi()), a.py(fit.logPrefactor() + fit.barrier() * xs.hi()));
                d.stroke();
            }
            for (int m = 0; m < r.temperatures().size(); m++) {
                double ly = Math.log(r.meanTime(m));
                if (Double.isFinite(ly)) {
                    marker(d, style, sharp, a.px(1 / r.temperatures().get(m).temperature()), a.py(ly));
                }
            }
        }
        d.unclip();
        Legend.row(d, style, legend, x, y + h - legendRoom + Legend.size(style), w);
    }
}
