package org.losslab.engine.schedule;

/**
 * The 1cycle policy (Smith &amp; Topin, "Super-Convergence", 2017), torch.optim.lr_scheduler.OneCycleLR,
 * learning rate only: the optimizer's lr is not used, and momentum is not cycled.
 * <pre>
 *   initial = maxLr / divFactor,   min = initial / finalDivFactor,   T = totalSteps,  p = pctStart
 *   two phases:   initial → maxLr until e₁ = p·T − 1,   maxLr → min until e₂ = T − 1
 *   three phases: initial → maxLr until e₁ = p·T − 1,   maxLr → initial until e₂ = 2p·T − 2,
 *                 initial → min until e₃ = T − 1
 *   in the phase from e_{i−1} to e_i (e₀ = 0):  pct = (s − e_{i−1}) / (e_i − e_{i−1})
 *   cos:    lr = end + (start − end)/2 · (cos(π·pct) + 1)        linear: lr = (end − start)·pct + start
 * </pre>
 * The phase ends are floats, as torch computes them ({@code float(pct_start * total_steps) - 1}),
 * and a step belongs to the first phase whose end it does not pass (the last phase takes the
 * rest), exactly as torch's {@code get_lr} walks {@code _schedule_phases}.
 *
 * @param maxLr          the peak rate (required)
 * @param totalSteps     T, the length of the cycle ({@code null}: n, the updates after warmup; torch
 *                       raises if it is stepped past T, so T ≥ n)
 * @param pctStart       p, the fraction of the cycle spent rising (default 0.3)
 * @param divFactor      initial = maxLr / divFactor (default 25)
 * @param finalDivFactor min = initial / finalDivFactor (default 1e4)
 * @param annealStrategy {@code "cos"} (default) or {@code "linear"}
 * @param threePhase     torch's {@code three_phase}: fall back to initial, then anneal to min (default false)
 */
public record OneCycleSchedule(double maxLr, Long totalSteps, double pctStart, double divFactor,
                               double finalDivFactor, String annealStrategy, boolean threePhase)
        implements ScheduleConfig {

    /** The spec's defaults for everything but the required {@code maxLr}. */
    public OneCycleSchedule(double maxLr) {
        this(maxLr, null, 0.3, 25, 1e4, "cos", false);
    }

    @Override
    public String type() {
        return "oneCycle";
    }

    @Override
    public void validate(long n) {
        Checks.horizon(n);
        Checks.positive("maxLr", maxLr);
        if (totalSteps != null) {
            Checks.positiveInteger("totalSteps", totalSteps);
            if (totalSteps < n) {
                throw new ScheduleParameterException("totalSteps", "totalSteps (" + totalSteps + ") is less than the "
                        + n + " updates after warmup; torch's OneCycleLR would raise");
            }
        }
        Checks.unitInterval("pctStart", pctStart, "; torch's OneCycleLR would raise");
        Checks.positive("divFactor", divFactor);
        Checks.positive("finalDivFactor", finalDivFactor);
        if (!"cos".equals(annealStrategy) && !"linear".equals(annealStrategy)) {
            throw new ScheduleParameterException("annealStrategy",
                    "annealStrategy must be \"cos\" or \"linear\", got " + quote(annealStrategy));
        }
        if (totalSteps != null || n > 0) {
            checkPhaseLengths(totalSteps != null ? totalSteps : n, n);
        }
    }

    /**
     * torch divides by the length of the phase a step falls in, and Python raises on 0/0. A
     * scheduler stepped after every update computes the rate for s = 0..n, so reject a phase of
     * length zero that one of those steps falls in: s = 0, or the first integer past a phase end.
     */
    private void checkPhaseLengths(long total, long n) {
        double[] ends = phaseEnds(total);
        long last = Math.min(n, total);
        for (int i = 0; i < ends.length; i++) {
            long s = i == 0 ? 0 : Math.max(0, (long) Math.floor(ends[i - 1]) + 1);
            if (s > last) {
                continue;
            }
            double start = 0;
            for (int k = 0; k < ends.length; k++) {
                if (s <= ends[k] || k == ends.length - 1) {
                    if (ends[k] == start) {
                        throw new ScheduleParameterException("pctStart", "pctStart (" + pctStart + ") makes phase "
                                + (k + 1) + " of the cycle of " + total + " steps empty at update " + s
                                + "; torch's OneCycleLR would divide by zero");
                    }
                    break;
                }
                start = ends[k];
            }
        }
    }

    /** The phase ends e₁, e₂[, e₃] exactly as torch's {@code _schedule_phases}. */
    private double[] phaseEnds(long total) {
        return threePhase
                ? new double[] {pctStart * total - 1, 2 * pctStart * total - 2, total - 1}
                : new double[] {pctStart * total - 1, total - 1};
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Override
    public Schedule create(double lr, long n) {
        validate(n);
        final double initial = maxLr / divFactor;
        final double min = initial / finalDivFactor;
        final double[] ends = phaseEnds(totalSteps != null ? totalSteps : n);
        final double[] from = threePhase ? new double[] {initial, maxLr, initial} : new double[] {initial, maxLr};
        final double[] to = threePhase ? new double[] {maxLr, initial, min} : new double[] {maxLr, min};
        final boolean cos = "cos".equals(annealStrategy);
        return new Schedule() {
            @Override
            public double at(long s) {
                double start = 0;
                int last = ends.length - 1;
                for (int i = 0; ; i++) {
                    double end = ends[i];
                    if (s <= end || i == last) {
                        double pct = (s - start) / (end - start);
                        return cos ? annealCos(from[i], to[i], pct) : annealLinear(from[i], to[i], pct);
                    }
                    start = end;
                }
            }

            @Override
            public boolean isConstant() {
                return initial == maxLr && min == maxLr;
            }
        };
    }

    /** torch's {@code _annealing_cos}: cosine from start (pct 0) to end (pct 1). */
    static double annealCos(double start, double end, double pct) {
        double cosOut = Math.cos(Math.PI * pct) + 1;
        return end + (start - end) / 2.0 * cosOut;
    }

    /** torch's {@code _annealing_linear}: straight line from start (pct 0) to end (pct 1). */
    static double annealLinear(double start, double end, double pct) {
        return (end - start) * pct + start;
    }
}
