package org.losslab.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads one run of a scenario or a training config: the same keys, types and ranges in both
 * (docs/scenario-format.md, "A run"), with the one-line errors of {@link JsonInput}. What only one
 * kind of file allows is said by the caller: a start point (scenarios), the largest minibatch.
 */
public final class RunReader {
    /** The keys of a run in every file kind. */
    public static final Set<String> KEYS = Set.of("label", "color", "optimizer", "schedule", "warmupSteps",
            "noiseTemperature", "samRho", "clipNorm", "batchSize", "clipValue", "l1", "l2", "samAdaptive", "lookahead",
            "swa", "gradientEstimator", "precision", "masterWeights", "lossScale");

    private final JsonInput in;
    private final boolean startAllowed;
    private final long maxSteps;
    private final int maxBatch;

    /**
     * @param startAllowed whether a run may give its own {@code start} (a point on a surface)
     * @param maxSteps     the most updates a file of this kind may ask for (bounds warmupSteps)
     * @param maxBatch     the largest batchSize
     */
    public RunReader(JsonInput in, boolean startAllowed, long maxSteps, int maxBatch) {
        this.in = in;
        this.startAllowed = startAllowed;
        this.maxSteps = maxSteps;
        this.maxBatch = maxBatch;
    }

    /** The run at {@code path}, in a file whose runs take {@code steps} updates. */
    public RunSpec read(JsonNode node, String path, long steps) throws InputException {
        if (!node.isObject()) {
            throw in.error(path, "a run must be a JSON object, got " + Param.describe(node));
        }
        Set<String> keys = KEYS;
        if (startAllowed) {
            keys = new HashSet<>(KEYS);
            keys.add("start");
        }
        in.unknownKeys(node, path, keys);
        String label = node.has("label") ? in.string(node.get("label"), path + ".label") : null;
        String color = node.has("color") ? in.color(node.get("color"), path + ".color") : null;
        Typed optimizer = in.optimizer(in.required(node, path, "optimizer"), path + ".optimizer");
        long warmup = node.has("warmupSteps") ? in.integer(node.get("warmupSteps"), path + ".warmupSteps", 0, maxSteps) : 0;
        Typed schedule = node.has("schedule")
                ? in.schedule(node.get("schedule"), path + ".schedule", Math.max(0, steps - warmup)) : null;
        double temperature = node.has("noiseTemperature")
                ? in.number(node.get("noiseTemperature"), path + ".noiseTemperature", 0, false) : 0;
        double rho = node.has("samRho") ? in.number(node.get("samRho"), path + ".samRho", 0, false) : 0;
        Double clip = node.has("clipNorm") ? in.number(node.get("clipNorm"), path + ".clipNorm", 0, true) : null;
        Integer batch = node.has("batchSize")
                ? (int) in.integer(node.get("batchSize"), path + ".batchSize", 1, maxBatch) : null;
        Point start = node.has("start") ? in.point(node.get("start"), path + ".start") : null;
        MethodOptions methods = methods(node, path, rho, optimizer);
        PrecisionSpec precision = precision(node, path, optimizer);
        return new RunSpec(label, color, optimizer, schedule, warmup, temperature, rho, clip, batch, start, methods,
                precision);
    }

    /** The keys of {@link MethodOptions}: clipValue, l1, l2, samAdaptive, lookahead, swa, gradientEstimator. */
    private MethodOptions methods(JsonNode node, String path, double samRho, Typed optimizer) throws InputException {
        MethodOptions m = MethodOptions.NONE;
        if (node.has("clipValue")) {
            m = m.withClipValue(in.number(node.get("clipValue"), path + ".clipValue", 0, true));
        }
        if (node.has("l1")) {
            m = m.withL1(in.number(node.get("l1"), path + ".l1", 0, false));
        }
        if (node.has("l2")) {
            m = m.withL2(in.number(node.get("l2"), path + ".l2", 0, false));
        }
        if (node.has("samAdaptive")) {
            m = m.withSamAdaptive(in.bool(node.get("samAdaptive"), path + ".samAdaptive"));
            if (m.samAdaptive() && !(samRho > 0)) {
                throw in.error(path + ".samAdaptive", "ASAM needs a radius: set samRho > 0");
            }
        }
        if (node.has("lookahead")) {
            Typed t = keyed(node.get("lookahead"), path + ".lookahead", MethodOptions.LOOKAHEAD);
            m = m.withLookahead(t);
        }
        if (node.has("swa")) {
            Typed t = keyed(node.get("swa"), path + ".swa", MethodOptions.SWA);
            if (MethodOptions.SWA.integer(t, "start") > maxSteps) {
                throw in.error(path + ".swa.start", "must be at most " + maxSteps);
            }
            m = m.withSwa(t);
        }
        if (node.has("gradientEstimator")) {
            String where = path + ".gradientEstimator";
            Typed t = in.typed(node.get("gradientEstimator"), where, "gradient estimator",
                    type -> type.equals("es") ? MethodOptions.ES : null, MethodOptions.ESTIMATORS);
            if (MethodOptions.ES.bool(t, "antithetic") && MethodOptions.ES.integer(t, "population") % 2 != 0) {
                throw in.error(where + ".population", "an antithetic population comes in pairs: must be even, got "
                        + MethodOptions.ES.integer(t, "population"));
            }
            if (samRho > 0) {
                throw in.error(where, "SAM takes exact gradients at its probe; a run with a gradient estimator cannot also set samRho");
            }
            if (optimizer.type().equals("cmaes")) {
                throw in.error(where, "cmaes uses loss values only and never reads a gradient to estimate");
            }
            m = m.withGradientEstimator(t);
        }
        return m;
    }

    /** An object of named parameters (no "type" key) checked against {@code schema}. */
    private Typed keyed(JsonNode node, String path, Schema schema) throws InputException {
        if (!node.isObject()) {
            throw in.error(path, "must be an object { " + String.join(", ", schema.names().stream()
                    .map(n -> '"' + n + "\": ...").toList()) + " }, got " + Param.describe(node));
        }
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        var it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            Param p = schema.param(e.getKey()).orElse(null);
            if (p == null) {
                throw in.error(path + "." + e.getKey(), "unknown key for " + schema.type() + "; expected one of "
                        + String.join(", ", schema.names()));
            }
            try {
                params.put(p.name(), p.read(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw in.error(path + "." + e.getKey(), ex.getMessage());
            }
        }
        for (Param p : schema.params()) {
            if (p.isRequired() && !params.containsKey(p.name())) {
                throw in.error(path, schema.type() + " needs \"" + p.name() + "\"");
            }
        }
        return new Typed(schema.type(), params);
    }

    /** The run's {@code precision}, {@code masterWeights} and {@code lossScale}; null when it sets none. */
    private PrecisionSpec precision(JsonNode node, String path, Typed optimizer) throws InputException {
        if (!node.has("precision") && !node.has("masterWeights") && !node.has("lossScale")) {
            return null;
        }
        org.losslab.engine.optim.Precision format = null;
        if (node.has("precision")) {
            String name = in.string(node.get("precision"), path + ".precision");
            format = org.losslab.engine.optim.Precision.of(name);
            if (format == null) {
                throw in.error(path + ".precision", "unknown precision \"" + name + "\", expected one of "
                        + String.join(", ", PrecisionSpec.FORMATS));
            }
        }
        Boolean master = node.has("masterWeights") ? in.bool(node.get("masterWeights"), path + ".masterWeights") : null;
        Double scale = node.has("lossScale") ? in.number(node.get("lossScale"), path + ".lossScale", 0, true) : null;
        PrecisionSpec p = new PrecisionSpec(format, master, scale);
        if (scale != null && scale != 1 && !p.masters()) {
            throw in.error(path + ".lossScale", "lossScale needs \"masterWeights\": true (the scaled gradient is "
                    + "unscaled into the float64 master weights, as torch's GradScaler does)");
        }
        if (!p.isFloat64() && !p.masters() && optimizer.type().equals("sgd")
                && "armijo".equals(optimizer.params().get("lineSearch"))) {
            throw in.error(path + ".precision", "sgd's Armijo line search has no " + format.key()
                    + " path; set \"masterWeights\": true");
        }
        if (!p.isFloat64() && !p.masters() && !PrecisionSpec.LOW_PRECISION_OPTIMIZERS.contains(optimizer.type())) {
            throw in.error(path + ".precision", optimizer.type() + " has no " + format.key() + " path; use "
                    + String.join(", ", PrecisionSpec.LOW_PRECISION_OPTIMIZERS) + " or set \"masterWeights\": true");
        }
        return p;
    }
}
