package org.losslab.engine.schedule;

import java.util.List;
import java.util.Objects;

/**
 * Decay at milestones, torch.optim.lr_scheduler.MultiStepLR in its closed form:
 * <pre>
 *   lr(s) = lr · γ^k(s),   k(s) = #{ i : milestones[i] ≤ s }
 * </pre>
 * evaluated as torch's {@code base_lr * gamma ** bisect_right(sorted(milestones), last_epoch)}. As
 * in torch (which keeps the milestones in a {@code Counter}), a milestone listed twice decays
 * twice, and the list need not be sorted.
 *
 * @param milestones update numbers s at which the rate is multiplied by γ (required, each ≥ 0)
 * @param gamma      factor per milestone (default 0.1)
 */
public record MultiStepSchedule(List<Integer> milestones, double gamma) implements ScheduleConfig {

    public MultiStepSchedule {
        milestones = List.copyOf(Objects.requireNonNull(milestones, "milestones"));
    }

    /** The spec's defaults for everything but the required {@code milestones}. */
    public MultiStepSchedule(List<Integer> milestones) {
        this(milestones, 0.1);
    }

    @Override
    public String type() {
        return "multiStep";
    }

    @Override
    public void validate(long n) {
        Checks.horizon(n);
        for (int i = 0; i < milestones.size(); i++) {
            Checks.nonNegativeInteger("milestones[" + i + "]", milestones.get(i));
        }
        Checks.nonNegative("gamma", gamma);
    }

    @Override
    public Schedule create(double lr, long n) {
        validate(n);
        final long[] sorted = milestones.stream().mapToLong(Integer::longValue).sorted().toArray();
        final double gamma = this.gamma;
        return new Schedule() {
            @Override
            public double at(long s) {
                return lr * Math.pow(gamma, bisectRight(sorted, s));
            }

            @Override
            public boolean isConstant() {
                return gamma == 1 || sorted.length == 0;
            }
        };
    }

    /** Python's {@code bisect_right}: the number of entries of the sorted array that are ≤ s. */
    static int bisectRight(long[] sorted, long s) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s < sorted[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
