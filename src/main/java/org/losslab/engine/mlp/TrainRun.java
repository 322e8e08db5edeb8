package org.losslab.engine.mlp;

import java.util.Objects;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.schedule.ConstantSchedule;
import org.losslab.engine.schedule.ScheduleConfig;

/**
 * One training run's update settings, the same knobs as a 2-D run (the spec's "One update,
 * exactly"): an immutable value handed to background work.
 *
 * @param optimizer        torch.optim class and hyperparameters (weight decay is the optimizer's own)
 * @param schedule         the learning-rate schedule after warmup
 * @param warmupSteps      W, the linear warmup length
 * @param noiseTemperature T ≥ 0 of the Langevin noise √(2·lr·T)·ξ added to every weight
 * @param samRho           ρ ≥ 0 of sharpness-aware minimization
 * @param clipNorm         c of gradient-norm clipping; +∞ for none
 * @param batchSize        minibatch size; 0 (or ≥ the training set) for full batch
 */
public record TrainRun(OptimizerConfig optimizer, ScheduleConfig schedule, long warmupSteps, double noiseTemperature,
                       double samRho, double clipNorm, int batchSize) {

    public TrainRun {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        if (warmupSteps < 0 || !(noiseTemperature >= 0) || !(samRho >= 0) || !(clipNorm > 0) || batchSize < 0) {
            throw new IllegalArgumentException("invalid run: " + warmupSteps + ", " + noiseTemperature + ", " + samRho
                    + ", " + clipNorm + ", " + batchSize);
        }
    }

    /** Full batch, constant rate, nothing else. */
    public static TrainRun of(OptimizerConfig optimizer) {
        return new TrainRun(optimizer, new ConstantSchedule(), 0, 0, 0, Double.POSITIVE_INFINITY, 0);
    }

    public TrainRun withBatchSize(int b) {
        return new TrainRun(optimizer, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, b);
    }

    public TrainRun withSchedule(ScheduleConfig s) {
        return new TrainRun(optimizer, s, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize);
    }

    public TrainRun withOptimizer(OptimizerConfig o) {
        return new TrainRun(o, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize);
    }
}
