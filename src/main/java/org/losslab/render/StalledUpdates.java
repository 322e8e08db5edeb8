package org.losslab.render;

import org.losslab.engine.sim.Trajectory;

/**
 * The stalled updates of low-precision runs: points where an update with a non-zero gradient left θ
 * unchanged, because it was smaller than half an ulp of the format (docs/model.md, "Low
 * precision"). Each such point up to the playback step gets a ring in the run's colour with a dark
 * cross, drawn once however many updates stalled there, and the current point is labelled with the
 * count so far ("412 stalled"). Read from the run's channel {@code precision.stalled} (the running
 * count); runs without it, and runs that never stalled, are left alone.
 */
final class StalledUpdates {
    private static final int DARK = 0xFF202020;

    /** Paints the stall marks of every visible low-precision run at the scene's step. */
    void paint(Drawing d, PlotScene scene, PlotLayout L, PlotStyle style) {
        for (PlotScene.Path p : scene.paths()) {
            Trajectory t = p.trajectory();
            if (!p.visible() || t == null || t.size() == 0) {
                continue;
            }
            int c = t.channel("precision.stalled");
            if (c < 0) {
                continue;
            }
            int last = PlotPainter.shownIndex(t, scene.step());
            double count = t.channel(c, last);
            if (!(count > 0)) {
                continue;
            }
            double r = 5 * style.lineScale();
            double px = Double.NaN, py = Double.NaN;
            for (int k = 1; k <= last; k++) {
                if (t.channel(c, k) > t.channel(c, k - 1)) {
                    double x = L.px(t.x(k)), y = L.py(t.y(k));
                    // Points a pixel apart look the same: a run stuck for a million updates draws one mark.
                    if (Math.abs(x - px) >= 1 || Math.abs(y - py) >= 1) {
                        mark(d, x, y, r, p.color(), style);
                        px = x;
                        py = y;
                    }
                }
            }
            String label = (long) count + " stalled";
            double x = L.px(t.x(last)) + 2 * r, y = L.py(t.y(last)) - 2 * r;
            double size = style.font(11);
            d.color(Colors.alpha(0xFFFFFFFF, 0.75));
            d.fillRect(x - 2, y - size, d.textWidth(label, size, true) + 4, size * 1.3);
            d.color(DARK);
            d.text(label, x, y, size, Drawing.Align.LEFT, true);
        }
    }

    private static void mark(Drawing d, double x, double y, double r, int color, PlotStyle style) {
        d.color(Colors.alpha(0xFFFFFFFF, 0.7));
        d.fillCircle(x, y, r);
        d.color(color);
        d.lineWidth(style.line(1.5));
        d.strokeCircle(x, y, r);
        d.color(DARK);
        d.lineWidth(style.line(1));
        double a = 0.6 * r;
        d.moveTo(x - a, y - a);
        d.lineTo(x + a, y + a);
        d.moveTo(x - a, y + a);
        d.lineTo(x + a, y - a);
        d.stroke();
    }
}
