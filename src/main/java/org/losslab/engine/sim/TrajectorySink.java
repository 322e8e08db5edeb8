package org.losslab.engine.sim;

/**
 * Receives the points of runs as they are computed: step 0 is the start, step k the point after k
 * updates (the rows of the spec's trajectory CSV). A diverged run's last point holds the non-finite
 * values and nothing follows.
 */
@FunctionalInterface
public interface TrajectorySink {

    /**
     * @param run      the run's index in its scenario
     * @param step     0 for the start, k after k updates
     * @param loss     f at (x, y) with t = step
     * @param gradNorm ‖∇f(x, y)‖ of the full, exact gradient
     * @param lr       the learning rate of the update that produced this point; NaN at step 0
     */
    void point(int run, long step, double x, double y, double loss, double gradNorm, double lr);

    /**
     * Before a run's first point: the names of the channels its update's links report
     * ({@link org.losslab.engine.update.Traced}), when it has any.
     */
    default void channels(int run, java.util.List<String> names) {
    }

    /**
     * Right after each {@link #point} of a run with channels: their values at that step, in the order
     * of {@link #channels(int, java.util.List)}. The array is reused: copy what you keep.
     */
    default void channelValues(int run, long step, double[] values) {
    }
}
