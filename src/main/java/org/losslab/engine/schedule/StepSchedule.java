package org.losslab.engine.schedule;

/**
 * Step decay, torch.optim.lr_scheduler.StepLR in its closed form ({@code _get_closed_form_lr}):
 * <pre>
 *   lr(s) = lr · γ^⌊s / stepSize⌋
 * </pre>
 * evaluated as torch's {@code base_lr * gamma ** (last_epoch // step_size)}.
 *
 * @param stepSize period of the decay, in updates (required, ≥ 1)
 * @param gamma    factor applied every {@code stepSize} updates (default 0.1)
 */
public record StepSchedule(int stepSize, double gamma) implements ScheduleConfig {

    /** The spec's defaults for everything but the required {@code stepSize}. */
    public StepSchedule(int stepSize) {
        this(stepSize, 0.1);
    }

    @Override
    public String type() {
        return "step";
    }

    @Override
    public void validate(long n) {
        Checks.horizon(n);
        Checks.positiveInteger("stepSize", stepSize);
        Checks.nonNegative("gamma", gamma);
    }

    @Override
    public Schedule create(double lr, long n) {
        validate(n);
        final long size = stepSize;
        final double gamma = this.gamma;
        return new Schedule() {
            @Override
            public double at(long s) {
                return lr * Math.pow(gamma, s / size);
            }

            @Override
            public boolean isConstant() {
                return gamma == 1;
            }
        };
    }
}
