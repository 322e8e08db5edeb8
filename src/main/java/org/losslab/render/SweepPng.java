package org.losslab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.losslab.engine.analysis.Axis;
import org.losslab.engine.analysis.HeavyBall;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.update.RunSettings;

/**
 * A sweep as a heatmap image: one block per cell, coloured with viridis by the chosen measure,
 * diverged cells light grey, log axes in decades, a colour bar, and, on a quadratic swept over
 * SGD's lr and momentum, the analytic heavy-ball stability boundary η = 2(1 + β)/λmax drawn over it.
 */
public final class SweepPng {
    static final Color DIVERGED = new Color(0xE4E4E4);
    static final Color NOT_REACHED = new Color(0x8C8C8C);
    static final Color BOUNDARY = Color.WHITE;
    /** Margins around the cell grid, in pixels (the axes, title, colour bar and legend live there). */
    private static final int LEFT = 120, TOP = 70, RIGHT = 200, BOTTOM = 130;

    private SweepPng() {
    }

    /** The cell values the colours encode, and their range. */
    record Scale(double[] value, double min, double max, String label) {
    }

    static Scale scale(SweepResult r, SweepResult.Measure m) {
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
            case STEPS_TO_TOLERANCE -> "steps to loss ≤ " + Chart.number(r.tolerance());
            case DIVERGED -> "log₁₀ step of divergence";
        };
        return new Scale(v, lo, hi, label);
    }

    /** The image of a finished (or partial) sweep. */
    public static BufferedImage render(SweepResult r, SweepResult.Measure m, String title, Surface surface, RunSettings base,
                                       int width, int height) {
        BufferedImage img = Chart.image(width, height);
        Graphics2D g = Chart.graphics(img);
        int left = LEFT, top = TOP;
        int pw = width - LEFT - RIGHT, ph = height - TOP - BOTTOM;
        Axis ax = r.x(), ay = r.y();
        // Cells are centred on their values: the axis runs half a cell beyond the first and last value.
        double[] xr = edges(ax), yr = edges(ay);
        Chart c = new Chart(g, left, top, pw, ph, xr[0], xr[1], ax.log(), yr[0], yr[1], ay.log());
        Scale s = scale(r, m);
        int w = r.width(), h = r.height();
        for (int j = 0; j < h; j++) {
            int yTop = (int) Math.round(top + ph - (j + 1) * (double) ph / h), yBot = (int) Math.round(top + ph - j * (double) ph / h);
            for (int i = 0; i < w; i++) {
                int xL = (int) Math.round(left + i * (double) pw / w), xR = (int) Math.round(left + (i + 1) * (double) pw / w);
                double v = s.value()[j * w + i];
                Color col;
                if (!r.rowDone(j)) {
                    col = Color.WHITE;
                } else if (!Double.isNaN(v)) {
                    col = new Color(Colormap.argb(s.max() > s.min() ? (v - s.min()) / (s.max() - s.min()) : 0.5));
                } else if (m == SweepResult.Measure.DIVERGED) {
                    col = NOT_REACHED;
                } else {
                    col = r.diverged(i, j) ? DIVERGED : NOT_REACHED;
                }
                g.setColor(col);
                g.fillRect(xL, yTop, Math.max(1, xR - xL), Math.max(1, yBot - yTop));
            }
        }
        boolean overlay = heavyBallBoundary(c, ax, ay, surface, base);
        c.axes(ax.key(), ay.key(), false);
        c.title(title.isEmpty() ? "Sweep of " + ax.key() + " × " + ay.key() : title);
        colorBar(g, s, left + pw + 40, top, ph);
        int lx = left;
        int ly = height - 22;
        if (m == SweepResult.Measure.DIVERGED) {
            lx = c.legend(lx, ly, NOT_REACHED, "did not diverge");
        } else {
            if (r.divergedCount() > 0) {
                lx = c.legend(lx, ly, DIVERGED, "diverged");
            }
            if (m == SweepResult.Measure.STEPS_TO_TOLERANCE) {
                lx = c.legend(lx, ly, NOT_REACHED, "never reached the tolerance");
            }
        }
        if (overlay) {
            g.setColor(Chart.INK);
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 7f}, 0f));
            g.drawLine(lx, ly - 5, lx + 36, ly - 5);
            g.setFont(Chart.TICK);
            g.drawString("heavy-ball limit η = 2(1 + β)/λmax", lx + 46, ly);
        }
        g.dispose();
        return img;
    }

    /**
     * The cell under pixel (px, py) of a {@code width × height} image made by {@link #render}, as
     * {i, j}, or null outside the grid: what a click on the picture selects.
     */
    public static int[] cellAt(SweepResult r, int width, int height, double px, double py) {
        double u = (px - LEFT) / (width - LEFT - RIGHT), v = (TOP + (height - TOP - BOTTOM) - py) / (height - TOP - BOTTOM);
        if (!(u >= 0 && u < 1 && v >= 0 && v < 1)) {
            return null;
        }
        return new int[] {(int) (u * r.width()), (int) (v * r.height())};
    }

    public static void write(SweepResult r, SweepResult.Measure m, String title, Surface surface, RunSettings base, Path file)
            throws IOException {
        Chart.writePng(render(r, m, title, surface, base, 1200, 900), file);
    }

    private static double[] edges(Axis a) {
        if (a.count() == 1) {
            double v = a.from();
            return a.log() ? new double[] {v / 1.5, v * 1.5} : new double[] {v - 0.5, v + 0.5};
        }
        if (a.log()) {
            double half = Math.pow(a.to() / a.from(), 0.5 / (a.count() - 1));
            return new double[] {a.from() / half, a.to() * half};
        }
        double half = (a.to() - a.from()) / (a.count() - 1) / 2;
        return new double[] {a.from() - half, a.to() + half};
    }

    private static void colorBar(Graphics2D g, Scale s, int x, int top, int h) {
        if (!(s.max() >= s.min())) {
            return;
        }
        for (int k = 0; k < h; k++) {
            g.setColor(new Color(Colormap.argb(1 - (double) k / (h - 1))));
            g.fillRect(x, top + k, 26, 1);
        }
        Chart bar = new Chart(g, x, top, 26, h, 0, 1, false, s.min(), s.max() > s.min() ? s.max() : s.min() + 1, false);
        g.setColor(Chart.INK);
        g.drawRect(x, top, 26, h);
        g.setFont(Chart.TICK);
        for (double v : Chart.ticks(bar.y0, bar.y1, false)) {
            double y = bar.py(v);
            g.drawLine(x + 26, (int) y, x + 32, (int) y);
            g.drawString(Chart.number(v), x + 36, (float) y + 5);
        }
        java.awt.geom.AffineTransform saved = g.getTransform();
        g.setFont(Chart.LABEL);
        g.rotate(Math.PI / 2);
        g.drawString(s.label(), top + (h - g.getFontMetrics().stringWidth(s.label())) / 2f, -(x + 100));
        g.setTransform(saved);
    }

    /**
     * Draws η = 2(1 + β)/((1 − τ)(λmax + wd)) when the sweep is SGD's lr against momentum (either way
     * round) on a quadratic with a constant learning rate and no noise, SAM or clipping: there the
     * boundary is exact. Returns whether it was drawn.
     */
    static boolean heavyBallBoundary(Chart c, Axis ax, Axis ay, Surface surface, RunSettings base) {
        if (!(surface instanceof Quadratic q) || q.kappa() <= 0 || base == null) {
            return false;
        }
        OptimizerConfig o = base.optimizer();
        if (!(o instanceof Sgd.Config sgd) || sgd.nesterov() || base.warmupSteps() != 0 || base.noiseTemperature() != 0
                || base.samRho() != 0 || base.clips() || !base.schedule().create(1, 1).isConstant()) {
            return false;
        }
        boolean lrOnX = ax.key().equals("optimizer.lr") && ay.key().equals("optimizer.momentum");
        boolean lrOnY = ay.key().equals("optimizer.lr") && ax.key().equals("optimizer.momentum");
        if (!lrOnX && !lrOnY) {
            return false;
        }
        double lambda = Math.max(1, q.kappa()) + sgd.weightDecay();
        Axis beta = lrOnX ? ay : ax;
        Path2D.Double path = new Path2D.Double();
        boolean started = false;
        int n = 200;
        for (int k = 0; k <= n; k++) {
            double b = beta.from() + (beta.to() - beta.from()) * k / n;
            double lr = HeavyBall.maxStableLr(lambda, b) / (1 - sgd.dampening());
            if (!(lr > 0) || !Double.isFinite(lr)) {
                continue;
            }
            double x = lrOnX ? c.px(lr) : c.px(b), y = lrOnX ? c.py(b) : c.py(lr);
            if (!started) {
                path.moveTo(x, y);
                started = true;
            } else {
                path.lineTo(x, y);
            }
        }
        Graphics2D g = c.g;
        java.awt.Shape clip = g.getClip();
        g.clipRect(c.left, c.top, c.width, c.height);
        g.setColor(Chart.INK);
        g.setStroke(new BasicStroke(5f));
        g.draw(path);
        g.setColor(BOUNDARY);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 7f}, 0f));
        g.draw(path);
        g.setClip(clip);
        g.setStroke(new BasicStroke(1f));
        return true;
    }
}
