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
                    Param.positive("clipValue", null,
                            "Gradient-value clip v, after norm clipping: every coordinate g_i ← clamp(g_i, −v, v), as "
                                    + "torch.nn.utils.clip_grad_value_. Bends steps toward the diagonals.").derived("no clipping"),
                    Param.nonNegative("l1", 0.0,
                            "L1 loss term λ₁‖θ‖₁ (coupled: g ← g + λ₁·sign(θ), so adaptive methods rescale it). "
                                    + "Pulls coordinates to exactly 0."),
                    Param.nonNegative("l2", 0.0,
                            "L2 loss term (λ₂/2)‖θ‖² (coupled: g ← g + λ₂·θ): Adam + L2, against AdamW's decoupled "
                                    + "weightDecay."),
                    Param.bool("samAdaptive", false,
                            "ASAM (Kwon et al. 2021): SAM's probe e = ρ·T²g/‖Tg‖ with T = diag(|θ| + 0.01), a neighbourhood "
                                    + "that scales with the parameters. Needs samRho > 0."),
                    Param.integer("lookahead.k", null, 1, 1_000_000,
                            "Lookahead (Zhang et al. 2019): every k updates the slow weights φ ← φ + α(θ − φ) and θ jumps "
                                    + "back to φ. The slow path is drawn beside the fast one.").derived("off"),
                    Param.number("lookahead.alpha", 0.5, 0, true, 1, "Lookahead's slow step size α in (0, 1]."),
                    Param.integer("swa.start", null, 0, 10_000_000L,
                            "SWA (torch.optim.swa_utils): from this update on, every swa.every-th new point joins an equal "
                                    + "average, drawn as its own path.").derived("off"),
                    Param.integer("swa.every", 1L, 1, 10_000_000L, "SWA: average every this many updates."),
                    Param.nonNegative("swa.swaLr", null, "SWALR's rate: after swa.start the rate anneals to it (cos) over "
                            + "10 updates.").derived("keep the schedule's rate"),
                    Param.integer("es.population", null, 2, 10_000,
                            "OpenAI-ES gradient estimator (Salimans et al. 2017): g from the losses of n samples θ + σε "
                                    + "(antithetic pairs, centred ranks) in place of ∇f. The cloud is drawn.").derived("off"),
                    Param.positive("es.sigma", 0.1, "OpenAI-ES: noise scale σ of the samples."),
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
        MethodOptions m = r.methods();
        if (m.clipValue() != null) {
            t = t.with("clipValue", m.clipValue());
        }
        if (m.l1() != 0) {
            t = t.with("l1", m.l1());
        }
        if (m.l2() != 0) {
            t = t.with("l2", m.l2());
        }
        if (m.samAdaptive()) {
            t = t.with("samAdaptive", true);
        }
        t = flatten(t, "lookahead", "k", MethodOptions.LOOKAHEAD, m.lookahead());
        t = flatten(t, "swa", "start", MethodOptions.SWA, m.swa());
        t = flatten(t, "es", "population", MethodOptions.ES, m.gradientEstimator());
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
                .withMethods(methods(r.methods(), t))
                .withPrecision(precision(t));
    }

    /** The object's keys as {@code prefix.key} entries of the form; its switch key is always there (its default if not given). */
    private static Typed flatten(Typed t, String prefix, String switchKey, Schema schema, Typed object) {
        if (object != null) {
            t = t.with(prefix + "." + switchKey, schema.get(object, switchKey));
            for (Map.Entry<String, Object> e : object.params().entrySet()) {
                if (SCHEMA.param(prefix + "." + e.getKey()).isPresent()) {
                    t = t.with(prefix + "." + e.getKey(), e.getValue());
                }
            }
        }
        return t;
    }

    /**
     * The form's method keys over the run's: an object is on while its switch key (lookahead.k,
     * swa.start, es.population) is set, and keeps the keys the form does not show (swa's annealing,
     * ES's flags).
     */
    private static MethodOptions methods(MethodOptions m, Typed t) {
        Map<String, Object> p = t.params();
        Object clipValue = p.get("clipValue");
        m = m.withClipValue(clipValue == null ? null : ((Number) clipValue).doubleValue())
                .withL1(SCHEMA.number(t, "l1")).withL2(SCHEMA.number(t, "l2"))
                .withSamAdaptive(SCHEMA.bool(t, "samAdaptive") && SCHEMA.number(t, "samRho") > 0);
        m = m.withLookahead(unflatten(m.lookahead(), MethodOptions.LOOKAHEAD, "lookahead", "k", p));
        m = m.withSwa(unflatten(m.swa(), MethodOptions.SWA, "swa", "start", p));
        return m.withGradientEstimator(unflatten(m.gradientEstimator(), MethodOptions.ES, "es", "population", p));
    }

    private static Typed unflatten(Typed old, Schema schema, String prefix, String switchKey, Map<String, Object> p) {
        if (!p.containsKey(prefix + "." + switchKey)) {
            return null;
        }
        Typed t = old != null ? old : Typed.of(schema.type());
        for (Map.Entry<String, Object> e : p.entrySet()) {
            if (e.getKey().startsWith(prefix + ".")) {
                String key = e.getKey().substring(prefix.length() + 1);
                // A default the file did not state stays unstated (the form shows it to switch the method on).
                boolean implicit = !t.has(key) && e.getValue().equals(schema.param(key).orElseThrow().defaultValue());
                t = implicit ? t : t.with(key, e.getValue());
            }
        }
        return t;
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
