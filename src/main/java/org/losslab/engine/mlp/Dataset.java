package org.losslab.engine.mlp;

import java.util.Arrays;

/**
 * Labelled points (x₁, x₂) → y: a class index 0 ≤ y &lt; classes for classification, or a real
 * target for regression ({@code classes == 0}; a 1-D curve keeps x₂ = 0). Immutable: the arrays are
 * copied in and never handed out, so a dataset is safe to share between threads.
 */
public final class Dataset {
    private final double[] x1, x2, y;
    private final int classes;

    /**
     * @param classes number of classes (≥ 2), or 0 for regression
     * @throws IllegalArgumentException if the lengths differ or a label is not a class index
     */
    public Dataset(double[] x1, double[] x2, double[] y, int classes) {
        if (x1.length != x2.length || x1.length != y.length) {
            throw new IllegalArgumentException("x1, x2 and y differ in length");
        }
        if (classes == 1 || classes < 0) {
            throw new IllegalArgumentException("classes must be 0 (regression) or at least 2, got " + classes);
        }
        for (double v : y) {
            if (classes > 0 && !(v >= 0 && v < classes && v == Math.rint(v))) {
                throw new IllegalArgumentException("label " + v + " is not a class 0.." + (classes - 1));
            }
        }
        this.x1 = x1.clone();
        this.x2 = x2.clone();
        this.y = y.clone();
        this.classes = classes;
    }

    public int size() {
        return y.length;
    }

    /** Number of classes, 0 for regression. */
    public int classes() {
        return classes;
    }

    public boolean isRegression() {
        return classes == 0;
    }

    public double x1(int i) {
        return x1[i];
    }

    public double x2(int i) {
        return x2[i];
    }

    /** The target: a class index (as a double) or a regression value. */
    public double y(int i) {
        return y[i];
    }

    public int label(int i) {
        return (int) y[i];
    }

    /** The examples at {@code indices}, in that order. */
    public Dataset subset(int[] indices, int from, int to) {
        int n = to - from;
        double[] a = new double[n], b = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            int k = indices[from + i];
            a[i] = x1[k];
            b[i] = x2[k];
            c[i] = y[k];
        }
        return new Dataset(a, b, c, classes);
    }

    /** This dataset with other targets. */
    Dataset withTargets(double[] targets) {
        return new Dataset(x1, x2, targets, classes);
    }

    /** {min x₁, max x₁, min x₂, max x₂} over the points (NaN when empty). */
    public double[] bounds() {
        if (y.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {Arrays.stream(x1).min().getAsDouble(), Arrays.stream(x1).max().getAsDouble(),
                Arrays.stream(x2).min().getAsDouble(), Arrays.stream(x2).max().getAsDouble()};
    }
}
