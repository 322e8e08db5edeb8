package org.losslab.render;

import org.losslab.engine.sim.Trajectory;

/**
 * The stalled updates of low-precision runs: points where an update with a non-zero gradient left θ
 * unchanged, because it was smaller than half an ulp of the format (docs/model.md, "Low
 * precision"). Each point where updates stalled, up to the playback step, gets a hollow square (dark,
 * on a white halo) whose size grows with the logarithm of the number of updates lost there: a run
 * stuck for good shows one large square, a run with master weights, whose model holds still for a few
 * updates at each ulp it crosses, a trail of small ones. Squares that would overlap a larger
 * neighbour are left out. The current point is labelled with the count so far ("412 stalled", in the
 * run's colour; labels of runs that end together stacked). Read from the run's channel
 * {@code precision.stalled} (the running count); runs without it, and runs that never stalled, are
 * left alone.
 */
final class StalledUpdates {
    /** The marks' outline. */
    static final int DARK = 0xFF202020;
    /** Lost updates at one point from which its square is drawn in the second, upper layer. */
    private static final long MANY = 100;

    /** Paints the stall marks of every visible low-precision run at the scene's step, then their labels. */
    void paint(Drawing d, PlotScene scene, PlotLayout L, PlotStyle style) {
        // Points of few lost updates first, then those of many, so that where a run stopped for good
        // is not hidden under the trail of a master-weights run passing by.
        for (boolean many : new boolean[] {false, true}) {
            for (PlotScene.Path p : scene.paths()) {
                int c = stallChannel(p, scene);
                if (c >= 0) {
                    marks(d, p.trajectory(), c, PlotPainter.shownIndex(p.trajectory(), scene.step()), many, L, style);
                }
            }
        }
        double[] placed = new double[2 * scene.paths().size()];
        int labels = 0;
        for (PlotScene.Path p : scene.paths()) {
            int c = stallChannel(p, scene);
            if (c < 0) {
                continue;
            }
            Trajectory t = p.trajectory();
            int last = PlotPainter.shownIndex(t, scene.step());
            String label = (long) t.channel(c, last) + " stalled";
            double size = style.font(11), r = 9 * style.lineScale();
            double x = L.px(t.x(last)) + 1.5 * r, y = L.py(t.y(last)) - 1.2 * r;
            // Runs that end at one point (float64's master-weight twins) would write on each other. Each
            // pass moves the label below one it meets; a label below all the others meets none.
            for (int pass = 0, k = 0; k < labels && pass <= labels; k++) {
                if (Math.abs(placed[2 * k] - x) < 4 * size && Math.abs(placed[2 * k + 1] - y) < 1.3 * size) {
                    y = placed[2 * k + 1] + 1.5 * size;
                    k = -1;
                    pass++;
                }
            }
            placed[2 * labels] = x;
            placed[2 * labels + 1] = y;
            labels++;
            d.color(Colors.alpha(0xFFFFFFFF, 0.8));
            d.fillRect(x - 2, y - size, d.textWidth(label, size, true) + 4, size * 1.3);
            d.color(p.color());
            d.text(label, x, y, size, Drawing.Align.LEFT, true);
        }
    }

    /** The index of the path's stall count if it is shown and has stalled by the scene's step, else −1. */
    private static int stallChannel(PlotScene.Path p, PlotScene scene) {
        Trajectory t = p.trajectory();
        if (!p.visible() || t == null || t.size() == 0) {
            return -1;
        }
        int c = t.channel("precision.stalled");
        return c >= 0 && t.channel(c, PlotPainter.shownIndex(t, scene.step())) > 0 ? c : -1;
    }

    /**
     * One square per point where updates stalled (consecutive stalls within a pixel are one point):
     * the points of fewer than {@link #MANY} lost updates, or ({@code many}) those of at least that many.
     */
    private static void marks(Drawing d, Trajectory t, int c, int last, boolean many, PlotLayout L, PlotStyle style) {
        double gx = 0, gy = 0, lastX = Double.NEGATIVE_INFINITY, lastY = 0, lastR = 0;
        long count = 0;
        for (int k = 1; k <= last + 1; k++) {
            boolean stall = k <= last && t.channel(c, k) > t.channel(c, k - 1);
            double x = k <= last ? L.px(t.x(k)) : Double.NaN, y = k <= last ? L.py(t.y(k)) : Double.NaN;
            if (stall && count > 0 && Math.abs(x - gx) < 1 && Math.abs(y - gy) < 1) {
                count++;
                continue;
            }
            if (count > 0) {
                double r = style.line(3 + 2 * Math.log10(count));
                if ((count >= MANY) == many && (Math.hypot(gx - lastX, gy - lastY) >= r + lastR + 2 || r > lastR)) {
                    square(d, gx, gy, r, style);
                    lastX = gx;
                    lastY = gy;
                    lastR = r;
                }
                count = 0;
            }
            if (stall) {
                gx = x;
                gy = y;
                count = 1;
            }
        }
    }

    private static void square(Drawing d, double x, double y, double r, PlotStyle style) {
        d.color(Colors.alpha(0xFFFFFFFF, 0.8));
        d.lineWidth(style.line(3));
        d.strokeRect(x - r, y - r, 2 * r, 2 * r);
        d.color(DARK);
        d.lineWidth(style.line(1.2));
        d.strokeRect(x - r, y - r, 2 * r, 2 * r);
    }
}
