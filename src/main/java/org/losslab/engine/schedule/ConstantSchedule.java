package org.losslab.engine.schedule;

/** lr(s) = lr: torch's behaviour with no scheduler. */
public record ConstantSchedule() implements ScheduleConfig {

    @Override
    public String type() {
        return "constant";
    }

    @Override
    public void validate(long n) {
        Checks.horizon(n);
    }

    @Override
    public Schedule create(double lr, long n) {
        validate(n);
        return new Constant(lr);
    }

    private record Constant(double lr) implements Schedule {
        @Override
        public double at(long s) {
            return lr;
        }

        @Override
        public boolean isConstant() {
            return true;
        }
    }
}
