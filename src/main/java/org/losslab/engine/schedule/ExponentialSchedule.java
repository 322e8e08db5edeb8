package org.losslab.engine.schedule;

/**
 * Exponential decay, torch.optim.lr_scheduler.ExponentialLR in its closed form:
 * <pre>
 *   lr(s) = lr · γ^s
 * </pre>
 * evaluated as torch's {@code base_lr * gamma ** last_epoch} (one {@code pow}, not s products, so
 * the rounding error does not grow with s).
 *
 * @param gamma factor per update (required)
 */
public record ExponentialSchedule(double gamma) implements ScheduleConfig {

    @Override
    public String type() {
        return "exponential";
    }

    @Override
    public void validate(long n) {
        Checks.horizon(n);
        Checks.nonNegative("gamma", gamma);
    }

    @Override
    public Schedule create(double lr, long n) {
        validate(n);
        final double gamma = this.gamma;
        return new Schedule() {
            @Override
            public double at(long s) {
                return lr * Math.pow(gamma, s);
            }

            @Override
            public boolean isConstant() {
                return gamma == 1;
            }
        };
    }
}
