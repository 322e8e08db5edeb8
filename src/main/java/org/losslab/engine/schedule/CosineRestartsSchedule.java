package org.losslab.engine.schedule;

/**
 * Cosine annealing with warm restarts, torch.optim.lr_scheduler.CosineAnnealingWarmRestarts stepped
 * once per update (Loshchilov &amp; Hutter, "SGDR", ICLR 2017, eq. 5):
 * <pre>
 *   lr(s) = η_min + (lr − η_min) · (1 + cos(π · T_cur / T_i)) / 2
 *   T_0 = t0,  T_{i+1} = T_i · tMult,  T_cur = updates since the last restart (0 ≤ T_cur &lt; T_i)
 * </pre>
 * torch keeps T_cur and T_i as Python ints and, on each {@code step()}, does {@code T_cur += 1;
 * if T_cur >= T_i: T_cur -= T_i; T_i *= T_mult}. After s steps that is the same as taking whole
 * cycles off s while s covers them, which is what {@link Schedule#at} does (in O(1) for
 * tMult = 1 and O(log s) otherwise); the angle is then torch's {@code pi * T_cur / T_i}, evaluated
 * left to right.
 *
 * @param t0     T_0, the length of the first cycle in updates (required, ≥ 1)
 * @param tMult  the factor by which each cycle is longer than the last (default 1; integer ≥ 1)
 * @param etaMin η_min, the rate at the end of each cycle (default 0)
 */
public record CosineRestartsSchedule(int t0, int tMult, double etaMin) implements ScheduleConfig {

    /** The spec's defaults for everything but the required {@code t0}. */
    public CosineRestartsSchedule(int t0) {
        this(t0, 1, 0);
    }

    @Override
    public String type() {
        return "cosineRestarts";
    }

    @Override
    public void validate(long n) {
        Checks.horizon(n);
        Checks.positiveInteger("t0", t0);
        if (tMult < 1) {
            throw new ScheduleParameterException("tMult", "tMult must be an integer ≥ 1, got " + tMult
                    + "; torch's CosineAnnealingWarmRestarts would raise");
        }
        Checks.nonNegative("etaMin", etaMin);
    }

    @Override
    public Schedule create(double lr, long n) {
        validate(n);
        final long t0 = this.t0, tMult = this.tMult;
        final double etaMin = this.etaMin;
        return new Schedule() {
            @Override
            public double at(long s) {
                long tCur, tI;
                if (tMult == 1) {
                    tCur = s % t0;
                    tI = t0;
                } else {
                    tCur = s;
                    tI = t0;
                    while (tCur >= tI) {
                        tCur -= tI;
                        // Saturating: a cycle longer than Long.MAX_VALUE outlasts every s anyway.
                        tI = tI > Long.MAX_VALUE / tMult ? Long.MAX_VALUE : tI * tMult;
                    }
                }
                return etaMin + (lr - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
            }

            @Override
            public boolean isConstant() {
                return lr == etaMin || t0 == 1 && tMult == 1;
            }
        };
    }
}
