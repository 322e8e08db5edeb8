package org.losslab.render;

/** A {@link Drawing} that draws nothing, for tests that look at one kind of call. */
class NoDrawing implements Drawing {
    @Override
    public void color(int argb) {
    }

    @Override
    public void lineWidth(double w) {
    }

    @Override
    public void dash(double... pattern) {
    }

    @Override
    public void moveTo(double x, double y) {
    }

    @Override
    public void lineTo(double x, double y) {
    }

    @Override
    public void stroke() {
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
    }

    @Override
    public void strokeCircle(double cx, double cy, double r) {
    }

    @Override
    public void text(String s, double x, double y, double size, Align align, boolean bold) {
    }

    @Override
    public void textUp(String s, double x, double y, double size, Align align, boolean bold) {
    }

    @Override
    public double textWidth(String s, double size, boolean bold) {
        return s.length() * size * 0.6;
    }

    @Override
    public void image(int[] argb, int w, int h, double x, double y, double dw, double dh, boolean smooth) {
    }

    @Override
    public void clip(double x, double y, double w, double h) {
    }

    @Override
    public void unclip() {
    }
}
