package org.losslab.engine.sim;

import java.util.List;

/**
 * How one run ended, without its path: what {@code losslab run} prints and all a summary needs, so
 * a run of ten million steps costs a few numbers instead of its trajectory.
 *
 * @param x             the last point's x (for a diverged run, its non-finite last point's)
 * @param y             the last point's y
 * @param loss          the loss there
 * @param divergedAt    the step at which a value became non-finite, or −1
 * @param channelNames  the run's traced channels ({@link TrajectorySink#channels}), usually none
 * @param channelValues their values at the last point, in that order
 */
public record Outcome(double x, double y, double loss, long divergedAt, List<String> channelNames, double[] channelValues) {
    public boolean diverged() {
        return divergedAt >= 0;
    }

    /** The named channel's value at the last point, or NaN if the run has no such channel. */
    public double channel(String name) {
        int k = channelNames.indexOf(name);
        return k < 0 ? Double.NaN : channelValues[k];
    }
}
