package org.losslab.engine.schedule;

/**
 * Cosine annealing without restarts, in the closed form of torch.optim.lr_scheduler.CosineAnnealingLR
 * (Loshchilov &amp; Hutter, "SGDR", ICLR 2017, eq. 5), held at η_min once s passes T_max:
 * <pre>
 *   lr(s) = η_min + (lr − η_min) · (1 + cos(π · min(s, T_max) / T_max)) / 2
 * </pre>
 * The clamp is the spec's: torch's own scheduler would rise again after T_max, which is never what
 * "anneal over the run" means. Evaluated in the reference's order,
 * {@code em + (base_lr - em) * (1 + cos(pi * min(s, T) / T)) / 2}.
 *
 * @param tMax   T_max, the updates to reach η_min ({@code null}: n, the updates after warmup)
 * @param etaMin η_min, the final rate (default 0)
 */
public record CosineSchedule(Long tMax, double etaMin) implements ScheduleConfig {

    /** The spec's defaults: T_max = n, η_min = 0. */
    public CosineSchedule() {
        this(null, 0);
    }

    @Override
    public String type() {
        return "cosine";
    }

    @Override
    public void validate(long n) {
        Checks.horizon(n);
        if (tMax != null) {
            Checks.positiveInteger("tMax", tMax);
        }
        Checks.nonNegative("etaMin", etaMin);
    }

    @Override
    public Schedule create(double lr, long n) {
        validate(n);
        final long tMax = this.tMax != null ? this.tMax : n;
        final double etaMin = this.etaMin;
        return new Schedule() {
            @Override
            public double at(long s) {
                return etaMin + (lr - etaMin) * (1 + Math.cos(Math.PI * Math.min(s, tMax) / tMax)) / 2;
            }

            @Override
            public boolean isConstant() {
                return lr == etaMin;
            }
        };
    }
}
