package org.losslab.engine.sim;

/**
 * How one run ended, without its path: what {@code losslab run} prints and all a summary needs, so
 * a run of ten million steps costs a few numbers instead of its trajectory.
 *
 * @param x          the last point's x (the last finite point's, if it diverged)
 * @param y          the last point's y
 * @param loss       the loss there
 * @param divergedAt the step at which a value became non-finite, or −1
 */
public record Outcome(double x, double y, double loss, long divergedAt) {
    public boolean diverged() {
        return divergedAt >= 0;
    }
}
