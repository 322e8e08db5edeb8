package org.losslab.app.trainer.model;

import org.losslab.engine.mlp.Output;
import org.losslab.engine.mlp.Predictor;
import org.losslab.engine.surface.Window;

/**
 * What the network predicts over the input plane at one step, ready to draw: for classification a
 * raster of {@link ClassColors} (row 0 at the top, y decreasing), for a 1-D regression the curve
 * ŷ(x₁) sampled across the window. Immutable; built on the training thread.
 *
 * @param step   the step of the weights it shows
 * @param run    the run it shows
 * @param window the input plane shown
 * @param pixels ARGB raster of size × size, or null for a regression curve
 * @param curve  ŷ at {@code curve.length} evenly spaced x₁ across the window, or null
 */
public record Boundary(long step, int run, Window window, int size, int[] pixels, double[] curve) {

    /** Raster side for classification and samples of a regression curve. */
    public static final int SIZE = 96;

    /**
     * Predicts with {@code net} at weights {@code theta} (a network with batch normalization
     * predicts with its running statistics: pass the trainer's {@link org.losslab.engine.mlp.Trainer#predictor()}).
     *
     * @param classes classes of the data, 0 for regression
     */
    public static Boundary of(Predictor net, double[] theta, Window w, int classes, long step, int run) {
        Output out = net.architecture().output();
        int units = net.architecture().outputs();
        if (classes == 0) {
            double[] x1 = new double[SIZE], x2 = new double[SIZE], y = new double[SIZE * units];
            for (int i = 0; i < SIZE; i++) {
                x1[i] = w.xMin() + w.width() * i / (SIZE - 1);
            }
            net.predict(theta, SIZE, x1, x2, y);
            return new Boundary(step, run, w, SIZE, null, java.util.Arrays.copyOf(y, SIZE));
        }
        int n = SIZE * SIZE;
        double[] x1 = new double[n], x2 = new double[n], y = new double[n * units];
        for (int r = 0; r < SIZE; r++) {
            double yy = w.yMax() - w.height() * (r + 0.5) / SIZE;
            for (int c = 0; c < SIZE; c++) {
                x1[r * SIZE + c] = w.xMin() + w.width() * (c + 0.5) / SIZE;
                x2[r * SIZE + c] = yy;
            }
        }
        net.predict(theta, n, x1, x2, y);
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            if (units == 1) {
                // Sigmoid gives P(class 1); a linear unit regressing the label 0/1 reads the same way.
                px[i] = ClassColors.diverging(y[i]);
            } else {
                int best = 0;
                for (int c = 1; c < units; c++) {
                    if (y[c * n + i] > y[best * n + i]) {
                        best = c;
                    }
                }
                double p = y[best * n + i];
                px[i] = out == Output.SOFTMAX ? (classes == 2 ? ClassColors.diverging(y[n + i]) : ClassColors.predicted(best, p, units))
                        : ClassColors.predicted(best, 1, units);
            }
        }
        return new Boundary(step, run, w, SIZE, px, null);
    }

    /** The input window for data within {@code bounds} {x₁min, x₁max, x₂min, x₂max}: square, padded. */
    public static Window windowFor(double[] bounds) {
        double r = 1.2;
        for (double b : bounds) {
            if (Double.isFinite(b)) {
                r = Math.max(r, Math.abs(b) * 1.1);
            }
        }
        return Window.square(r);
    }
}
