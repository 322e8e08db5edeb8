package org.losslab.app.trainer;

import org.losslab.app.trainer.model.ClassColors;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.engine.mlp.Architecture;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.render.Colors;
import org.losslab.render.Drawing;
import org.losslab.render.Drawing.Align;
import org.losslab.render.PlotStyle;

/**
 * The network drawn as the Playground draws it: a column of units per layer, every weight a line
 * whose colour is its sign (blue positive, orange negative, the class scale's ends) and whose width
 * and opacity grow with |w| relative to the largest weight of the net. Wide layers show their first
 * {@link #MAX_UNITS} units.
 */
final class NetworkView extends CanvasView {
    static final int MAX_UNITS = 16;
    private final TrainerModel model;

    NetworkView(TrainerModel model) {
        this.model = model;
        getStyleClass().add("network-view");
        setMinSize(160, 120);
        setAccessibleText("the network: weights as line colour and width");
        dependOn(model.session().frameProperty(), model.setup().configProperty(), model.session().shownRunProperty());
    }

    @Override
    void paint(Drawing d, double w, double h) {
        PlotStyle st = style();
        Architecture a = model.setup().training().architecture();
        TrainSnapshot s = model.session().lastSnapshot();
        int[] widths = a.widths();
        int layers = widths.length;
        double fs = st.fontScale();
        double size = st.font(10);
        double left = 58 * fs, right = 30 * fs, top = 24 * fs, bottom = 12 * fs;
        double colW = layers > 1 ? (w - left - right) / (layers - 1) : 0;
        double maxW = 1e-12;
        if (s != null) {
            for (int i = 0; i < s.weightCount(); i++) {
                if (Double.isFinite(s.weight(i))) {
                    maxW = Math.max(maxW, Math.abs(s.weight(i)));
                }
            }
        }
        double[][] ys = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int n = Math.min(widths[l], MAX_UNITS);
            ys[l] = new double[n];
            double gap = (h - top - bottom) / Math.max(1, n);
            for (int j = 0; j < n; j++) {
                ys[l][j] = top + gap * (j + 0.5);
            }
        }
        if (s != null) {
            for (int l = 0; l < layers - 1; l++) {
                double x0 = left + colW * l, x1 = left + colW * (l + 1);
                for (int j = 0; j < ys[l + 1].length; j++) {
                    for (int k = 0; k < ys[l].length; k++) {
                        double v = s.weight(a.weightIndex(l, j, k));
                        double u = Double.isFinite(v) ? Math.abs(v) / maxW : 1;
                        int c = !Double.isFinite(v) ? 0xFF888888 : ClassColors.of(v >= 0 ? 1 : 0);
                        d.color(Colors.alpha(c, 0.25 + 0.75 * u));
                        d.lineWidth(st.line(0.4 + 4.5 * u));
                        d.moveTo(x0, ys[l][k]);
                        d.lineTo(x1, ys[l + 1][j]);
                        d.stroke();
                    }
                }
            }
        }
        double r = Math.max(3.5, Math.min(9 * fs, (h - top - bottom) / (2.6 * MAX_UNITS) + 3));
        for (int l = 0; l < layers; l++) {
            double x = left + colW * l;
            for (int j = 0; j < ys[l].length; j++) {
                double b = s != null && l > 0 && a.bias() ? s.weight(a.biasOffset(l - 1) + j) : 0;
                d.color(st.background());
                d.fillCircle(x, ys[l][j], r);
                d.color(l == 0 ? st.muted() : ClassColors.diverging(0.5 + 0.5 * Math.tanh(b)));
                d.fillCircle(x, ys[l][j], r * 0.72);
                d.color(st.foreground());
                d.lineWidth(st.line(1));
                d.strokeCircle(x, ys[l][j], r);
                if (l == 0) {
                    d.text(a.features().get(j).id(), x - r - 4, ys[l][j] + size * 0.35, size, Align.RIGHT, false);
                }
            }
            String head = l == 0 ? "input" : l == layers - 1 ? "output" : widths[l] + (widths[l] > MAX_UNITS ? " (first " + MAX_UNITS + ")" : "");
            d.color(st.foreground());
            d.text(head, x, top - 9 * fs, size, l == 0 ? Align.LEFT : l == layers - 1 ? Align.RIGHT : Align.CENTER, l == 0 || l == layers - 1);
        }
        d.color(st.muted());
        String block = a.block().isPlain() ? "" : " · each hidden layer: " + a.block().describe();
        d.text(a.parameterCount() + " weights" + block + " · blue +, orange −, width |w|", w - 4, h - 2, size, Align.RIGHT, false);
    }
}
