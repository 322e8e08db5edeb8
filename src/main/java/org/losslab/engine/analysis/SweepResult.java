package org.losslab.engine.analysis;

/**
 * What a {@link Sweep} found, cell by cell: an immutable snapshot (its arrays are never handed
 * out). Cell (i, j) is x-value i, y-value j. Rows not yet computed (a snapshot taken while the job
 * runs) report {@link #rowDone} false and hold zeros.
 */
public final class SweepResult {
    /** What a heatmap colours each cell by. */
    public enum Measure {
        /** The loss at the last point, on a log scale; diverged cells apart. */
        FINAL_LOSS,
        /** The number of updates until the loss first reached the tolerance. */
        STEPS_TO_TOLERANCE,
        /** Whether the run diverged, and when. */
        DIVERGED
    }

    private final Axis x, y;
    private final long steps;
    private final double tolerance;
    private final double[] lastLoss, lastX, lastY;
    private final int[] reachedAt, divergedAt;
    private final boolean[] rowDone;

    SweepResult(Axis x, Axis y, long steps, double tolerance, double[] lastLoss, double[] lastX, double[] lastY,
                int[] reachedAt, int[] divergedAt, boolean[] rowDone) {
        this.x = x;
        this.y = y;
        this.steps = steps;
        this.tolerance = tolerance;
        this.lastLoss = lastLoss;
        this.lastX = lastX;
        this.lastY = lastY;
        this.reachedAt = reachedAt;
        this.divergedAt = divergedAt;
        this.rowDone = rowDone;
    }

    public Axis x() {
        return x;
    }

    public Axis y() {
        return y;
    }

    public int width() {
        return x.count();
    }

    public int height() {
        return y.count();
    }

    public long steps() {
        return steps;
    }

    public double tolerance() {
        return tolerance;
    }

    public boolean rowDone(int j) {
        return rowDone[j];
    }

    /** True when every row is computed. */
    public boolean complete() {
        for (boolean d : rowDone) {
            if (!d) {
                return false;
            }
        }
        return true;
    }

    /** The loss at the run's last point (non-finite if it diverged). */
    public double finalLoss(int i, int j) {
        return lastLoss[j * x.count() + i];
    }

    public double finalX(int i, int j) {
        return lastX[j * x.count() + i];
    }

    public double finalY(int i, int j) {
        return lastY[j * x.count() + i];
    }

    /** The first step whose loss was at most the tolerance, or −1. */
    public int reachedAt(int i, int j) {
        return reachedAt[j * x.count() + i];
    }

    /** The step at which the run diverged, or −1. */
    public int divergedAt(int i, int j) {
        return divergedAt[j * x.count() + i];
    }

    public boolean diverged(int i, int j) {
        return divergedAt[j * x.count() + i] >= 0;
    }

    /** How many computed cells diverged. */
    public int divergedCount() {
        int n = 0;
        for (int j = 0; j < height(); j++) {
            if (rowDone[j]) {
                for (int i = 0; i < width(); i++) {
                    n += diverged(i, j) ? 1 : 0;
                }
            }
        }
        return n;
    }
}
