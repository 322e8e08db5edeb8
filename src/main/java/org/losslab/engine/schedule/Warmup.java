package org.losslab.engine.schedule;

/**
 * Step 4 of the spec's update: the learning rate of update t with a linear warmup of W updates in
 * front of the run's schedule (Goyal et al., "Accurate, Large Minibatch SGD", 2017, §2.2):
 * <pre>
 *   lr_t = lr · (t + 1) / W      for t &lt; W
 *   lr_t = schedule(t − W)       otherwise
 * </pre>
 * The warmup ramps to the optimizer's lr and reaches it on update W − 1; the schedule then starts
 * at its own s = 0 (for oneCycle and cyclic, whose rates ignore lr, the rate may jump there).
 */
public final class Warmup {
    private Warmup() {
    }

    /**
     * The rate of update t, evaluated as the reference's {@code base_lr * (t + 1) / W}.
     *
     * @param t           the update number, ≥ 0
     * @param warmupSteps W ≥ 0
     * @param baseLr      the optimizer's lr
     * @param schedule    the run's schedule, asked for s = t − W once t ≥ W. Not modified.
     */
    public static double lr(long t, long warmupSteps, double baseLr, Schedule schedule) {
        return t < warmupSteps ? baseLr * (t + 1) / warmupSteps : schedule.at(t - warmupSteps);
    }
}
