package org.losslab.engine.sim;

import java.util.List;

/**
 * A sink that passes on every {@code every}-th point of each run (steps 0, k, 2k, …) and always its
 * last point (the step {@code steps}, or the point at which it diverged), so a picture of a
 * ten-million-step run holds a bounded number of points: with {@code every} = ⌈steps / (m − 1)⌉ at
 * most m + 1 per run. A run's channel values follow the points passed on.
 *
 * <p>The stride is fixed in advance from the number of steps, which suits a picture of finished
 * runs ({@code losslab run --png}): the most points the bound allows. The app, whose runs may stop
 * early, keeps its points in a {@link Trajectory#bounded} trajectory instead, whose stride doubles
 * as the run grows.
 */
public final class Decimation implements TrajectorySink {
    private final TrajectorySink sink;
    private final long every;
    private final long steps;
    private boolean passed;

    /**
     * @param sink   where the kept points go
     * @param steps  the runs' number of updates
     * @param points at most this many points (plus the last) per run; ≥ 2
     */
    public Decimation(TrajectorySink sink, long steps, long points) {
        if (points < 2) {
            throw new IllegalArgumentException("points must be ≥ 2");
        }
        this.sink = sink;
        this.steps = steps;
        this.every = every(steps, points);
    }

    /** The stride k = ⌈steps / (points − 1)⌉ (at least 1) for runs of {@code steps} updates. */
    public static long every(long steps, long points) {
        return Math.max(1, (steps + points - 2) / (points - 1));
    }

    /** The points kept per run of {@code steps} updates when at most {@code points} are wanted. */
    public static long kept(long steps, long points) {
        long every = every(steps, points);
        return steps / every + 1 + (steps % every == 0 ? 0 : 1);
    }

    /** 1 when every point is kept. */
    public long every() {
        return every;
    }

    @Override
    public void point(int run, long step, double x, double y, double loss, double gradNorm, double lr) {
        passed = step % every == 0 || step == steps
                || !(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(loss) && Double.isFinite(gradNorm));
        if (passed) {
            sink.point(run, step, x, y, loss, gradNorm, lr);
        }
    }

    @Override
    public void channels(int run, List<String> names) {
        sink.channels(run, names);
    }

    @Override
    public void channelValues(int run, long step, double[] values) {
        if (passed) {
            sink.channelValues(run, step, values);
        }
    }
}
