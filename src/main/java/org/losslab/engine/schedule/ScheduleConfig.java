package org.losslab.engine.schedule;

/**
 * The parameters of one run's schedule, an immutable value; {@link #create} makes the
 * {@link Schedule} for a run with base learning rate {@code lr} and {@code n = steps − W} updates
 * after warmup (the default horizon of cosine, linear and one-cycle).
 *
 * <p>One record per schedule type of the scenario spec, with the spec's parameter names and
 * defaults. A parameter whose default depends on {@code n} is a nullable box ({@code null} =
 * "use n"), resolved in {@link #create}.
 */
public sealed interface ScheduleConfig
        permits ConstantSchedule, StepSchedule, MultiStepSchedule, ExponentialSchedule, CosineSchedule,
                CosineRestartsSchedule, LinearSchedule, OneCycleSchedule, CyclicSchedule, PlateauSchedule {

    /** The spec's type name: {@code constant}, {@code step}, {@code cosine}, …. */
    String type();

    /**
     * Checks the parameters for a run with {@code n} updates after warmup. Defaults that resolve
     * to {@code n} are not checked when {@code n = 0}, since such a schedule is never asked for a
     * rate (torch is then never constructed either).
     *
     * @throws ScheduleParameterException naming the first bad parameter, where torch would raise
     *         or the value makes no sense as a learning-rate schedule
     * @throws IllegalArgumentException if {@code n < 0}
     */
    void validate(long n);

    /**
     * A fresh schedule (stateful schedules start from scratch each time).
     *
     * @throws ScheduleParameterException as {@link #validate}
     */
    Schedule create(double lr, long n);
}
