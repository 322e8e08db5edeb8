package org.losslab.render;

import org.losslab.engine.sim.Trajectory;

/**
 * The paths that run options add beside a run's own (read from its channels; runs without them are
 * left alone), up to the playback step:
 * <ul>
 *   <li>Lookahead's slow weights φ ({@code lookahead.x/y}): a dashed line in a darker shade of the
 *       run colour through the slow points, a square at each, and at every slow step a thin line
 *       from where the fast weights had got to ({@code lookahead.fastX/Y}) back to the new φ: the
 *       jump back every k updates;</li>
 *   <li>SWA's average ({@code swa.x/y}): a dotted line in a darker shade, from the first averaged
 *       point, with a diamond at the current average;</li>
 *   <li>the OpenAI-ES population ({@code es.xI/yI}): the samples evaluated around the shown point
 *       for its next update, as small open circles.</li>
 * </ul>
 */
final class MethodPaths {
    private static final int WHITE = 0xFFFFFFFF, BLACK = 0xFF000000;
    private final double[] xs = new double[4], ys = new double[4];

    void paint(Drawing d, PlotScene scene, PlotLayout L, PlotStyle style) {
        for (PlotScene.Path p : scene.paths()) {
            Trajectory t = p.trajectory();
            if (!p.visible() || t == null || t.size() == 0) {
                continue;
            }
            int last = PlotPainter.shownIndex(t, scene.step());
            int dark = Colors.mix(p.color(), BLACK, 0.35);
            population(d, t, last, p.color(), L, style);
            lookahead(d, t, last, dark, L, style);
            average(d, t, last, dark, L, style);
        }
    }

    private static void lookahead(Drawing d, Trajectory t, int last, int color, PlotLayout L, PlotStyle style) {
        int sx = t.channel("lookahead.x"), sy = t.channel("lookahead.y");
        int fx = t.channel("lookahead.fastX"), fy = t.channel("lookahead.fastY");
        if (sx < 0 || sy < 0) {
            return;
        }
        // Slow points: the start, then every point where φ moved.
        for (int pass = 0; pass < 2; pass++) {
            d.color(pass == 0 ? Colors.alpha(WHITE, 0.6) : color);
            d.lineWidth(style.line(pass == 0 ? 4.5 : 2.5));
            d.dash(pass == 0 ? new double[0] : new double[] {7 * style.lineScale(), 4 * style.lineScale()});
            d.moveTo(px(L, t.x(0)), py(L, t.y(0)));
            double lx = t.x(0), ly = t.y(0);
            for (int k = 1; k <= last; k++) {
                double x = t.channel(sx, k), y = t.channel(sy, k);
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    break;
                }
                if (x != lx || y != ly) {
                    d.lineTo(px(L, x), py(L, y));
                    lx = x;
                    ly = y;
                }
            }
            d.stroke();
        }
        d.dash();
        double r = style.line(3.5);
        double lx = t.x(0), ly = t.y(0);
        square(d, px(L, lx), py(L, ly), r, color, style);
        for (int k = 1; k <= last; k++) {
            double x = t.channel(sx, k), y = t.channel(sy, k);
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                break;
            }
            if (x != lx || y != ly) {
                if (fx >= 0 && fy >= 0) {
                    // The jump back: from where the fast weights had got to, to the new slow point.
                    d.color(color);
                    d.lineWidth(style.line(2));
                    d.dash(4 * style.lineScale(), 3 * style.lineScale());
                    d.moveTo(px(L, t.channel(fx, k)), py(L, t.channel(fy, k)));
                    d.lineTo(px(L, x), py(L, y));
                    d.stroke();
                    d.dash();
                    d.color(WHITE);
                    d.fillCircle(px(L, t.channel(fx, k)), py(L, t.channel(fy, k)), style.line(4));
                    d.color(color);
                    d.lineWidth(style.line(2));
                    d.strokeCircle(px(L, t.channel(fx, k)), py(L, t.channel(fy, k)), style.line(4));
                }
                square(d, px(L, x), py(L, y), r, color, style);
                lx = x;
                ly = y;
            }
        }
    }

    private void average(Drawing d, Trajectory t, int last, int color, PlotLayout L, PlotStyle style) {
        int ax = t.channel("swa.x"), ay = t.channel("swa.y");
        if (ax < 0 || ay < 0) {
            return;
        }
        int first = -1, end = -1;
        for (int k = 0; k <= last; k++) {
            if (Double.isFinite(t.channel(ax, k)) && Double.isFinite(t.channel(ay, k))) {
                first = first < 0 ? k : first;
                end = k;
            } else if (first >= 0) {
                break;
            }
        }
        if (first < 0) {
            return;
        }
        for (int pass = 0; pass < 2; pass++) {
            d.color(pass == 0 ? Colors.alpha(WHITE, 0.6) : color);
            d.lineWidth(style.line(pass == 0 ? 5 : 3));
            d.dash(pass == 0 ? new double[0] : new double[] {2 * style.lineScale(), 3 * style.lineScale()});
            d.moveTo(px(L, t.channel(ax, first)), py(L, t.channel(ay, first)));
            for (int k = first + 1; k <= end; k++) {
                d.lineTo(px(L, t.channel(ax, k)), py(L, t.channel(ay, k)));
            }
            d.stroke();
        }
        d.dash();
        double cx = px(L, t.channel(ax, end)), cy = py(L, t.channel(ay, end)), r = style.line(7);
        for (int pass = 0; pass < 2; pass++) {
            double q = pass == 0 ? r + style.line(1.5) : r;
            xs[0] = cx;
            ys[0] = cy - q;
            xs[1] = cx + q;
            ys[1] = cy;
            xs[2] = cx;
            ys[2] = cy + q;
            xs[3] = cx - q;
            ys[3] = cy;
            d.color(pass == 0 ? WHITE : color);
            d.fillPolygon(xs, ys, 4);
        }
    }

    private static void population(Drawing d, Trajectory t, int last, int color, PlotLayout L, PlotStyle style) {
        if (t.channel("es.x0") < 0) {
            return;
        }
        // Point k + 1's channels hold the samples evaluated around point k.
        int k = Math.min(last + 1, t.size() - 1);
        // A thinned trajectory has the point the samples were drawn around only where kept points are consecutive.
        if (k == 0 || t.step(k) != t.step(k - 1) + 1) {
            return;
        }
        double r = style.line(2.6);
        for (int i = 0; ; i++) {
            int cx = t.channel("es.x" + i), cy = t.channel("es.y" + i);
            if (cx < 0 || cy < 0) {
                break;
            }
            double x = t.channel(cx, k), y = t.channel(cy, k);
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                continue;
            }
            d.color(Colors.alpha(WHITE, 0.75));
            d.fillCircle(px(L, x), py(L, y), r + style.line(1));
            d.color(Colors.alpha(color, 0.9));
            d.lineWidth(style.line(1.4));
            d.strokeCircle(px(L, x), py(L, y), r);
            // A faint spoke from the point to each sample shows which point the cloud belongs to.
            d.color(Colors.alpha(color, 0.25));
            d.lineWidth(style.line(0.8));
            d.moveTo(px(L, t.x(k - 1)), py(L, t.y(k - 1)));
            d.lineTo(px(L, x), py(L, y));
            d.stroke();
        }
    }

    /** Legend rows for what this class draws for run {@code t} (none for a run without method channels). */
    static void legendEntries(Trajectory t, int color, PlotStyle style, java.util.List<Legend.Entry> out) {
        if (t == null) {
            return;
        }
        int dark = Colors.mix(color, BLACK, 0.35);
        if (t.channel("lookahead.x") >= 0) {
            out.add(new Legend.Entry(dashed(dark, style.line(2.5), 7 * style.lineScale(), 4 * style.lineScale()),
                    "   slow weights φ, jumps back"));
        }
        if (t.channel("swa.x") >= 0) {
            out.add(new Legend.Entry(dashed(dark, style.line(3), 2 * style.lineScale(), 3 * style.lineScale()), "   SWA average"));
        }
        if (t.channel("es.x0") >= 0) {
            out.add(new Legend.Entry((d, x, cy, w, size) -> {
                d.dash();
                d.color(color);
                d.lineWidth(style.line(1.4));
                for (int i = 0; i < 3; i++) {
                    d.strokeCircle(x + w * (0.2 + 0.3 * i), cy + (i == 1 ? -size * 0.2 : size * 0.15), style.line(2.6));
                }
            }, "   ES population"));
        }
    }

    private static Legend.Swatch dashed(int color, double width, double on, double off) {
        return (d, x, cy, w, size) -> {
            d.dash(on, off);
            d.color(color);
            d.lineWidth(width);
            d.moveTo(x, cy);
            d.lineTo(x + w, cy);
            d.stroke();
            d.dash();
        };
    }

    private static void square(Drawing d, double x, double y, double r, int color, PlotStyle style) {
        d.color(WHITE);
        d.fillRect(x - r - style.line(1.2), y - r - style.line(1.2), 2 * (r + style.line(1.2)), 2 * (r + style.line(1.2)));
        d.color(color);
        d.fillRect(x - r, y - r, 2 * r, 2 * r);
    }

    private static double px(PlotLayout L, double x) {
        return Math.max(-1e5, Math.min(1e5, L.px(x)));
    }

    private static double py(PlotLayout L, double y) {
        return Math.max(-1e5, Math.min(1e5, L.py(y)));
    }
}
