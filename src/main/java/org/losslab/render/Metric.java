package org.losslab.render;

import org.losslab.engine.sim.Trajectory;

/** A per-step quantity of a run that a chart plots against the step. */
public enum Metric {
    LOSS("loss f", true),
    LEARNING_RATE("learning rate", false),
    GRAD_NORM("gradient norm ‖∇f‖", true),
    /**
     * A share of examples classified correctly, for network training curves: such a curve is a
     * trajectory built for the purpose, its value in the loss column.
     */
    ACCURACY("accuracy", false),
    /** DARTS's mixture weight softmax(α) of one candidate activation in one layer, in the loss column. */
    MIXTURE("mixture weights softmax(α)", false);

    /** The metrics of a race on a surface (accuracy belongs to network training). */
    public static final java.util.List<Metric> SURFACE = java.util.List.of(LOSS, LEARNING_RATE, GRAD_NORM);

    private final String title;
    private final boolean log;

    Metric(String title, boolean log) {
        this.title = title;
        this.log = log;
    }

    public String title() {
        return title;
    }

    /** Plotted on a log axis when every value is positive. */
    public boolean prefersLog() {
        return log;
    }

    /** The value at point k (the learning rate of the update that produced it; NaN at 0). */
    public double value(Trajectory t, int k) {
        switch (this) {
            case LOSS:
            case ACCURACY:
            case MIXTURE:
                return t.loss(k);
            case LEARNING_RATE:
                return t.lr(k);
            default:
                return t.gradNorm(k);
        }
    }
}
