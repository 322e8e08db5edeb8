package org.losslab.format.sweep;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.losslab.engine.update.ClipValue;
import org.losslab.engine.update.ElasticNetPenalty;
import org.losslab.engine.update.RunSettings;
import org.losslab.engine.update.Stage;
import org.losslab.engine.update.TransformConfig;
import org.losslab.format.MethodOptions;
import org.losslab.format.OptimizerCatalog;
import org.losslab.format.Param;
import org.losslab.format.Point;
import org.losslab.format.RunSpec;
import org.losslab.format.ScheduleCatalog;
import org.losslab.format.Schema;

/**
 * A hyperparameter a sweep may vary, named by the run's JSON keys: {@code optimizer.NAME} or
 * {@code schedule.NAME} (any numeric parameter of the run's optimizer or schedule), or
 * {@code warmupSteps}, {@code noiseTemperature}, {@code samRho}, {@code clipNorm},
 * {@code batchSize}, {@code start.x}, {@code start.y}, {@code lossScale} (runs with master weights), and the methods' {@code clipValue}, {@code l1},
 * {@code l2}, {@code lookahead.k}, {@code lookahead.alpha}, {@code swa.start}, {@code swa.swaLr},
 * {@code gradientEstimator.sigma}, {@code gradientEstimator.population} (the object keys on a run that has the object).
 *
 * @param key     the key as written
 * @param integer whether the value is a whole number (rounded on the axis)
 */
public record SweepKey(String key, boolean integer) {
    /** The run-level keys (besides optimizer.* and schedule.*). */
    public static final List<String> RUN_KEYS =
            List.of("warmupSteps", "noiseTemperature", "samRho", "clipNorm", "batchSize", "start.x", "start.y",
                    "lossScale",
                    "clipValue", "l1", "l2", "lookahead.k", "lookahead.alpha", "swa.start", "swa.swaLr",
                    "gradientEstimator.sigma", "gradientEstimator.population");

    /**
     * Resolves a key against a run.
     *
     * @return the key, or throws IllegalArgumentException saying why it does not apply to this run
     */
    public static SweepKey resolve(String key, RunSpec run) {
        if (key.startsWith("optimizer.")) {
            return param(key, key.substring(10), OptimizerCatalog.schema(run.optimizer().type()), "optimizer");
        }
        if (key.startsWith("schedule.")) {
            if (run.schedule() == null) {
                throw new IllegalArgumentException("the run has no schedule to vary");
            }
            return param(key, key.substring(9), ScheduleCatalog.schema(run.schedule().type()), "schedule");
        }
        MethodOptions m = run.methods();
        if (key.startsWith("lookahead.") && m.lookahead() == null
                || key.startsWith("swa.") && m.swa() == null
                || key.startsWith("gradientEstimator.") && m.gradientEstimator() == null) {
            String object = key.substring(0, key.indexOf('.'));
            throw new IllegalArgumentException("the run has no " + object + " to vary; give it \"" + object + "\" first");
        }
        switch (key) {
            case "warmupSteps":
            case "batchSize":
            case "lookahead.k":
            case "swa.start":
            case "gradientEstimator.population":
                return new SweepKey(key, true);
            case "clipValue":
            case "l1":
            case "l2":
            case "lookahead.alpha":
            case "swa.swaLr":
            case "gradientEstimator.sigma":
                return new SweepKey(key, false);
            case "noiseTemperature":
            case "samRho":
            case "clipNorm":
            case "start.x":
            case "start.y":
                return new SweepKey(key, false);
            case "lossScale":
                if (run.precision() == null || !run.precision().masters() || run.precision().isFloat64()) {
                    throw new IllegalArgumentException("lossScale applies to runs in a low precision with "
                            + "\"masterWeights\": true");
                }
                return new SweepKey(key, false);
            default:
                throw new IllegalArgumentException("unknown key \"" + key + "\"; expected optimizer.NAME, schedule.NAME or one of "
                        + String.join(", ", RUN_KEYS));
        }
    }

    private static SweepKey param(String key, String name, Schema schema, String what) {
        Param p = schema.param(name).orElseThrow(() -> new IllegalArgumentException(what + " \"" + schema.type()
                + "\" has no parameter \"" + name + "\"" + (schema.params().isEmpty() ? ""
                : "; it has " + String.join(", ", schema.names()))));
        if (p.kind() == Param.Kind.NUMBER) {
            return new SweepKey(key, false);
        }
        if (p.kind() == Param.Kind.INTEGER) {
            return new SweepKey(key, true);
        }
        throw new IllegalArgumentException(what + " parameter \"" + name + "\" is not a number, so it cannot be swept");
    }

    /** Sets this hyperparameter on an engine run, directly: no JSON objects per cell. */
    @FunctionalInterface
    public interface Setter {
        RunSettings apply(RunSettings run, double value);
    }

    /**
     * A setter that changes the engine's run the way {@link #apply} changes the scenario's:
     * run-level keys by the run's withers, optimizer and schedule parameters by copying the engine's
     * config record with the component of that name replaced. Null when the parameter has no
     * component of its name (then build cells from the scenario run instead).
     */
    public Setter engineSetter() {
        switch (key) {
            case "warmupSteps":
                return (r, v) -> r.withWarmupSteps((long) Math.rint(v));
            case "batchSize":
                return (r, v) -> r.withBatchSize((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.rint(v))));
            case "noiseTemperature":
                return RunSettings::withNoiseTemperature;
            case "samRho":
                return RunSettings::withSamRho;
            case "clipNorm":
                return RunSettings::withClipNorm;
            case "start.x":
                return (r, v) -> r.withStart(v, r.start()[1]);
            case "start.y":
                return (r, v) -> r.withStart(r.start()[0], v);
            case "lossScale":
                return (r, v) -> r.transform(org.losslab.engine.update.Stage.PRECISION)
                        instanceof org.losslab.engine.update.LowPrecision.Config c
                        ? r.with(new org.losslab.engine.update.LowPrecision.Config(c.precision(), c.masterWeights(), v)) : r;
            case "clipValue":
                return (r, v) -> r.with(new ClipValue.Config(v));
            case "l1":
            case "l2":
                return (r, v) -> {
                    ElasticNetPenalty.Config c = r.transform(Stage.PENALTY) instanceof ElasticNetPenalty.Config p ? p
                            : new ElasticNetPenalty.Config(0, 0);
                    return r.with(key.equals("l1") ? new ElasticNetPenalty.Config(v, c.l2()) : new ElasticNetPenalty.Config(c.l1(), v));
                };
            case "lookahead.k":
            case "lookahead.alpha":
                return link(Stage.LOOKAHEAD, key.substring(10));
            case "swa.start":
            case "swa.swaLr":
                return link(Stage.SWA, key.substring(4));
            case "gradientEstimator.sigma":
            case "gradientEstimator.population":
                return link(Stage.GRADIENT_ESTIMATOR, key.substring(18));
            default:
                break;
        }
        boolean optimizer = key.startsWith("optimizer.");
        String name = key.substring(optimizer ? 10 : 9);
        // The two most swept hyperparameters have withers on the engine's configs.
        if (key.equals("optimizer.lr")) {
            return (r, v) -> r.withOptimizer(r.optimizer().withLr(v));
        }
        if (key.equals("optimizer.momentum")) {
            return (r, v) -> r.optimizer() instanceof org.losslab.engine.optim.Sgd.Config c
                    ? r.withOptimizer(c.withMomentum(v)) : copy(r, true, name, v);
        }
        return (r, v) -> copy(r, optimizer, name, v);
    }

    /** Sets the component {@code name} of the run's link of {@code stage} (copied as a record). */
    private Setter link(Stage stage, String name) {
        return (r, v) -> {
            Object copy = RecordCopy.with(r.transform(stage), name, integer ? Math.rint(v) : v);
            if (copy == null) {
                throw new IllegalStateException("no component " + name + " in the " + stage + " link");
            }
            return r.with((TransformConfig) copy);
        };
    }

    private RunSettings copy(RunSettings r, boolean optimizer, String name, double v) {
        {
            Object config = optimizer ? r.optimizer() : r.schedule();
            Object copy = RecordCopy.with(config, name, integer ? Math.rint(v) : v);
            if (copy == null) {
                throw new IllegalStateException("no component " + name + " in " + config.getClass().getSimpleName());
            }
            return optimizer ? r.withOptimizer((org.losslab.engine.optim.OptimizerConfig) copy)
                    : r.withSchedule((org.losslab.engine.schedule.ScheduleConfig) copy);
        }
    }

    /** Copies a record with one numeric component replaced, through cached method handles. */
    static final class RecordCopy {
        private record Plan(MethodHandle[] getters, MethodHandle constructor, int index, Class<?> type) {
        }

        private static final ClassValue<java.util.Map<String, Plan>> PLANS = new ClassValue<>() {
            @Override
            protected java.util.Map<String, Plan> computeValue(Class<?> c) {
                return new java.util.concurrent.ConcurrentHashMap<>();
            }
        };

        private static Plan plan(Class<?> c, String name) {
            if (!c.isRecord()) {
                return null;
            }
            return PLANS.get(c).computeIfAbsent(name, n -> {
                try {
                    RecordComponent[] rc = c.getRecordComponents();
                    MethodHandle[] getters = new MethodHandle[rc.length];
                    Class<?>[] types = new Class<?>[rc.length];
                    int index = -1;
                    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                    for (int i = 0; i < rc.length; i++) {
                        getters[i] = lookup.unreflect(rc[i].getAccessor());
                        types[i] = rc[i].getType();
                        if (rc[i].getName().equals(n)) {
                            index = i;
                        }
                    }
                    if (index < 0) {
                        return new Plan(null, null, -1, null);
                    }
                    MethodHandle ctor = lookup.findConstructor(c, MethodType.methodType(void.class, types));
                    return new Plan(getters, ctor, index, types[index]);
                } catch (ReflectiveOperationException e) {
                    return new Plan(null, null, -1, null);
                }
            });
        }

        /** The record with component {@code name} set to v, or null when it has no such numeric component. */
        static Object with(Object record, String name, double v) {
            Plan p = plan(record.getClass(), name);
            if (p == null || p.index < 0) {
                return null;
            }
            Object value;
            Class<?> t = p.type;
            if (t == double.class || t == Double.class) {
                value = v;
            } else if (t == long.class || t == Long.class) {
                value = (long) v;
            } else if (t == int.class || t == Integer.class) {
                value = (int) v;
            } else {
                return null;
            }
            try {
                Object[] args = new Object[p.getters.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = i == p.index ? value : p.getters[i].invoke(record);
                }
                return p.constructor.invokeWithArguments(args);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The run with this hyperparameter set to {@code v}. */
    public RunSpec apply(RunSpec run, double v, Point scenarioStart) {
        Object value = integer ? (Object) (long) Math.rint(v) : (Object) v;
        if (key.startsWith("optimizer.")) {
            return run.withOptimizer(run.optimizer().with(key.substring(10), value));
        }
        if (key.startsWith("schedule.")) {
            return run.withSchedule(run.schedule().with(key.substring(9), value));
        }
        Point start = run.start() != null ? run.start() : scenarioStart;
        switch (key) {
            case "warmupSteps":
                return run.withWarmupSteps((long) Math.rint(v));
            case "batchSize":
                return run.withBatchSize((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.rint(v))));
            case "noiseTemperature":
                return run.withNoiseTemperature(v);
            case "samRho":
                return run.withSamRho(v);
            case "clipNorm":
                return run.withClipNorm(v);
            case "start.x":
                return run.withStart(new Point(v, start.y()));
            case "start.y":
                return run.withStart(new Point(start.x(), v));
            case "lossScale":
                return run.withPrecision(new org.losslab.format.PrecisionSpec(run.precision().precision(),
                        run.precision().masterWeights(), v));
            case "clipValue":
                return run.withMethods(run.methods().withClipValue(v));
            case "l1":
                return run.withMethods(run.methods().withL1(v));
            case "l2":
                return run.withMethods(run.methods().withL2(v));
            default:
                break;
        }
        MethodOptions m = run.methods();
        if (key.startsWith("lookahead.")) {
            return run.withMethods(m.withLookahead(m.lookahead().with(key.substring(10), value)));
        }
        if (key.startsWith("swa.")) {
            return run.withMethods(m.withSwa(m.swa().with(key.substring(4), value)));
        }
        if (key.startsWith("gradientEstimator.")) {
            return run.withMethods(m.withGradientEstimator(m.gradientEstimator().with(key.substring(18), value)));
        }
        throw new IllegalStateException(key);
    }
}
