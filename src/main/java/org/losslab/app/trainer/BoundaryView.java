package org.losslab.app.trainer;

import org.losslab.app.trainer.model.Boundary;
import org.losslab.app.trainer.model.ClassColors;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.engine.mlp.Dataset;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.surface.Window;
import org.losslab.render.Colors;
import org.losslab.render.Drawing;
import org.losslab.render.Drawing.Align;
import org.losslab.render.PlotStyle;
import org.losslab.render.Ticks;

/**
 * The OUTPUT picture: what the shown run predicts over the input plane — the decision regions on
 * the diverging class scale (with its legend) or, for a 1-D regression, the fitted curve — and the
 * data on top: training points filled, test points as rings.
 */
final class BoundaryView extends CanvasView {
    private final TrainerModel model;
    private int[] lastPixels;

    BoundaryView(TrainerModel model) {
        this.model = model;
        getStyleClass().add("boundary-view");
        setMinSize(160, 160);
        setAccessibleText("decision boundary of the network over the data");
        dependOn(model.session().boundaryProperty(), model.setup().configProperty(), model.session().shownRunProperty());
    }

    /** The raster drawn last (tests compare it across steps). */
    int[] lastPixels() {
        return lastPixels;
    }

    @Override
    void paint(Drawing d, double w, double h) {
        PlotStyle st = style();
        Training t = model.setup().training();
        Window win = model.setup().inputWindow();
        int classes = t.data().train().classes();
        double fs = st.fontScale();
        double size = st.font(11);
        double legendH = size * 5 + 8;
        // Room on the left for the y labels (the curve's targets can be negative and long).
        double gutter = 8 + Math.max(d.textWidth(Ticks.compact(win.yMin()), st.font(10), false),
                d.textWidth(Ticks.compact(win.yMax()), st.font(10), false));
        double side = Math.max(40, Math.min(w - 2 * gutter, h - legendH - size * 1.6 - 8 * fs));
        double left = Math.max(gutter, (w - side) / 2), top = 8 * fs;
        Boundary b = model.session().boundaryProperty().get();
        d.clip(left, top, side, side);
        d.color(ClassColors.NEUTRAL);
        d.fillRect(left, top, side, side);
        double sx = side / win.width(), sy = side / win.height();
        if (b != null && b.uncertain() && b.pixels() != null) {
            int[] map = uncertaintyMap(b);
            d.image(map, b.size(), b.size(), left, top, side, side, true);
            lastPixels = map;
            decisionBoundary(d, st, b, left, top, side);
        } else if (b != null && b.pixels() != null) {
            d.image(b.pixels(), b.size(), b.size(), left, top, side, side, true);
            lastPixels = b.pixels();
        }
        if (b != null && b.uncertain() && b.curve() != null) {
            spreadBand(d, b, win, left, top, side, sy);
        }
        // Points: class colour with a contrasting rim; test points hollow.
        double r = Math.max(2.2, side / 150) * st.lineScale();
        drawPoints(d, t.data().train(), classes, win, left, top, sx, sy, r, true);
        drawPoints(d, t.data().test(), classes, win, left, top, sx, sy, r, false);
        if (b != null && b.curve() != null) {
            double[] y = b.curve();
            d.color(Colors.parse(model.setup().color(b.run())));
            d.lineWidth(st.line(3));
            for (int i = 0; i < y.length; i++) {
                double px = left + side * i / (y.length - 1), py = top + (win.yMax() - y[i]) * sy;
                if (i == 0) {
                    d.moveTo(px, py);
                } else {
                    d.lineTo(px, py);
                }
            }
            d.stroke();
        }
        d.unclip();
        d.color(st.muted());
        d.lineWidth(st.line(1));
        d.strokeRect(left, top, side, side);
        axes(d, st, win, left, top, side);
        legend(d, st, classes, left, top + side + size * 1.6, side, b);
    }

    /** The MC-dropout legend: the spread scale from 0 to its top, the boundary line and the passes. */
    private static void spreadLegend(Drawing d, PlotStyle st, Boundary b, double left, double by, double side) {
        double size = st.font(11);
        String title = "spread, " + b.passes() + " MC passes";
        double label = d.textWidth(title, size, true) + 8;
        double bx = left + label, bw = side - label, bh = size * 0.8;
        double topValue = spreadScale(b);
        int n = 48;
        for (int i = 0; i < n; i++) {
            d.color(ClassColors.mix(ClassColors.NEUTRAL, SPREAD_HUE, (i + 0.5) / n * 0.85));
            d.fillRect(bx + bw * i / n, by, bw / n + 0.5, bh);
        }
        d.color(st.muted());
        d.lineWidth(st.line(1));
        d.strokeRect(bx, by, bw, bh);
        d.color(st.foreground());
        d.text(title, left, by + bh, size, Align.LEFT, true);
        d.text("0", bx, by + bh + size * 1.1, size, Align.LEFT, false);
        d.text(org.losslab.io.Numbers.format(Math.round(topValue * 100) / 100.0), bx + bw, by + bh + size * 1.1, size, Align.RIGHT, false);
        d.color(st.muted());
        d.text(b.predicted() != null ? "purple: the passes' spread · line: their mean's decision boundary"
                : "line: the mean of the passes · band: ± 2 spreads", left, by + bh + size * 2.4, size, Align.LEFT, false);
    }

    /** The deep end of the spread scale (pale neutral at no spread). */
    static final int SPREAD_HUE = 0xFF4B2C83;

    /** The top of the spread scale: the map's largest spread, rounded up to a step of 0.05 (at least 0.05). */
    static double spreadScale(Boundary b) {
        double max = 0;
        for (double v : b.spread()) {
            max = Math.max(max, v);
        }
        return Math.max(0.05, Math.ceil(max / 0.05 - 1e-9) * 0.05);
    }

    /** MC dropout: the spread of the passes at each pixel, pale (no spread) to deep purple (the scale's top). */
    static int[] uncertaintyMap(Boundary b) {
        double top = spreadScale(b);
        int[] px = new int[b.spread().length];
        double[] s = b.spread();
        for (int i = 0; i < px.length; i++) {
            px[i] = ClassColors.mix(ClassColors.NEUTRAL, SPREAD_HUE, Math.min(1, s[i] / top) * 0.85);
        }
        return px;
    }

    /** The mean prediction's decision boundary over the spread: a line between cells whose predicted classes differ. */
    static void decisionBoundary(Drawing d, PlotStyle st, Boundary b, double left, double top, double side) {
        int n = b.size();
        int[] c = b.predicted();
        double cell = side / n;
        d.color(0xFF1A1A1A);
        d.lineWidth(st.line(2));
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < n; k++) {
                int here = c[r * n + k];
                if (k + 1 < n && c[r * n + k + 1] != here) {
                    d.moveTo(left + (k + 1) * cell, top + r * cell);
                    d.lineTo(left + (k + 1) * cell, top + (r + 1) * cell);
                }
                if (r + 1 < n && c[(r + 1) * n + k] != here) {
                    d.moveTo(left + k * cell, top + (r + 1) * cell);
                    d.lineTo(left + (k + 1) * cell, top + (r + 1) * cell);
                }
            }
        }
        d.stroke();
    }

    /** MC dropout on a curve: the band mean ± 2·spread behind the mean curve. */
    private void spreadBand(Drawing d, Boundary b, Window win, double left, double top, double side, double sy) {
        double[] y = b.curve(), s = b.spread();
        int n = y.length;
        double[] xs = new double[2 * n], ys = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xs[i] = xs[2 * n - 1 - i] = left + side * i / (n - 1);
            ys[i] = top + (win.yMax() - (y[i] + 2 * s[i])) * sy;
            ys[2 * n - 1 - i] = top + (win.yMax() - (y[i] - 2 * s[i])) * sy;
        }
        d.color(ClassColors.mix(ClassColors.NEUTRAL, SPREAD_HUE, 0.35));
        d.fillPolygon(xs, ys, 2 * n);
    }

    static void drawPoints(Drawing d, Dataset data, int classes, Window win, double left, double top, double sx,
                                   double sy, double r, boolean filled) {
        for (int i = 0; i < data.size(); i++) {
            double x = left + (data.x1(i) - win.xMin()) * sx;
            double y = top + (win.yMax() - (classes == 0 ? data.y(i) : data.x2(i))) * sy;
            int c = classes == 0 ? 0xFF333333 : ClassColors.of(data.label(i));
            if (filled) {
                d.color(0xFFFFFFFF);
                d.fillCircle(x, y, r + 1);
                d.color(c);
                d.fillCircle(x, y, r);
            } else {
                d.color(0xFFFFFFFF);
                d.lineWidth(2.6);
                d.strokeCircle(x, y, r);
                d.color(c);
                d.lineWidth(1.4);
                d.strokeCircle(x, y, r);
            }
        }
    }

    private static void axes(Drawing d, PlotStyle st, Window win, double left, double top, double side) {
        double size = st.font(10);
        d.color(st.foreground());
        d.text(Ticks.compact(win.xMin()), left, top + side + size * 1.2, size, Align.LEFT, false);
        d.text(Ticks.compact(win.xMax()), left + side, top + side + size * 1.2, size, Align.RIGHT, false);
        d.text("x₁", left + side / 2, top + side + size * 1.2, size, Align.CENTER, false);
        d.text(Ticks.compact(win.yMax()), left - 3, top + size, size, Align.RIGHT, false);
        d.text(Ticks.compact(win.yMin()), left - 3, top + side, size, Align.RIGHT, false);
    }

    /** Below the axis labels: class swatches and point marks, then the P(class 1) scale with its ticks. */
    private void legend(Drawing d, PlotStyle st, int classes, double left, double y, double side, Boundary b) {
        double size = st.font(11);
        double row = size * 1.45;
        String marks = "● train  ○ test" + (b != null ? "   step " + b.step() : "");
        d.color(st.foreground());
        if (classes == 0) {
            d.text("points: data (y against x₁) · line: the network's ŷ(x₁)" + (b != null ? "   step " + b.step() : ""),
                    left, y + size, size, Align.LEFT, false);
            if (b != null && b.uncertain()) {
                d.text("MC dropout: line the mean of " + b.passes() + " passes, band ± 2 spreads", left, y + size + row, size,
                        Align.LEFT, false);
            }
            return;
        }
        double x = left;
        for (int c = 0; c < classes && c < 6; c++) {
            d.color(ClassColors.of(c));
            d.fillCircle(x + size * 0.45, y + size * 0.6, size * 0.45);
            d.color(st.foreground());
            d.text("class " + c, x + size * 1.2, y + size, size, Align.LEFT, false);
            x += d.textWidth("class " + c, size, false) + size * 2;
        }
        d.color(st.muted());
        d.text(marks, left + side, y + size, size, Align.RIGHT, false);
        if (b != null && b.uncertain()) {
            spreadLegend(d, st, b, left, y + row, side);
            return;
        }
        if (classes != 2) {
            return;
        }
        double label = d.textWidth("P(class 1)", size, true) + 8;
        double bx = left + label, bw = side - label, by = y + row, bh = size * 0.8;
        int n = 64;
        for (int i = 0; i < n; i++) {
            d.color(ClassColors.diverging((i + 0.5) / n));
            d.fillRect(bx + bw * i / n, by, bw / n + 0.5, bh);
        }
        d.color(st.muted());
        d.lineWidth(st.line(1));
        d.strokeRect(bx, by, bw, bh);
        d.color(st.foreground());
        d.text("P(class 1)", left, by + bh, size, Align.LEFT, true);
        d.text("0", bx, by + bh + size * 1.1, size, Align.LEFT, false);
        d.text("½", bx + bw / 2, by + bh + size * 1.1, size, Align.CENTER, false);
        d.text("1", bx + bw, by + bh + size * 1.1, size, Align.RIGHT, false);
    }
}
