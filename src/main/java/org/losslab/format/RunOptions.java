package org.losslab.format;

import java.util.List;
import java.util.Map;
import org.losslab.engine.optim.Precision;

/**
 * The run keys outside the optimizer and schedule catalogs (warmup, noise, SAM, clipping,
 * minibatches), described as a schema with the spec's meaning as help, so the app edits them with
 * the same generated form (and the same tooltips) for a surface run and for a training run.
 */
public final class RunOptions {
    public static final Schema SCHEMA = new Schema("run", "Run options",
            "the per-update pipeline: minibatches, warmup, noise, SAM, clipping",
            List.of(Param.integer("batchSize", null, 1, Integer.MAX_VALUE,
                            "Minibatch size, on finite-sum surfaces (regression) and training sets: each update uses the mean "
                                    + "gradient of the next batch of a shuffled epoch (torch's DataLoader).").derived("full batch"),
                    Param.integer("warmupSteps", 0L, 0, 10_000_000L,
                            "Linear warmup W: for t < W the rate is lr·(t+1)/W, then the schedule starts."),
                    Param.nonNegative("noiseTemperature", 0.0,
                            "Langevin temperature T: after each update add √(2·lr·T)·ξ, ξ ~ N(0, I), to every parameter. "
                                    + "Lets runs hop out of sharp minima."),
                    Param.nonNegative("samRho", 0.0,
                            "SAM radius ρ: take the gradient at θ + ρ·g/‖g‖, the worst nearby point, which favours flat minima."),
                    Param.positive("clipNorm", null,
                            "Gradient-norm clip c: g ← g·min(1, c/(‖g‖ + 1e-6)) over all parameters, as "
                                    + "torch.nn.utils.clip_grad_norm_.").derived("no clipping"),
                    Param.choice("precision", "float64", PrecisionSpec.FORMATS,
                            "Number format of the parameters, gradients and optimizer state, rounded to nearest even after "
                                    + "every operation as torch tensors of that dtype are. An update smaller than half an ulp "
                                    + "leaves θ unchanged: a stalled update, marked on the path."),
                    Param.bool("masterWeights", false,
                            "Apply each update to a float64 copy of the parameters and round the copy into the model: "
                                    + "small updates add up instead of being lost (mixed-precision training)."),
                    Param.positive("lossScale", 1.0,
                            "Static loss scale S (needs master weights): the gradient is taken of S·loss in the low "
                                    + "precision, so small gradients do not underflow, and divided by S in float64.")));

    private RunOptions() {
    }

    /** A run's options as the schema's typed value (only the keys the run sets). */
    public static Typed of(RunSpec r) {
        Typed t = new Typed("run", Map.of());
        if (r.batchSize() != null) {
            t = t.with("batchSize", (long) r.batchSize());
        }
        if (r.warmupSteps() != 0) {
            t = t.with("warmupSteps", r.warmupSteps());
        }
        if (r.noiseTemperature() != 0) {
            t = t.with("noiseTemperature", r.noiseTemperature());
        }
        if (r.samRho() != 0) {
            t = t.with("samRho", r.samRho());
        }
        if (r.clipNorm() != null) {
            t = t.with("clipNorm", r.clipNorm());
        }
        PrecisionSpec p = r.precision();
        if (p != null && p.precision() != null) {
            t = t.with("precision", p.precision().key());
        }
        if (p != null && p.masterWeights() != null) {
            t = t.with("masterWeights", p.masterWeights());
        }
        if (p != null && p.lossScale() != null) {
            t = t.with("lossScale", p.lossScale());
        }
        return t;
    }

    /** The run with the options of {@code t} (a value of {@link #SCHEMA}). */
    public static RunSpec apply(RunSpec r, Typed t) {
        Object clip = t.params().get("clipNorm"), batch = t.params().get("batchSize");
        return r.withWarmupSteps(SCHEMA.integer(t, "warmupSteps"))
                .withNoiseTemperature(SCHEMA.number(t, "noiseTemperature"))
                .withSamRho(SCHEMA.number(t, "samRho"))
                .withClipNorm(clip == null ? null : ((Number) clip).doubleValue())
                .withBatchSize(batch == null ? null : (int) Math.min(Integer.MAX_VALUE, ((Number) batch).longValue()))
                .withPrecision(precision(t));
    }

    /**
     * The precision keys of {@code t}, each left out at its default (float64, no master weights,
     * scale 1) as the other options are; null when none is left: the run is saved without them.
     */
    private static PrecisionSpec precision(Typed t) {
        Object p = t.params().get("precision"), m = t.params().get("masterWeights"), s = t.params().get("lossScale");
        Precision format = p == null ? null : Precision.of((String) p);
        if (format == Precision.FLOAT64) {
            format = null;
        }
        Boolean master = Boolean.TRUE.equals(m) ? Boolean.TRUE : null;
        Double scale = s == null || ((Number) s).doubleValue() == 1 ? null : ((Number) s).doubleValue();
        return format == null && master == null && scale == null ? null : new PrecisionSpec(format, master, scale);
    }
}
