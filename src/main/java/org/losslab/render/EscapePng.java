package org.losslab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.losslab.engine.analysis.EscapeResult;
import org.losslab.format.Palette;
import org.losslab.format.escape.EscapeSpec;

/**
 * An escape study as one image: for each well a histogram of first-passage times (log-spaced
 * bins, one line per temperature), where the runs ended (stacked bars per temperature), and the
 * Arrhenius plot of ln(mean escape time) against 1/T with the fitted line and barrier beside the
 * true one. Temperatures use the Okabe–Ito run palette; wells are told apart by marker shape too.
 */
public final class EscapePng {
    private static final Color SHARP = Chart.color(Palette.run(1));
    private static final Color FLAT = Chart.color(Palette.run(0));
    private static final Color DIVERGED = new Color(0xBDBDBD);

    private EscapePng() {
    }

    public static void write(EscapeSpec spec, List<EscapeResult> results, Path file) throws IOException {
        Chart.writePng(render(spec, results, 1500, 1000), file);
    }

    public static BufferedImage render(EscapeSpec spec, List<EscapeResult> results, int width, int height) {
        BufferedImage img = Chart.image(width, height);
        Graphics2D g = Chart.graphics(img);
        g.setFont(Chart.TITLE);
        g.setColor(Chart.INK);
        g.drawString(spec.title().isEmpty() ? "Escape from the double well's minima" : spec.title(), 40, 40);
        int n = results.size();
        int colW = (width - 80) / n;
        int histH = (height - 260) / 2;
        for (int k = 0; k < n; k++) {
            histogram(g, spec.wells().get(k), results.get(k), 40 + k * colW + 100, 110, colW - 150, histH);
        }
        int lowTop = 110 + histH + 140;
        int lowH = height - lowTop - 90;
        ends(g, spec, results, 250, lowTop, width / 2 - 370, lowH);
        arrhenius(g, spec, results, width / 2 + 120, lowTop, width / 2 - 200, lowH);
        g.dispose();
        return img;
    }

    private static Color temperatureColor(int m) {
        return Chart.color(Palette.run(m));
    }

    private static void histogram(Graphics2D g, String well, EscapeResult r, int left, int top, int w, int h) {
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
        lo = Math.pow(10, Math.floor(Math.log10(lo) * 4) / 4);
        hi = Math.pow(10, Math.ceil(Math.log10(hi) * 4) / 4 + 1e-9);
        int bins = 24;
        double[][] fr = new double[r.temperatures().size()][bins];
        double top1 = 0;
        for (int m = 0; m < fr.length; m++) {
            EscapeResult.AtTemperature t = r.temperatures().get(m);
            for (int p : t.passages()) {
                double u = (Math.log10(Math.max(1, p) * lr) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
                fr[m][Math.min(bins - 1, Math.max(0, (int) (u * bins)))] += 1.0 / t.runs();
            }
            for (double f : fr[m]) {
                top1 = Math.max(top1, f);
            }
        }
        Chart c = new Chart(g, left, top, w, h, lo, hi, true, 0, top1 > 0 ? top1 * 1.1 : 1, false);
        c.axes("first-passage time (η × updates)", "fraction of runs", true);
        c.title("Leaving the " + well + " well (ΔE = " + Chart.number(r.trueBarrier()) + ")");
        g.setStroke(new BasicStroke(3f));
        for (int m = 0; m < fr.length; m++) {
            Path2D.Double p = new Path2D.Double();
            for (int b = 0; b < bins; b++) {
                double x0 = Math.pow(10, Math.log10(lo) + (Math.log10(hi) - Math.log10(lo)) * b / bins);
                double x1 = Math.pow(10, Math.log10(lo) + (Math.log10(hi) - Math.log10(lo)) * (b + 1) / bins);
                if (b == 0) {
                    p.moveTo(c.px(x0), c.py(0));
                }
                p.lineTo(c.px(x0), c.py(fr[m][b]));
                p.lineTo(c.px(x1), c.py(fr[m][b]));
            }
            p.lineTo(c.px(hi), c.py(0));
            g.setColor(temperatureColor(m));
            g.draw(p);
        }
        g.setStroke(new BasicStroke(1f));
        int lx = left + 10, ly = top + 26;
        g.setFont(Chart.TICK);
        g.setColor(new Color(255, 255, 255, 215));
        g.fillRect(lx - 6, ly - 18, 270, 22 * fr.length + 6);
        for (int m = 0; m < fr.length; m++) {
            g.setColor(temperatureColor(m));
            g.fillRect(lx, ly - 12, 22, 5);
            g.setColor(Chart.INK);
            EscapeResult.AtTemperature t = r.temperatures().get(m);
            g.drawString("T = " + Chart.number(t.temperature()) + "  (" + Math.round(100 * t.escapedFraction()) + "% escaped)",
                    lx + 30, ly);
            ly += 22;
        }
    }

    private static void ends(Graphics2D g, EscapeSpec spec, List<EscapeResult> results, int left, int top, int w, int h) {
        int rows = 0;
        for (EscapeResult r : results) {
            rows += r.temperatures().size();
        }
        Chart c = new Chart(g, left, top, w, h, 0, 1, false, 0, rows, false);
        g.setColor(Chart.INK);
        g.drawRect(left, top, w, h);
        c.title("Where the runs end");
        double rowH = (double) h / rows;
        int row = 0;
        g.setFont(Chart.TICK);
        for (int k = 0; k < results.size(); k++) {
            boolean fromSharp = spec.wells().get(k).equals("sharp");
            for (EscapeResult.AtTemperature t : results.get(k).temperatures()) {
                double y = top + row * rowH + rowH * 0.15, bh = rowH * 0.7;
                double sharp = (fromSharp ? t.inStart() : t.inOther()) / (double) t.runs();
                double flat = (fromSharp ? t.inOther() : t.inStart()) / (double) t.runs();
                g.setColor(SHARP);
                g.fill(new java.awt.geom.Rectangle2D.Double(c.px(0), y, c.px(sharp) - c.px(0), bh));
                g.setColor(FLAT);
                g.fill(new java.awt.geom.Rectangle2D.Double(c.px(sharp), y, c.px(sharp + flat) - c.px(sharp), bh));
                g.setColor(DIVERGED);
                g.fill(new java.awt.geom.Rectangle2D.Double(c.px(sharp + flat), y, c.px(1) - c.px(sharp + flat), bh));
                g.setColor(Chart.INK);
                String label = "from " + spec.wells().get(k) + ", T = " + Chart.number(t.temperature());
                g.drawString(label, left - 10 - g.getFontMetrics().stringWidth(label) + 0f, (float) (y + bh / 2 + 5));
                row++;
            }
        }
        for (double v : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            String s = Math.round(v * 100) + "%";
            g.drawLine((int) c.px(v), top + h, (int) c.px(v), top + h + 6);
            g.drawString(s, (float) (c.px(v) - g.getFontMetrics().stringWidth(s) / 2.0), top + h + 24);
        }
        int lx = left, ly = top + h + 60;
        lx = c.legend(lx, ly, SHARP, "ends in the sharp well");
        lx = c.legend(lx, ly, FLAT, "in the flat well");
        c.legend(lx, ly, DIVERGED, "diverged");
    }

    private static void arrhenius(Graphics2D g, EscapeSpec spec, List<EscapeResult> results, int left, int top, int w, int h) {
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
        double px = Math.max((xhi - xlo) * 0.08, 0.05), py = Math.max((yhi - ylo) * 0.1, 0.1);
        Chart c = new Chart(g, left, top, w, h, xlo - px, xhi + px, false, ylo - py, yhi + py, false);
        c.axes("1 / T", "ln mean escape time", true);
        c.title("Arrhenius: ln τ = ln A + ΔE / T");
        int ly = top + 26;
        for (int k = 0; k < results.size(); k++) {
            EscapeResult r = results.get(k);
            boolean sharp = spec.wells().get(k).equals("sharp");
            Color col = sharp ? SHARP : FLAT;
            EscapeResult.Arrhenius fit = r.arrhenius();
            if (fit != null) {
                g.setColor(col);
                g.setStroke(new BasicStroke(2.5f));
                g.draw(new Line2D.Double(c.px(c.x0), c.py(fit.logPrefactor() + fit.barrier() * c.x0),
                        c.px(c.x1), c.py(fit.logPrefactor() + fit.barrier() * c.x1)));
            }
            for (int m = 0; m < r.temperatures().size(); m++) {
                double y = Math.log(r.meanTime(m));
                if (!Double.isFinite(y)) {
                    continue;
                }
                double x = c.px(1 / r.temperatures().get(m).temperature()), yy = c.py(y);
                g.setColor(col);
                if (sharp) {
                    g.fill(new java.awt.geom.Rectangle2D.Double(x - 7, yy - 7, 14, 14));
                } else {
                    g.fill(new Ellipse2D.Double(x - 8, yy - 8, 16, 16));
                }
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(sharp ? new java.awt.geom.Rectangle2D.Double(x - 7, yy - 7, 14, 14) : new Ellipse2D.Double(x - 8, yy - 8, 16, 16));
            }
            g.setFont(Chart.TICK);
            g.setColor(col);
            g.fillRect(left + 12, ly - 12, 14, 14);
            g.setColor(Chart.INK);
            g.drawString(spec.wells().get(k) + " well: fitted ΔE = " + (fit == null ? "—" : Chart.number(fit.barrier()))
                    + ", true ΔE = " + Chart.number(r.trueBarrier()), left + 34, ly);
            ly += 24;
        }
        g.setStroke(new BasicStroke(1f));
    }
}
