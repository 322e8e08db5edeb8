package org.losslab.render;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.analysis.Axis;
import org.losslab.engine.analysis.HeavyBall;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.update.RunSettings;

/**
 * Paints a sweep as a heatmap: one block per cell, coloured with viridis by the chosen measure,
 * diverged cells and cells that never reached the tolerance in greys of the theme, axes in the
 * swept values (log axes in decades), a colour bar, a legend below, and, on a quadratic swept over
 * SGD's lr and momentum, the analytic heavy-ball stability boundary η = 2(1 + β)/((1 − τ)λmax)
 * drawn over it. The app's sweep tab and {@code losslab sweep --png} both paint with this.
 *
 * <p>The painter remembers where the cells of its last picture lie, so a click on the picture
 * maps to the cell under it ({@link #cellAt}).
 */
public final class SweepPainter {
    /** The colour bar's ramp, high values at the top. */
    private static final int[] BAR = new int[256];

    static {
        for (int k = 0; k < BAR.length; k++) {
            BAR[k] = Colormap.argb(1 - k / (BAR.length - 1.0));
        }
    }

    /**
     * What to paint.
     *
     * @param title   the picture's title; empty for "Sweep of x × y"
     * @param surface the swept scenario's surface and {@code base} its run's settings at cell (0, 0),
     *                which tell whether the heavy-ball boundary applies (either may be null: no boundary)
     * @param markX   a cell to outline (the keyboard's), with {@code markY}; −1 for none
     */
    public record Scene(SweepResult result, SweepResult.Measure measure, String title, Surface surface, RunSettings base,
                        int markX, int markY) {
        public Scene(SweepResult result, SweepResult.Measure measure, String title, Surface surface, RunSettings base) {
            this(result, measure, title, surface, base, -1, -1);
        }
    }

    /** The cell values the colours encode (NaN: no colour), row-major from the bottom row, and their range. */
    record Values(double[] value, double min, double max, String label) {
    }

    /** Where the heatmap's cells were in the last picture, or null before the first. */
    private Axes cells;
    private int cellsX, cellsY;

    /** Paints the (finished or partial) sweep into a {@code width × height} picture. */
    public void paint(Drawing d, Scene scene, PlotStyle style, double width, double height) {
        SweepResult r = scene.result();
        SweepResult.Measure m = scene.measure();
        double fs = style.fontScale(), margin = 14 * fs;
        d.dash();
        d.color(style.background());
        d.fillRect(0, 0, width, height);
        Axis ax = r.x(), ay = r.y();
        Values v = values(r, m);
        int diverged = Colors.mix(style.background(), style.foreground(), 0.15);
        int notReached = Colors.mix(style.background(), style.foreground(), 0.5);
        HeavyBallLimit limit = HeavyBallLimit.of(ax, ay, scene.surface(), scene.base());
        List<Legend.Entry> legend = legend(r, m, style, diverged, notReached, limit != null);

        // Layout: title above; y tick labels and title at the left; x ticks, title and the legend
        // below; the colour bar with its labels and title at the right.
        Axes.Scale xs = edges(ax), ys = edges(ay);
        double tick = style.font(Axes.TICK), label = style.font(Axes.LABEL), mark = 5 * fs;
        double legendHeight = Legend.rowHeight(d, style, legend, width - 2 * margin);
        double top = margin + style.font(Axes.TITLE) * 1.9;
        double bottom = mark + tick * 1.4 + label * 1.6 + (legendHeight > 0 ? legendHeight + label * 0.6 : 0) + margin;
        double h = Math.max(10, height - top - bottom);
        double left = margin + Axes.titleRoom(style) + Axes.widestLabel(d, style, ys, h, 60) + mark + 3;
        Axes.Scale bar = Axes.Scale.linear(v.min(), v.max() > v.min() ? v.max() : v.min() + 1);
        boolean hasBar = v.max() >= v.min();
        double barWidth = 20 * fs, barGap = 18 * fs;
        double right = margin + (hasBar ? barGap + barWidth + mark + 3 + Axes.widestLabel(d, style, bar, h, 60)
                + Axes.titleRoom(style) : 0);
        double w = Math.max(10, width - left - right);
        Axes a = new Axes(style, left, top, w, h, xs, ys);

        d.image(cellImage(r, m, v, style.background(), diverged, notReached), r.width(), r.height(), left, top, w, h, false);
        if (limit != null) {
            d.clip(left, top, w, h);
            limit.draw(d, a, style);
            d.unclip();
        }
        if (scene.markX() >= 0 && scene.markX() < r.width() && scene.markY() >= 0 && scene.markY() < r.height()) {
            mark(d, a, r, scene.markX(), scene.markY(), style);
        }
        a.xAxis(d, 90, false);
        double labels = a.yAxis(d, 60, false);
        a.frame(d);
        a.xTitle(d, ax.key());
        a.yTitle(d, ay.key(), labels);
        a.title(d, scene.title().isEmpty() ? "Sweep of " + ax.key() + " × " + ay.key() : scene.title(), 0);
        if (hasBar) {
            Axes b = new Axes(style, left + w + barGap, top, barWidth, h, Axes.Scale.linear(0, 1), bar);
            d.image(BAR, 1, BAR.length, b.left(), b.top(), b.width(), b.height(), false);
            b.frame(d);
            b.yTitleAtRight(d, v.label(), b.yAxisAtRight(d, 60));
        }
        Legend.row(d, style, legend, left, height - margin - legendHeight + Legend.size(style), width - left - margin);
        cells = a;
        cellsX = r.width();
        cellsY = r.height();
    }

    /**
     * The cell under pixel (px, py) of the last picture painted, as {i, j}, or null outside its
     * grid (or before any): what a click on the picture selects.
     */
    public int[] cellAt(double px, double py) {
        Axes a = cells;
        if (a == null) {
            return null;
        }
        double u = (px - a.left()) / a.width(), v = (a.bottom() - py) / a.height();
        if (!(u >= 0 && u < 1 && v >= 0 && v < 1)) {
            return null;
        }
        return new int[] {(int) (u * cellsX), (int) (v * cellsY)};
    }

    /** One pixel per cell, top row first; a new array each time (drawing adapters cache images by array). */
    private static int[] cellImage(SweepResult r, SweepResult.Measure m, Values v, int notDone, int diverged, int notReached) {
        int w = r.width(), h = r.height();
        int[] argb = new int[w * h];
        double span = v.max() - v.min();
        for (int j = 0; j < h; j++) {
            int row = (h - 1 - j) * w;
            for (int i = 0; i < w; i++) {
                double x = v.value()[j * w + i];
                int c;
                if (!r.rowDone(j)) {
                    c = notDone;
                } else if (!Double.isNaN(x)) {
                    c = Colormap.argb(span > 0 ? (x - v.min()) / span : 0.5);
                } else if (m == SweepResult.Measure.DIVERGED) {
                    c = notReached;
                } else {
                    c = r.diverged(i, j) ? diverged : notReached;
                }
                argb[row + i] = c;
            }
        }
        return argb;
    }

    /** The outline of cell (i, j), dark under light so it shows on every colour. */
    private static void mark(Drawing d, Axes a, SweepResult r, int i, int j, PlotStyle style) {
        double cw = a.width() / r.width(), ch = a.height() / r.height();
        double x = a.left() + i * cw, y = a.bottom() - (j + 1) * ch;
        double grow = Math.max(0, 6 * style.fontScale() - Math.min(cw, ch)) / 2;
        d.color(0xFF000000);
        d.lineWidth(style.line(3));
        d.strokeRect(x - grow, y - grow, cw + 2 * grow, ch + 2 * grow);
        d.color(0xFFFFFFFF);
        d.lineWidth(style.line(1.5));
        d.strokeRect(x - grow, y - grow, cw + 2 * grow, ch + 2 * grow);
    }

    private static List<Legend.Entry> legend(SweepResult r, SweepResult.Measure m, PlotStyle style, int diverged,
                                             int notReached, boolean limit) {
        List<Legend.Entry> out = new ArrayList<>(3);
        if (m == SweepResult.Measure.DIVERGED) {
            out.add(new Legend.Entry(Legend.box(notReached, style), "did not diverge"));
        } else {
            if (r.divergedCount() > 0) {
                out.add(new Legend.Entry(Legend.box(diverged, style), "diverged"));
            }
            if (m == SweepResult.Measure.STEPS_TO_TOLERANCE) {
                out.add(new Legend.Entry(Legend.box(notReached, style), "never reached the tolerance"));
            }
        }
        if (limit) {
            out.add(new Legend.Entry((d, x, cy, w, size) -> HeavyBallLimit.stroke(d, style, () -> {
                d.moveTo(x, cy);
                d.lineTo(x + w, cy);
            }), "heavy-ball limit η = 2(1 + β)/λmax"));
        }
        return out;
    }

    static Values values(SweepResult r, SweepResult.Measure m) {
        int w = r.width(), h = r.height();
        // Losses are shown on a log scale when they are all positive; surfaces with minima below 0
        // (the double well, Styblinski–Tang, …) are shown as they are.
        boolean positive = true;
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w && r.rowDone(j); i++) {
                positive &= r.diverged(i, j) || r.finalLoss(i, j) > 0;
            }
        }
        double[] v = new double[w * h];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double x = Double.NaN;
                if (r.rowDone(j)) {
                    switch (m) {
                        case FINAL_LOSS -> x = r.diverged(i, j) ? Double.NaN
                                : positive ? Math.log10(Math.max(r.finalLoss(i, j), 1e-300)) : r.finalLoss(i, j);
                        case STEPS_TO_TOLERANCE -> x = r.diverged(i, j) || r.reachedAt(i, j) < 0 ? Double.NaN : r.reachedAt(i, j);
                        case DIVERGED -> x = r.diverged(i, j) ? Math.log10(Math.max(1, r.divergedAt(i, j))) : Double.NaN;
                    }
                }
                v[j * w + i] = x;
                if (!Double.isNaN(x)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        String label = switch (m) {
            case FINAL_LOSS -> positive ? "log₁₀ final loss" : "final loss";
            case STEPS_TO_TOLERANCE -> "steps to loss ≤ " + Ticks.brief(r.tolerance());
            case DIVERGED -> "log₁₀ step of divergence";
        };
        return new Values(v, lo, hi, label);
    }

    /** An axis of cells centred on their values: it runs half a cell beyond the first and last value. */
    static Axes.Scale edges(Axis a) {
        if (a.count() == 1) {
            double v = a.from();
            return a.log() ? Axes.Scale.log(v / 1.5, v * 1.5) : Axes.Scale.linear(v - 0.5, v + 0.5);
        }
        if (a.log()) {
            double half = Math.pow(a.to() / a.from(), 0.5 / (a.count() - 1));
            return Axes.Scale.log(a.from() / half, a.to() * half);
        }
        double half = (a.to() - a.from()) / (a.count() - 1) / 2;
        return Axes.Scale.linear(a.from() - half, a.to() + half);
    }

    /**
     * The heavy-ball boundary η = 2(1 + β)/((1 − τ)(λmax + wd)) where it is exact: the sweep is SGD's
     * lr against momentum (either way round) on a quadratic with a constant learning rate and no
     * noise, SAM or clipping.
     */
    record HeavyBallLimit(Axis beta, boolean lrOnX, double lambda, double dampening) {
        static HeavyBallLimit of(Axis ax, Axis ay, Surface surface, RunSettings base) {
            if (!(surface instanceof Quadratic q) || q.kappa() <= 0 || base == null) {
                return null;
            }
            OptimizerConfig o = base.optimizer();
            if (!(o instanceof Sgd.Config sgd) || sgd.nesterov() || base.warmupSteps() != 0 || base.noiseTemperature() != 0
                    || base.samRho() != 0 || base.clips() || !base.schedule().create(1, 1).isConstant()) {
                return null;
            }
            boolean lrOnX = ax.key().equals("optimizer.lr") && ay.key().equals("optimizer.momentum");
            boolean lrOnY = ay.key().equals("optimizer.lr") && ax.key().equals("optimizer.momentum");
            if (!lrOnX && !lrOnY) {
                return null;
            }
            return new HeavyBallLimit(lrOnX ? ay : ax, lrOnX, Math.max(1, q.kappa()) + sgd.weightDecay(), sgd.dampening());
        }

        void draw(Drawing d, Axes a, PlotStyle style) {
            stroke(d, style, () -> trace(d, a));
        }

        private void trace(Drawing d, Axes a) {
            boolean started = false;
            int n = 200;
            for (int k = 0; k <= n; k++) {
                double b = beta.from() + (beta.to() - beta.from()) * k / n;
                double lr = HeavyBall.maxStableLr(lambda, b) / (1 - dampening);
                if (!(lr > 0) || !Double.isFinite(lr)) {
                    continue;
                }
                double x = lrOnX ? a.px(lr) : a.px(b), y = lrOnX ? a.py(b) : a.py(lr);
                if (!started) {
                    d.moveTo(x, y);
                    started = true;
                } else {
                    d.lineTo(x, y);
                }
            }
        }

        /** Strokes the path {@code trace} builds as the boundary: dark, then a white dash on it, which reads on every colour of the map. */
        static void stroke(Drawing d, PlotStyle style, Runnable trace) {
            d.dash();
            d.color(0xFF000000);
            d.lineWidth(style.line(4.5));
            trace.run();
            d.stroke();
            d.color(0xFFFFFFFF);
            d.lineWidth(style.line(2.5));
            d.dash(9 * style.lineScale(), 6 * style.lineScale());
            trace.run();
            d.stroke();
            d.dash();
        }
    }
}
