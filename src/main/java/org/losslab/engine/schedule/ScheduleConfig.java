package org.losslab.engine.schedule;

/**
 * The parameters of one run's schedule, an immutable value; {@link #create} makes the
 * {@link Schedule} for a run with base learning rate {@code lr} and {@code n = steps − W} updates
 * after warmup (the default horizon of cosine, linear and one-cycle).
 */
public interface ScheduleConfig {

    /** The spec's type name: {@code constant}, {@code step}, {@code cosine}, …. */
    String type();

    /** A fresh schedule (stateful schedules start from scratch each time). */
    Schedule create(double lr, long n);
}
