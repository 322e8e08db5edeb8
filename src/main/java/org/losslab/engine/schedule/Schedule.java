package org.losslab.engine.schedule;

/**
 * A learning-rate schedule: the rate as a pure function of s, the update number after warmup.
 *
 * <p>torch.optim's schedulers mutate the optimizer and must be stepped in the right order; a
 * function of the step cannot have that bug, and lets a sweep or a scrubbing timeline ask for any
 * step at any time. The one exception is {@link PlateauSchedule}, which by its nature reacts to
 * the losses it is shown; it says so through {@link #isStateful()}.
 */
public interface Schedule {

    /** The learning rate of update s = t − W (s ≥ 0). */
    double at(long s);

    /**
     * Shows the schedule the loss of the point that an update after warmup produced. Only
     * loss-driven schedules (ReduceLROnPlateau) use it.
     */
    default void observe(double loss) {
    }

    /** True if {@link #at} depends on what {@link #observe} was shown. */
    default boolean isStateful() {
        return false;
    }

    /** True if {@link #at} is the same for every s (lets hot loops skip the call). */
    default boolean isConstant() {
        return false;
    }
}
