package org.losslab.engine.lesson;

/**
 * The arguments of one measurement; each quantity says which it reads, the others are ignored.
 *
 * @param step      a step (the final point when −1)
 * @param from      first step of a window (inclusive)
 * @param to        last step of a window (inclusive; the last recorded step when −1)
 * @param threshold a loss level (steps until the loss first falls to it)
 * @param target    a point [x, y], or null
 * @param other     another run's index (−1: none): its final point as target, or the run to compare with
 * @param channel   a channel name (for the Armijo step), or null
 */
public record MeasureArgs(long step, long from, long to, double threshold, double[] target, int other, String channel) {
    public MeasureArgs {
        target = target == null ? null : target.clone();
    }

    /** No arguments: final values. */
    public static final MeasureArgs NONE = new MeasureArgs(-1, 0, -1, Double.NaN, null, -1, null);

    @Override
    public double[] target() {
        return target == null ? null : target.clone();
    }
}
