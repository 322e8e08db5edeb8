package org.losslab.app.controls;

import java.util.IdentityHashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.losslab.render.Drawing;

/** {@link Drawing} on a JavaFX canvas. Images are converted once per pixel array and kept while it is drawn. */
public final class FxDrawing implements Drawing {
    private static final int IMAGE_CACHE = 8;
    private final Map<int[], WritableImage> images = new IdentityHashMap<>();
    private final Map<Long, Font> fonts = new java.util.HashMap<>();
    private final Text measure = new Text();
    private GraphicsContext gc;
    private boolean pathOpen;

    /** Draws on {@code g} from now on (a canvas may be replaced when resized). */
    public FxDrawing on(GraphicsContext g) {
        this.gc = g;
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.BEVEL);
        g.setTextBaseline(VPos.BASELINE);
        g.setImageSmoothing(true);
        return this;
    }

    private static Color fx(int argb) {
        return Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255, ((argb >>> 24) & 255) / 255.0);
    }

    @Override
    public void color(int argb) {
        Color c = fx(argb);
        gc.setStroke(c);
        gc.setFill(c);
    }

    @Override
    public void lineWidth(double w) {
        gc.setLineWidth(w);
    }

    @Override
    public void dash(double... pattern) {
        gc.setLineDashes(pattern.length == 0 ? null : pattern);
    }

    @Override
    public void moveTo(double x, double y) {
        if (!pathOpen) {
            gc.beginPath();
            pathOpen = true;
        }
        gc.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        if (!pathOpen) {
            gc.beginPath();
            gc.moveTo(x, y);
            pathOpen = true;
        }
        gc.lineTo(x, y);
    }

    @Override
    public void stroke() {
        if (pathOpen) {
            gc.stroke();
            pathOpen = false;
        }
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        gc.fillPolygon(xs, ys, n);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        gc.strokeRect(x, y, w, h);
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        gc.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r) {
        gc.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    private Font font(double size, boolean bold) {
        long key = Double.doubleToLongBits(size) ^ (bold ? 1 : 0);
        return fonts.computeIfAbsent(key, k -> Font.font(Font.getDefault().getFamily(),
                bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
    }

    @Override
    public void text(String s, double x, double y, double size, Align align, boolean bold) {
        gc.setFont(font(size, bold));
        gc.setTextAlign(align == Align.LEFT ? TextAlignment.LEFT : align == Align.CENTER ? TextAlignment.CENTER
                : TextAlignment.RIGHT);
        gc.fillText(s, x, y);
    }

    @Override
    public void textUp(String s, double x, double y, double size, Align align, boolean bold) {
        gc.save();
        gc.translate(x, y);
        gc.rotate(-90);
        text(s, 0, 0, size, align, bold);
        gc.restore();
    }

    @Override
    public double textWidth(String s, double size, boolean bold) {
        measure.setFont(font(size, bold));
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    @Override
    public void image(int[] argb, int w, int h, double x, double y, double dw, double dh, boolean smooth) {
        WritableImage img = images.get(argb);
        if (img == null) {
            if (images.size() >= IMAGE_CACHE) {
                images.clear();
            }
            img = new WritableImage(w, h);
            img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            images.put(argb, img);
        }
        gc.setImageSmoothing(smooth);
        gc.drawImage(img, x, y, dw, dh);
        gc.setImageSmoothing(true);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        gc.save();
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.closePath();
        gc.clip();
        gc.beginPath();
        pathOpen = false;
    }

    @Override
    public void unclip() {
        gc.restore();
    }
}
