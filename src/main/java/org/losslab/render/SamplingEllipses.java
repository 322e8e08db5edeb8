package org.losslab.render;

import org.losslab.engine.sim.Trajectory;

/**
 * The search distribution of CMA-ES runs at the playback step: the next generation is sampled
 * from N(θ_k, σ_k²·C_k), drawn as its 1-σ ellipse {x : (x − θ)ᵀ(σ²C)⁻¹(x − θ) = 1} (filled lightly,
 * run colour) and the 2-σ ellipse (dashed), where about 86 % of the samples fall, with a faint trail of the 1-σ
 * ellipses of generations 0, 1, 2, 4, 8, … before it. The ellipse
 * shrinks as σ adapts and stretches along the valley as C learns its direction: that is what the
 * method does, beyond its path. Read from the run's channels {@code cmaes.sigma}, {@code cmaes.c11},
 * {@code cmaes.c12}, {@code cmaes.c22}; runs without them are left alone.
 */
final class SamplingEllipses {
    private static final int SEGMENTS = 96;
    private final double[] eig = new double[6];
    private final double[] xs = new double[SEGMENTS], ys = new double[SEGMENTS];

    /** Paints the ellipse of every visible CMA-ES run at the scene's step. */
    void paint(Drawing d, PlotScene scene, PlotLayout L, PlotStyle style) {
        for (PlotScene.Path p : scene.paths()) {
            Trajectory t = p.trajectory();
            if (!p.visible() || t == null || t.size() == 0) {
                continue;
            }
            int s = t.channel("cmaes.sigma"), c11 = t.channel("cmaes.c11"), c12 = t.channel("cmaes.c12"), c22 = t.channel("cmaes.c22");
            if (s < 0 || c11 < 0 || c12 < 0 || c22 < 0) {
                continue;
            }
            int last = PlotPainter.shownIndex(t, scene.step());
            // A trail of earlier generations' 1-σ ellipses, faint, so a still picture shows σ and C adapting.
            // Generations 0, 1, 2, 4, 8, …: σ usually shrinks geometrically, so these stay apart.
            for (int k = 0; k < last; k = Math.max(1, 2 * k)) {
                if (ellipse(t, k, s, c11, c12, c22)) {
                    outline(t.x(k), t.y(k), 1, L);
                    ring(d, Colors.alpha(p.color(), 0.8), style.line(1), 0.35, style);
                }
            }
            if (!ellipse(t, last, s, c11, c12, c22)) {
                continue;
            }
            double x = t.x(last), y = t.y(last);
            for (int ring = 2; ring >= 1; ring--) {
                outline(x, y, ring, L);
                if (ring == 1) {
                    d.color(Colors.alpha(p.color(), 0.16));
                    d.fillPolygon(xs, ys, SEGMENTS);
                    d.dash();
                } else {
                    d.dash(6 * style.lineScale(), 4 * style.lineScale());
                }
                ring(d, p.color(), style.line(1.6), 0.6, style);
            }
            d.dash();
        }
    }

    /** Strokes the outline in {@link #xs}, {@link #ys} over a white halo of opacity {@code halo}. */
    private void ring(Drawing d, int color, double width, double halo, PlotStyle style) {
        for (int pass = 0; pass < 2; pass++) {
            d.color(pass == 0 ? Colors.alpha(0xFFFFFFFF, halo) : color);
            d.lineWidth(pass == 0 ? width + 2 * style.lineScale() : width);
            d.moveTo(xs[SEGMENTS - 1], ys[SEGMENTS - 1]);
            for (int i = 0; i < SEGMENTS; i++) {
                d.lineTo(xs[i], ys[i]);
            }
            d.stroke();
        }
    }

    /** Eigen-decomposes σ²C of point k into {@link #eig}; false when there is nothing finite to draw. */
    private boolean ellipse(Trajectory t, int k, int s, int c11, int c12, int c22) {
        double sigma = t.channel(s, k), v = sigma * sigma;
        Eigen2.of(v * t.channel(c11, k), v * t.channel(c12, k), v * t.channel(c22, k), eig);
        return eig[1] >= 0 && Double.isFinite(eig[0]) && Double.isFinite(t.x(k)) && Double.isFinite(t.y(k));
    }

    /** The ellipse of `ring` standard deviations around (x, y), in pixels (clamped so huge ones still draw). */
    private void outline(double x, double y, int ring, PlotLayout L) {
        double a = ring * Math.sqrt(eig[0]), b = ring * Math.sqrt(eig[1]);
        for (int i = 0; i < SEGMENTS; i++) {
            double phi = 2 * Math.PI * i / SEGMENTS, u = a * Math.cos(phi), w = b * Math.sin(phi);
            xs[i] = clamp(L.px(x + u * eig[2] + w * eig[4]));
            ys[i] = clamp(L.py(y + u * eig[3] + w * eig[5]));
        }
    }

    private static double clamp(double v) {
        return Math.max(-1e5, Math.min(1e5, v));
    }
}
