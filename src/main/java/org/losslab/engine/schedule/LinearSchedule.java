package org.losslab.engine.schedule;

/**
 * Linear change of a factor on the rate, torch.optim.lr_scheduler.LinearLR in its closed form:
 * <pre>
 *   lr(s) = lr · (f₀ + (f₁ − f₀) · min(s, T) / T)
 * </pre>
 * evaluated in torch's order,
 * {@code base_lr * (start_factor + (end_factor - start_factor) * min(total_iters, s) / total_iters)}.
 * The spec's defaults (1 → 0 over the run, a linear decay to zero) differ from torch's (1/3 → 1
 * over 5 updates, a warmup); the ranges checked are torch's.
 *
 * @param startFactor f₀, the factor at s = 0 (default 1; torch requires 0 ≤ f₀ ≤ 1)
 * @param endFactor   f₁, the factor from s = T on (default 0; torch requires 0 ≤ f₁ ≤ 1)
 * @param totalIters  T, the updates to go from f₀ to f₁ ({@code null}: n, the updates after warmup)
 */
public record LinearSchedule(double startFactor, double endFactor, Long totalIters) implements ScheduleConfig {

    /** The spec's defaults: 1 → 0 over the n updates after warmup. */
    public LinearSchedule() {
        this(1, 0, null);
    }

    @Override
    public String type() {
        return "linear";
    }

    @Override
    public void validate(long n) {
        Checks.horizon(n);
        Checks.unitInterval("startFactor", startFactor, "; torch's LinearLR would raise");
        Checks.unitInterval("endFactor", endFactor, "; torch's LinearLR would raise");
        if (totalIters != null) {
            Checks.positiveInteger("totalIters", totalIters);
        }
    }

    @Override
    public Schedule create(double lr, long n) {
        validate(n);
        final double f0 = startFactor, f1 = endFactor;
        final long total = totalIters != null ? totalIters : n;
        return new Schedule() {
            @Override
            public double at(long s) {
                return lr * (f0 + (f1 - f0) * Math.min(s, total) / total);
            }

            @Override
            public boolean isConstant() {
                return f0 == f1;
            }
        };
    }
}
