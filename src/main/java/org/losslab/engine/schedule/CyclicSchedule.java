package org.losslab.engine.schedule;

/**
 * Cyclical learning rates (Smith, "Cyclical Learning Rates for Training Neural Networks", WACV
 * 2017), torch.optim.lr_scheduler.CyclicLR, learning rate only: the optimizer's lr is not used, and
 * momentum is not cycled.
 * <pre>
 *   L = up + down,   r = up / L
 *   cycle = ⌊1 + s/L⌋,   x = 1 + s/L − cycle                    (position in the cycle, 0 ≤ x &lt; 1)
 *   h = x / r  if x ≤ r,  else (x − 1) / (r − 1)                (0 → 1 → 0)
 *   lr(s) = baseLr + (maxLr − baseLr) · h · scale
 *   scale = 1 (triangular),  1 / 2^(cycle−1) (triangular2),  γ^s (exp_range)
 * </pre>
 * evaluated in torch's order ({@code get_lr}), with the step sizes as floats as torch converts them.
 *
 * @param baseLr       the rate at the foot of each cycle (required)
 * @param maxLr        the rate at the peak of the first cycle (required)
 * @param stepSizeUp   updates from foot to peak (default 2000, ≥ 1)
 * @param stepSizeDown updates from peak to the next foot ({@code null}: stepSizeUp; ≥ 0)
 * @param mode         {@code "triangular"} (default), {@code "triangular2"} or {@code "exp_range"}
 * @param gamma        γ of exp_range (default 1)
 */
public record CyclicSchedule(double baseLr, double maxLr, int stepSizeUp, Integer stepSizeDown, String mode,
                             double gamma) implements ScheduleConfig {

    private static final int TRIANGULAR = 0, TRIANGULAR2 = 1, EXP_RANGE = 2;

    /** The spec's defaults for everything but the required {@code baseLr} and {@code maxLr}. */
    public CyclicSchedule(double baseLr, double maxLr) {
        this(baseLr, maxLr, 2000, null, "triangular", 1);
    }

    private static int modeIndex(String mode) {
        if (mode == null) {
            return -1;
        }
        return switch (mode) {
            case "triangular" -> TRIANGULAR;
            case "triangular2" -> TRIANGULAR2;
            case "exp_range" -> EXP_RANGE;
            default -> -1;
        };
    }

    @Override
    public String type() {
        return "cyclic";
    }

    @Override
    public void validate(long n) {
        Checks.horizon(n);
        Checks.nonNegative("baseLr", baseLr);
        Checks.nonNegative("maxLr", maxLr);
        Checks.positiveInteger("stepSizeUp", stepSizeUp);
        if (stepSizeDown != null) {
            Checks.nonNegativeInteger("stepSizeDown", stepSizeDown);
        }
        if (modeIndex(mode) < 0) {
            throw new ScheduleParameterException("mode", "mode must be \"triangular\", \"triangular2\" or \"exp_range\", got "
                    + (mode == null ? "null" : "\"" + mode + "\""));
        }
        Checks.nonNegative("gamma", gamma);
    }

    @Override
    public Schedule create(double lr, long n) {
        validate(n);
        final double baseLr = this.baseLr, maxLr = this.maxLr, gamma = this.gamma;
        final double up = stepSizeUp;
        final double down = stepSizeDown != null ? stepSizeDown : up;
        final double totalSize = up + down;
        final double stepRatio = up / totalSize;
        final int mode = modeIndex(this.mode);
        return new Schedule() {
            @Override
            public double at(long s) {
                double cycle = Math.floor(1 + s / totalSize);
                double x = 1. + s / totalSize - cycle;
                double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
                double baseHeight = (maxLr - baseLr) * scaleFactor;
                double scale = switch (mode) {
                    case TRIANGULAR -> 1.;
                    case TRIANGULAR2 -> 1 / Math.pow(2., cycle - 1);
                    default -> Math.pow(gamma, s); // exp_range scales by iterations, not cycles
                };
                return baseLr + baseHeight * scale;
            }

            @Override
            public boolean isConstant() {
                // With maxLr = baseLr the height is 0, and 0 · scale stays 0 while the scale is finite.
                return baseLr == maxLr && (mode != EXP_RANGE || gamma <= 1);
            }
        };
    }
}
