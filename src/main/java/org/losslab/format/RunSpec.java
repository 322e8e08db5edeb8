package org.losslab.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.losslab.engine.schedule.ConstantSchedule;
import org.losslab.engine.update.Asam;
import org.losslab.engine.update.ClipNorm;
import org.losslab.engine.update.LangevinNoise;
import org.losslab.engine.update.RunSettings;
import org.losslab.engine.update.Sam;
import org.losslab.engine.update.TransformConfig;

/**
 * One run as a file states it, in a scenario or a training config (the same keys in both). Optional
 * keys are null when absent, so a saved file says no more than its author did.
 *
 * @param label            name in legend and CSV; null: the optimizer type
 * @param color            {@code #RRGGBB}; null: from the {@link Palette}
 * @param optimizer        {@code { "type": ..., hyperparameters }}
 * @param schedule         null: constant
 * @param warmupSteps      W
 * @param noiseTemperature Langevin T
 * @param samRho           SAM ρ
 * @param clipNorm         null: no clipping
 * @param batchSize        null: full batch
 * @param start            null: the scenario's start (training runs start from the network's initial weights)
 * @param methods          clipValue, l1/l2, samAdaptive, lookahead, swa, gradientEstimator ({@link MethodOptions#NONE}: none)
 * @param precision        null: float64 (the keys precision, masterWeights, lossScale)
 */
public record RunSpec(String label, String color, Typed optimizer, Typed schedule, long warmupSteps,
                      double noiseTemperature, double samRho, Double clipNorm, Integer batchSize, Point start,
                      MethodOptions methods, PrecisionSpec precision) {

    public RunSpec {
        Objects.requireNonNull(optimizer, "optimizer");
        methods = methods == null ? MethodOptions.NONE : methods;
    }

    /** A run using none of the {@link MethodOptions}. */
    public RunSpec(String label, String color, Typed optimizer, Typed schedule, long warmupSteps,
                   double noiseTemperature, double samRho, Double clipNorm, Integer batchSize, Point start) {
        this(label, color, optimizer, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize, start,
                MethodOptions.NONE, null);
    }

    public static RunSpec of(String label, Typed optimizer) {
        return new RunSpec(label, null, optimizer, null, 0, 0, 0, null, null, null);
    }

    /** The name shown and written: the label, or the optimizer type. */
    public String displayLabel() {
        return label != null ? label : optimizer.type();
    }

    /** The colour of this run when it is run {@code index} of its scenario. */
    public String displayColor(int index) {
        return color != null ? color : Palette.run(index);
    }

    /** The engine's description of this run's updates, starting from its own start or {@code defaultStart}. */
    public RunSettings toRunSettings(Point defaultStart) {
        Point s = start != null ? start : defaultStart;
        List<TransformConfig> links = new ArrayList<>();
        links.add(methods.samAdaptive() ? new Asam.Config(samRho) : new Sam.Config(samRho));
        links.addAll(methods.links());
        if (clipNorm != null) {
            links.add(new ClipNorm.Config(clipNorm));
        }
        links.add(new LangevinNoise.Config(noiseTemperature));
        if (precision != null) {
            links.add(precision.toConfig());
        }
        return new RunSettings(OptimizerCatalog.build(optimizer),
                schedule != null ? ScheduleCatalog.build(schedule) : new ConstantSchedule(), warmupSteps,
                batchSize != null ? batchSize : 0, s == null ? null : new double[] {s.x(), s.y()}, links);
    }

    public RunSpec withLabel(String l) {
        return new RunSpec(l, color, optimizer, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize, start, methods, precision);
    }

    public RunSpec withColor(String c) {
        return new RunSpec(label, c, optimizer, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize, start, methods, precision);
    }

    public RunSpec withOptimizer(Typed o) {
        return new RunSpec(label, color, o, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize, start, methods, precision);
    }

    public RunSpec withSchedule(Typed s) {
        return new RunSpec(label, color, optimizer, s, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize, start, methods, precision);
    }

    public RunSpec withWarmupSteps(long w) {
        return new RunSpec(label, color, optimizer, schedule, w, noiseTemperature, samRho, clipNorm, batchSize, start, methods, precision);
    }

    public RunSpec withNoiseTemperature(double t) {
        return new RunSpec(label, color, optimizer, schedule, warmupSteps, t, samRho, clipNorm, batchSize, start, methods, precision);
    }

    public RunSpec withSamRho(double r) {
        return new RunSpec(label, color, optimizer, schedule, warmupSteps, noiseTemperature, r, clipNorm, batchSize, start, methods, precision);
    }

    public RunSpec withClipNorm(Double c) {
        return new RunSpec(label, color, optimizer, schedule, warmupSteps, noiseTemperature, samRho, c, batchSize, start, methods, precision);
    }

    public RunSpec withBatchSize(Integer b) {
        return new RunSpec(label, color, optimizer, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, b, start, methods, precision);
    }

    public RunSpec withMethods(MethodOptions m) {
        return new RunSpec(label, color, optimizer, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize, start, m, precision);
    }

    public RunSpec withPrecision(PrecisionSpec p) {
        return new RunSpec(label, color, optimizer, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize, start, methods, p);
    }

    public RunSpec withStart(Point p) {
        return new RunSpec(label, color, optimizer, schedule, warmupSteps, noiseTemperature, samRho, clipNorm, batchSize, p, methods, precision);
    }
}
