package org.losslab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.IdentityHashMap;
import java.util.Map;

/** {@link Drawing} on a Java2D {@link Graphics2D}: PNG export and the command line. */
public final class Java2DDrawing implements Drawing {
    private final Graphics2D g;
    private final Path2D.Double path = new Path2D.Double();
    private final Map<int[], BufferedImage> images = new IdentityHashMap<>();
    private float width = 1;
    private float[] dash;
    private final Shape baseClip;

    public Java2DDrawing(Graphics2D g) {
        this.g = g;
        this.baseClip = g.getClip();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    @Override
    public void color(int argb) {
        g.setColor(new Color(argb, true));
    }

    @Override
    public void lineWidth(double w) {
        width = (float) w;
        applyStroke();
    }

    @Override
    public void dash(double... pattern) {
        if (pattern.length == 0) {
            dash = null;
        } else {
            dash = new float[pattern.length];
            for (int i = 0; i < pattern.length; i++) {
                dash[i] = (float) pattern[i];
            }
        }
        applyStroke();
    }

    private void applyStroke() {
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, dash, 0));
    }

    @Override
    public void moveTo(double x, double y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        path.lineTo(x, y);
    }

    @Override
    public void stroke() {
        g.draw(path);
        path.reset();
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        p.closePath();
        g.fill(p);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    @Override
    public void strokeCircle(double cx, double cy, double r) {
        g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    private Font font(double size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    @Override
    public void text(String s, double x, double y, double size, Align align, boolean bold) {
        Font f = font(size, bold);
        g.setFont(f);
        double w = g.getFontMetrics(f).getStringBounds(s, g).getWidth();
        double x0 = align == Align.LEFT ? x : align == Align.CENTER ? x - w / 2 : x - w;
        g.drawString(s, (float) x0, (float) y);
    }

    @Override
    public void textUp(String s, double x, double y, double size, Align align, boolean bold) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        text(s, 0, 0, size, align, bold);
        g.setTransform(saved);
    }

    @Override
    public double textWidth(String s, double size, boolean bold) {
        Font f = font(size, bold);
        return g.getFontMetrics(f).getStringBounds(s, g).getWidth();
    }

    @Override
    public void image(int[] argb, int w, int h, double x, double y, double dw, double dh, boolean smooth) {
        BufferedImage img = images.computeIfAbsent(argb, a -> {
            BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            b.setRGB(0, 0, w, h, a, 0, w);
            return b;
        });
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, smooth ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
                : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, new AffineTransform(dw / w, 0, 0, dh / h, x, y), null);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void unclip() {
        g.setClip(baseClip);
    }
}
