package org.losslab.engine.sim;

import java.util.Objects;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.schedule.ConstantSchedule;
import org.losslab.engine.schedule.ScheduleConfig;

/**
 * Everything that defines one run's updates (the spec's per-update algorithm), as an immutable
 * value handed to background work.
 *
 * @param optimizer        the optimizer and its hyperparameters (its lr is the base rate)
 * @param schedule         the learning-rate schedule after warmup
 * @param warmupSteps      W, the linear warmup length
 * @param noiseTemperature T ≥ 0 of the Langevin noise √(2·lr·T)·ξ
 * @param samRho           ρ ≥ 0 of sharpness-aware minimization
 * @param clipNorm         c of gradient-norm clipping; {@code +∞} means no clipping (c = ∞ leaves g unchanged)
 * @param batchSize        minibatch size on finite-sum surfaces; 0 means the full batch
 * @param startX           start point x
 * @param startY           start point y
 */
public record RunConfig(OptimizerConfig optimizer, ScheduleConfig schedule, long warmupSteps, double noiseTemperature,
                        double samRho, double clipNorm, int batchSize, double startX, double startY) {

    public RunConfig {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        if (warmupSteps < 0 || !(noiseTemperature >= 0) || !(samRho >= 0) || !(clipNorm > 0) || batchSize < 0) {
            throw new IllegalArgumentException("invalid run: " + warmupSteps + ", " + noiseTemperature + ", " + samRho
                    + ", " + clipNorm + ", " + batchSize);
        }
    }

    /** A plain run: constant schedule, no warmup, noise, SAM or clipping, full batch. */
    public static RunConfig of(OptimizerConfig optimizer, double startX, double startY) {
        return new RunConfig(optimizer, new ConstantSchedule(), 0, 0, 0, Double.POSITIVE_INFINITY, 0, startX, startY);
    }

    public RunConfig withOptimizer(OptimizerConfig o) {
        return new RunConfig(o, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize, startX, startY);
    }

    public RunConfig withSchedule(ScheduleConfig s) {
        return new RunConfig(optimizer, s, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize, startX, startY);
    }

    public RunConfig withWarmupSteps(long w) {
        return new RunConfig(optimizer, schedule, w, noiseTemperature, samRho, clipNorm, batchSize, startX, startY);
    }

    public RunConfig withNoiseTemperature(double t) {
        return new RunConfig(optimizer, schedule, warmupSteps, t, samRho, clipNorm, batchSize, startX, startY);
    }

    public RunConfig withSamRho(double rho) {
        return new RunConfig(optimizer, schedule, warmupSteps, noiseTemperature, rho, clipNorm, batchSize, startX, startY);
    }

    public RunConfig withClipNorm(double c) {
        return new RunConfig(optimizer, schedule, warmupSteps, noiseTemperature, samRho, c, batchSize, startX, startY);
    }

    public RunConfig withBatchSize(int b) {
        return new RunConfig(optimizer, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, b, startX, startY);
    }

    public RunConfig withStart(double x, double y) {
        return new RunConfig(optimizer, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize, x, y);
    }

    public boolean clips() {
        return clipNorm != Double.POSITIVE_INFINITY;
    }
}
