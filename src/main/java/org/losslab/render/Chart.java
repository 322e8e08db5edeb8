package org.losslab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.losslab.io.AtomicFiles;

/**
 * A plot panel drawn with Java2D, headless: a data rectangle with linear or log₁₀ axes, ticks,
 * labels and a title, sized to be read from the back of a classroom. Shared by the sweep heatmap
 * and the escape plots; one chart draws into a region of an image owned by the caller.
 */
final class Chart {
    static final Color INK = new Color(0x222222);
    static final Color GRID = new Color(0xE3E3E3);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    final Graphics2D g;
    /** The data rectangle in pixels. */
    final int left, top, width, height;
    final double x0, x1, y0, y1;
    final boolean logX, logY;

    /**
     * @param g      drawing target
     * @param left   the data rectangle's left edge in pixels, and so on
     * @param x0, x1 the data range across (log₁₀ of it is spaced evenly when {@code logX})
     */
    Chart(Graphics2D g, int left, int top, int width, int height, double x0, double x1, boolean logX, double y0, double y1,
          boolean logY) {
        this.g = g;
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
        this.logX = logX;
        this.logY = logY;
    }

    static BufferedImage image(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** Writes a PNG atomically. */
    static void writePng(BufferedImage img, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    static Color color(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    private static double t(double v, boolean log) {
        return log ? Math.log10(v) : v;
    }

    /** Pixel x of data value v. */
    double px(double v) {
        return left + (t(v, logX) - t(x0, logX)) / (t(x1, logX) - t(x0, logX)) * width;
    }

    /** Pixel y of data value v (up is larger). */
    double py(double v) {
        return top + height - (t(v, logY) - t(y0, logY)) / (t(y1, logY) - t(y0, logY)) * height;
    }

    void title(String text) {
        g.setFont(TITLE);
        g.setColor(INK);
        g.drawString(text, left, top - 14);
    }

    /** Frame, grid lines at the ticks, tick labels and axis labels. */
    void axes(String xLabel, String yLabel, boolean grid) {
        g.setFont(TICK);
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double v : ticks(x0, x1, logX)) {
            double x = px(v);
            if (grid) {
                g.setColor(GRID);
                g.draw(new Line2D.Double(x, top, x, top + height));
            }
            g.setColor(INK);
            g.draw(new Line2D.Double(x, top + height, x, top + height + 6));
            String s = tickText(v, logX);
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), top + height + 8 + fm.getAscent());
        }
        for (double v : ticks(y0, y1, logY)) {
            double y = py(v);
            if (grid) {
                g.setColor(GRID);
                g.draw(new Line2D.Double(left, y, left + width, y));
            }
            g.setColor(INK);
            g.draw(new Line2D.Double(left - 6, y, left, y));
            String s = tickText(v, logY);
            g.drawString(s, left - 10 - fm.stringWidth(s), (float) (y + fm.getAscent() / 2.0 - 2));
        }
        g.setColor(INK);
        g.drawRect(left, top, width, height);
        g.setFont(LABEL);
        FontMetrics lm = g.getFontMetrics();
        g.drawString(xLabel, left + (width - lm.stringWidth(xLabel)) / 2f, top + height + 20 + fm.getHeight() + lm.getAscent());
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(top + (height + lm.stringWidth(yLabel)) / 2f), left - 18 - widestTick(fm) - lm.getDescent());
        g.setTransform(saved);
    }

    private int widestTick(FontMetrics fm) {
        int w = 0;
        for (double v : ticks(y0, y1, logY)) {
            w = Math.max(w, fm.stringWidth(tickText(v, logY)));
        }
        return w;
    }

    /** Round tick values inside [a, b]: powers of ten on log axes (with 2 and 5 when the range is short). */
    static List<Double> ticks(double a, double b, boolean log) {
        double lo = Math.min(a, b), hi = Math.max(a, b);
        List<Double> out = new ArrayList<>();
        if (log) {
            int k0 = (int) Math.floor(Math.log10(lo)), k1 = (int) Math.ceil(Math.log10(hi));
            double[] mult = k1 - k0 <= 2 ? new double[] {1, 2, 5} : new double[] {1};
            int step = Math.max(1, (k1 - k0) / 8);
            for (int k = k0; k <= k1; k += step) {
                for (double m : mult) {
                    double v = m * Math.pow(10, k);
                    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                        out.add(v);
                    }
                }
            }
            return out;
        }
        if (hi == lo) {
            out.add(lo);
            return out;
        }
        double raw = (hi - lo) / 5, mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return out;
    }

    static String tickText(double v, boolean log) {
        if (log) {
            int k = (int) Math.round(Math.log10(v));
            if (Math.abs(v - Math.pow(10, k)) < 1e-9 * v && (k < -2 || k > 3)) {
                return "1e" + k;
            }
        }
        return number(v);
    }

    /** A short, readable number: 3 significant digits, no trailing zeros. */
    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 100 && a < 1e6) {
            return String.format(java.util.Locale.ROOT, "%.0f", v);
        }
        String s = a >= 1e-3 && a < 1e5 ? String.format(java.util.Locale.ROOT, "%.3g", v) : String.format(java.util.Locale.ROOT, "%.2e", v);
        if (s.contains("e")) {
            String[] p = s.split("e");
            return strip(p[0]) + "e" + Integer.parseInt(p[1]);
        }
        return strip(s);
    }

    private static String strip(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** A legend entry: a colour swatch and its text at (x, y); returns the x after it. */
    int legend(int x, int y, Color c, String text) {
        g.setColor(c);
        g.fillRect(x, y - 14, 18, 18);
        g.setColor(INK);
        g.drawRect(x, y - 14, 18, 18);
        g.setFont(TICK);
        g.drawString(text, x + 26, y);
        return x + 26 + g.getFontMetrics().stringWidth(text) + 24;
    }
}
