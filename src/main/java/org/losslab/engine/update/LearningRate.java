package org.losslab.engine.update;

import java.util.List;
import org.losslab.engine.schedule.Schedule;

/**
 * Step 4, the learning rate of each run of a batch: a linear warmup of W updates, then the run's
 * schedule ({@link Warmup}):
 * <pre>
 *   lr_t = lr·(t + 1)/W   for t &lt; W,     lr_t = schedule(t − W)   otherwise
 * </pre>
 * Schedules are pure functions of the step, except ReduceLROnPlateau, which {@link #observe} feeds
 * with the loss of each new point after warmup.
 */
final class LearningRate {
    private final double[] baseLr;
    private final long[] warmup;
    private final Schedule[] schedule;
    private final boolean constant, stateful;

    /** Fresh schedules for the runs, each with {@code steps − W} updates after warmup. */
    LearningRate(int stride, List<RunSettings> runs, long steps, double[] lr) {
        baseLr = new double[stride];
        warmup = new long[stride];
        schedule = new Schedule[stride];
        boolean constant = true, stateful = false;
        for (int r = 0; r < runs.size(); r++) {
            RunSettings c = runs.get(r);
            baseLr[r] = c.optimizer().lr();
            warmup[r] = c.warmupSteps();
            schedule[r] = c.schedule().create(c.optimizer().lr(), Math.max(0, steps - c.warmupSteps()));
            stateful |= schedule[r].isStateful();
            constant &= warmup[r] == 0 && schedule[r].isConstant();
            lr[r] = schedule[r].at(0);
        }
        this.constant = constant;
        this.stateful = stateful;
    }

    /** True when every run's rate is the same at every update (then {@link #set} need not be called). */
    boolean isConstant() {
        return constant;
    }

    /** True when some schedule wants to {@link #observe} losses. */
    boolean isStateful() {
        return stateful;
    }

    /** lr[r] = the rate of update t for runs r &lt; n. */
    void set(int n, long t, double[] lr) {
        for (int r = 0; r < n; r++) {
            lr[r] = t < warmup[r] ? baseLr[r] * (t + 1) / warmup[r] : schedule[r].at(t - warmup[r]);
        }
    }

    /** Shows each run past warmup the loss of the point that update t produced. */
    void observe(int n, long t, double[] loss) {
        for (int r = 0; r < n; r++) {
            if (t >= warmup[r]) {
                schedule[r].observe(loss[r]);
            }
        }
    }

    void moveRun(int from, int to) {
        baseLr[to] = baseLr[from];
        warmup[to] = warmup[from];
        schedule[to] = schedule[from];
    }
}
