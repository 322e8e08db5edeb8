package org.losslab.app.trainer.model;

import org.losslab.engine.mlp.PredictiveSpread;
import org.losslab.engine.mlp.Ensemble;
import org.losslab.engine.mlp.Output;
import org.losslab.engine.mlp.Predictor;
import org.losslab.engine.mlp.Trainer;
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
 * @param spread    MC dropout or an ensemble: the spread of the passes (members) at each pixel (or curve
 *                  sample), else null
 * @param predicted MC dropout or an ensemble: the class the mean predicts at each pixel (classification), else null
 * @param passes    MC dropout or an ensemble: the number of passes (members), else 0
 */
public record Boundary(long step, int run, Window window, int size, int[] pixels, double[] curve, double[] spread,
                       int[] predicted, int passes) {

    /** Raster side for classification and samples of a regression curve. */
    public static final int SIZE = 96;

    /** A plain prediction: no MC-dropout spread. */
    public Boundary(long step, int run, Window window, int size, int[] pixels, double[] curve) {
        this(step, run, window, size, pixels, curve, null, null, 0);
    }

    /** Whether this picture is an MC-dropout mean with its spread. */
    public boolean uncertain() {
        return spread != null;
    }

    /**
     * Predicts with {@code net} at weights {@code theta} (a network with batch normalization
     * predicts with its running statistics: pass the trainer's {@link Trainer#predictor()}).
     *
     * @param classes classes of the data, 0 for regression
     */
    public static Boundary of(Predictor net, double[] theta, Window w, int classes, long step, int run) {
        Output out = net.architecture().output();
        int units = net.architecture().outputs();
        double[][] xy = grid(w, classes);
        int n = xy[0].length;
        double[] y = new double[n * units];
        net.predict(theta, n, xy[0], xy[1], y);
        if (classes == 0) {
            return new Boundary(step, run, w, SIZE, null, java.util.Arrays.copyOf(y, SIZE));
        }
        return new Boundary(step, run, w, SIZE, pixels(y, n, units, out, classes), null);
    }

    /**
     * MC dropout at the trainer's current weights ({@link org.losslab.engine.mlp.McDropout}): the
     * colours (or curve) of the mean of {@code passes} stochastic passes, the spread at each pixel
     * (or sample) and the class the mean predicts at each pixel, for the decision boundary drawn over
     * the spread. Call from the training thread.
     */
    public static Boundary ofMcDropout(Trainer t, Window w, int classes, int passes) {
        Output out = t.training().architecture().output();
        int units = t.training().architecture().outputs();
        double[][] xy = grid(w, classes);
        int n = xy[0].length;
        PredictiveSpread p = t.mcDropout(n, xy[0], xy[1], passes);
        if (classes == 0) {
            return new Boundary(t.step(), t.runIndex(), w, SIZE, null, java.util.Arrays.copyOf(p.mean(), SIZE), p.spread(),
                    null, passes);
        }
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = p.predicted(i, out);
        }
        return new Boundary(t.step(), t.runIndex(), w, SIZE, pixels(p.mean(), n, units, out, classes), null, p.spread(),
                predicted, passes);
    }

    /**
     * A deep ensemble's picture ({@link Ensemble}): the colours (or curve) of the members' mean
     * prediction, their disagreement at each pixel (or sample) and the class the mean predicts. Call
     * from the ensemble's thread.
     */
    public static Boundary ofEnsemble(Ensemble e, Window w, int classes, long step, int run) {
        Output out = e.member(0).training().architecture().output();
        int units = e.member(0).training().architecture().outputs();
        double[][] xy = grid(w, classes);
        int n = xy[0].length;
        PredictiveSpread p = e.predict(n, xy[0], xy[1]);
        if (classes == 0) {
            return new Boundary(step, run, w, SIZE, null, java.util.Arrays.copyOf(p.mean(), SIZE), p.spread(), null, e.size());
        }
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = p.predicted(i, out);
        }
        return new Boundary(step, run, w, SIZE, pixels(p.mean(), n, units, out, classes), null, p.spread(), predicted, e.size());
    }

    /** The points predicted at: SIZE samples of x₁ across the window for a curve, else the raster's cell centres. */
    private static double[][] grid(Window w, int classes) {
        if (classes == 0) {
            double[] x1 = new double[SIZE], x2 = new double[SIZE];
            for (int i = 0; i < SIZE; i++) {
                x1[i] = w.xMin() + w.width() * i / (SIZE - 1);
            }
            return new double[][] {x1, x2};
        }
        int n = SIZE * SIZE;
        double[] x1 = new double[n], x2 = new double[n];
        for (int r = 0; r < SIZE; r++) {
            double yy = w.yMax() - w.height() * (r + 0.5) / SIZE;
            for (int c = 0; c < SIZE; c++) {
                x1[r * SIZE + c] = w.xMin() + w.width() * (c + 0.5) / SIZE;
                x2[r * SIZE + c] = yy;
            }
        }
        return new double[][] {x1, x2};
    }

    /** Raster colours of the outputs {@code y} (laid out as {@link Predictor#predict}) at n cells. */
    private static int[] pixels(double[] y, int n, int units, Output out, int classes) {
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
        return px;
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
