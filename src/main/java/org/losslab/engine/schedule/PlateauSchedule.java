package org.losslab.engine.schedule;

/**
 * Reduce the rate when the loss stops improving: torch.optim.lr_scheduler.ReduceLROnPlateau with
 * {@code mode="min"} and {@code threshold_mode="rel"}, shown the loss of each new point after each
 * update that follows warmup. On each {@link Schedule#observe observe(loss)}, as torch's
 * {@code step(metrics)}:
 * <pre>
 *   if loss &lt; best · (1 − threshold):  best = loss, bad = 0     else bad = bad + 1
 *   if cooling &gt; 0:                    cooling = cooling − 1, bad = 0
 *   if bad &gt; patience:                 new = max(lr · factor, minLr)
 *                                      if lr − new &gt; eps: lr = new
 *                                      cooling = cooldown, bad = 0
 * </pre>
 * starting from best = +∞, bad = 0, cooling = 0 and the optimizer's lr. {@link Schedule#at} is the
 * current lr whatever s is: the rate depends on the losses seen, not on the step.
 *
 * @param factor    multiplier of a reduction (default 0.1; torch requires factor &lt; 1)
 * @param patience  bad updates tolerated before a reduction (default 10)
 * @param threshold relative improvement that counts as better (default 1e-4)
 * @param cooldown  updates after a reduction during which bad updates are not counted (default 0)
 * @param minLr     floor of the rate (default 0)
 * @param eps       reductions smaller than this are skipped (default 1e-8)
 */
public record PlateauSchedule(double factor, int patience, double threshold, int cooldown, double minLr, double eps)
        implements ScheduleConfig {

    /** torch's defaults. */
    public PlateauSchedule() {
        this(0.1, 10, 1e-4, 0, 0, 1e-8);
    }

    @Override
    public String type() {
        return "plateau";
    }

    @Override
    public void validate(long n) {
        Checks.horizon(n);
        if (!(factor >= 0 && factor < 1)) {
            throw new ScheduleParameterException("factor", "factor must be ≥ 0 and < 1, got " + factor
                    + "; torch's ReduceLROnPlateau raises for factor ≥ 1");
        }
        Checks.nonNegativeInteger("patience", patience);
        Checks.nonNegative("threshold", threshold);
        Checks.nonNegativeInteger("cooldown", cooldown);
        Checks.nonNegative("minLr", minLr);
        Checks.nonNegative("eps", eps);
    }

    @Override
    public Schedule create(double lr, long n) {
        validate(n);
        return new Plateau(this, lr);
    }

    /** One run's ReduceLROnPlateau state. */
    private static final class Plateau implements Schedule {
        private final double factor, threshold, minLr, eps;
        private final int patience, cooldown;
        private double lr;
        private double best = Double.POSITIVE_INFINITY;
        private int numBadEpochs;
        private int cooldownCounter;

        Plateau(PlateauSchedule p, double lr) {
            this.factor = p.factor;
            this.patience = p.patience;
            this.threshold = p.threshold;
            this.cooldown = p.cooldown;
            this.minLr = p.minLr;
            this.eps = p.eps;
            this.lr = lr;
        }

        @Override
        public double at(long s) {
            return lr;
        }

        @Override
        public void observe(double loss) {
            // is_better for mode min, threshold_mode rel; NaN is never better, as in Python.
            if (loss < best * (1. - threshold)) {
                best = loss;
                numBadEpochs = 0;
            } else {
                numBadEpochs++;
            }
            if (cooldownCounter > 0) {
                cooldownCounter--;
                numBadEpochs = 0; // bad epochs in cooldown are ignored
            }
            if (numBadEpochs > patience) {
                reduceLr();
                cooldownCounter = cooldown;
                numBadEpochs = 0;
            }
        }

        /** torch's {@code _reduce_lr}; Python's max(a, b) returns a unless b &gt; a. */
        private void reduceLr() {
            double reduced = lr * factor;
            double newLr = minLr > reduced ? minLr : reduced;
            if (lr - newLr > eps) {
                lr = newLr;
            }
        }

        @Override
        public boolean isStateful() {
            return true;
        }
    }
}
