package org.losslab.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Drawing} that draws nothing and keeps what was asked of it: each text with the colour
 * it was written in, the colours of strokes and fills, and the images with where they went. Text is
 * measured as 0.6 em per character, as a sans-serif font roughly is.
 */
final class RecordingDrawing implements Drawing {
    /** A text as written: colour, anchor, size, alignment, whether read upwards. */
    record Text(String text, int color, double x, double y, double size, Align align, boolean up) {
        /** Where the text starts along its direction (x, or y for upward text, which runs to smaller y). */
        double start() {
            double len = text.length() * size * 0.6, at = up ? y : x;
            double from = align == Align.LEFT ? at : align == Align.CENTER ? at - len / 2 : at - len;
            return up ? 2 * y - from - len : from;
        }

        double end() {
            return start() + text.length() * size * 0.6;
        }
    }

    /** An image as drawn. */
    record Image(int[] argb, int w, int h, double x, double y, double dw, double dh, boolean smooth) {
    }

    final List<Text> texts = new ArrayList<>();
    final List<Integer> strokes = new ArrayList<>();
    final List<Integer> fills = new ArrayList<>();
    final List<Image> images = new ArrayList<>();
    private int color;
    private boolean path;

    @Override
    public void color(int argb) {
        color = argb;
    }

    @Override
    public void lineWidth(double w) {
    }

    @Override
    public void dash(double... pattern) {
    }

    @Override
    public void moveTo(double x, double y) {
        path = true;
    }

    @Override
    public void lineTo(double x, double y) {
        path = true;
    }

    @Override
    public void stroke() {
        if (path) {
            strokes.add(color);
        }
        path = false;
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        fills.add(color);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        fills.add(color);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        strokes.add(color);
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        fills.add(color);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r) {
        strokes.add(color);
    }

    @Override
    public void text(String s, double x, double y, double size, Align align, boolean bold) {
        texts.add(new Text(s, color, x, y, size, align, false));
    }

    @Override
    public void textUp(String s, double x, double y, double size, Align align, boolean bold) {
        texts.add(new Text(s, color, x, y, size, align, true));
    }

    @Override
    public double textWidth(String s, double size, boolean bold) {
        return s.length() * size * 0.6;
    }

    @Override
    public void image(int[] argb, int w, int h, double x, double y, double dw, double dh, boolean smooth) {
        images.add(new Image(argb, w, h, x, y, dw, dh, smooth));
    }

    @Override
    public void clip(double x, double y, double w, double h) {
    }

    @Override
    public void unclip() {
    }

    /** The text that is exactly s, or null. */
    Text text(String s) {
        return texts.stream().filter(t -> t.text().equals(s)).findFirst().orElse(null);
    }

    boolean hasTextStarting(String prefix) {
        return texts.stream().anyMatch(t -> t.text().startsWith(prefix));
    }
}
