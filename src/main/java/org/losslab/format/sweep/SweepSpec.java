package org.losslab.format.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import org.losslab.engine.analysis.Axis;
import org.losslab.engine.analysis.Sweep;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.update.RunSettings;
import org.losslab.format.InputException;
import org.losslab.format.Point;
import org.losslab.format.RunSpec;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;
import org.losslab.format.scenario.SpecFiles;

/**
 * A sweep file (format {@code losslab-sweep/1}, see docs/sweep-format.md): a scenario, the index of
 * the run to vary, two axes named by the run's JSON keys, and what to colour by. Immutable.
 *
 * @param title     shown above the heatmap
 * @param scenario  the scenario (its steps replaced by the spec's, if given)
 * @param run       the index of the varied run
 * @param x         the axis along a row
 * @param y         the axis across rows
 * @param tolerance a cell "reaches" when its loss is at most this; −∞ when not given
 * @param measure   what the heatmap shows
 */
public record SweepSpec(String title, Scenario scenario, int run, Axis x, Axis y, double tolerance,
                        SweepResult.Measure measure) {
    public static final String FORMAT = "losslab-sweep/1";
    private static final Set<String> KEYS = Set.of("format", "title", "scenario", "run", "x", "y", "steps", "tolerance", "color");
    private static final Set<String> AXIS_KEYS = Set.of("key", "from", "to", "count", "scale");

    /** Reads and checks a file of this kind. */
    public static SweepSpec read(Path file) throws InputException {
        return SpecFiles.read(file, FORMAT, KEYS, SweepSpec::parse);
    }

    /** Reads from text; {@code source} names it in messages, {@code folder} resolves a referenced scenario. */
    public static SweepSpec read(String text, String source, Path folder) throws InputException {
        return SpecFiles.read(text, source, folder, FORMAT, KEYS, SweepSpec::parse);
    }

    private static SweepSpec parse(JsonNode root, SpecFiles f, String title, Scenario scenario) throws InputException {
        if (root.has("steps")) {
            scenario = scenario.withSteps(f.integer(root.get("steps"), "$.steps", 0, Scenario.MAX_STEPS));
        }
        int run = root.has("run") ? (int) f.integer(root.get("run"), "$.run", 0, scenario.runs().size() - 1) : 0;
        RunSpec base = scenario.runs().get(run);
        Axis x = axis(root, "x", base, f);
        Axis y = axis(root, "y", base, f);
        if (x.key().equals(y.key())) {
            throw f.error("$.y.key", "both axes vary \"" + x.key() + "\"; pick two different hyperparameters");
        }
        double tolerance = Double.NEGATIVE_INFINITY;
        if (root.has("tolerance")) {
            tolerance = f.number(root.get("tolerance"), "$.tolerance");
        }
        SweepResult.Measure measure = SweepResult.Measure.FINAL_LOSS;
        if (root.has("color")) {
            String c = f.string(root.get("color"), "$.color");
            switch (c) {
                case "finalLoss" -> measure = SweepResult.Measure.FINAL_LOSS;
                case "stepsToTolerance" -> measure = SweepResult.Measure.STEPS_TO_TOLERANCE;
                case "diverged" -> measure = SweepResult.Measure.DIVERGED;
                default -> throw f.error("$.color", "must be \"finalLoss\", \"stepsToTolerance\" or \"diverged\", got \"" + c + "\"");
            }
            if (measure == SweepResult.Measure.STEPS_TO_TOLERANCE && !root.has("tolerance")) {
                throw f.error("$", "\"color\": \"stepsToTolerance\" needs a \"tolerance\"");
            }
        }
        return checked(new SweepSpec(title, scenario, run, x, y, tolerance, measure), f);
    }

    /**
     * A sweep built in memory (e.g. by the app from the open scenario), checked by the same rules as
     * a file: the keys must apply to the run and every value on both axes must be valid for it.
     *
     * @param source names the sweep in messages
     * @throws InputException naming {@code $.x.key}, {@code $.y.from}, … and what is wrong
     */
    public static SweepSpec checked(SweepSpec spec, String source) throws InputException {
        SpecFiles f = SpecFiles.of(source, null);
        if (spec.run < 0 || spec.run >= spec.scenario.runs().size()) {
            throw f.error("$.run", "must be from 0 to " + (spec.scenario.runs().size() - 1) + ", got " + spec.run);
        }
        Axis[] axes = {spec.x, spec.y};
        for (int k = 0; k < 2; k++) {
            Axis a = axes[k];
            try {
                // Whole-number keys round their values, whatever the caller said.
                boolean integer = SweepKey.resolve(a.key(), spec.scenario.runs().get(spec.run)).integer();
                axes[k] = new Axis(a.key(), a.from(), a.to(), a.count(), a.log(), integer);
            } catch (IllegalArgumentException e) {
                throw f.error("$." + (k == 0 ? "x" : "y") + ".key", e.getMessage());
            }
        }
        if (spec.x.key().equals(spec.y.key())) {
            throw f.error("$.y.key", "both axes vary \"" + spec.x.key() + "\"; pick two different hyperparameters");
        }
        return checked(new SweepSpec(spec.title, spec.scenario, spec.run, axes[0], axes[1], spec.tolerance, spec.measure), f);
    }

    private static SweepSpec checked(SweepSpec spec, SpecFiles f) throws InputException {
        Scenario scenario = spec.scenario;
        int run = spec.run;
        Axis x = spec.x, y = spec.y;
        RunSpec base = scenario.runs().get(run);
        // Every value is checked by the scenario rules (ranges, cross-parameter rules): each axis's
        // ends alone, then the corners; the ends suffice because each rule is an interval.
        for (Axis a : new Axis[] {x, y}) {
            for (int i : new int[] {0, a.count() - 1}) {
                RunSpec r = SweepKey.resolve(a.key(), base).apply(base, a.value(i), scenario.start());
                check(scenario.withRun(run, r), "$." + (a == x ? "x" : "y") + (i == 0 ? ".from" : ".to"),
                        a.key() + " = " + num(a.value(i)), f);
            }
        }
        for (int i : new int[] {0, x.count() - 1}) {
            for (int j : new int[] {0, y.count() - 1}) {
                check(spec.cellScenario(i, j), "$", "at " + x.key() + " = " + num(x.value(i)) + ", " + y.key() + " = "
                        + num(y.value(j)), f);
            }
        }
        return spec;
    }

    private static void check(Scenario s, String where, String what, SpecFiles f) throws InputException {
        try {
            ScenarioReader.validate(s, f.source);
        } catch (InputException e) {
            throw f.error(where, what + ": " + e.where().replaceFirst("^\\$\\.runs\\[\\d+\\]\\.?", "") + " " + e.problem());
        }
    }

    private static String num(double v) {
        return org.losslab.io.Numbers.format(v);
    }

    private static Axis axis(JsonNode root, String name, RunSpec base, SpecFiles f) throws InputException {
        String path = "$." + name;
        JsonNode a = f.required(root, "$", name);
        f.keys(a, path, AXIS_KEYS);
        String key = f.string(f.required(a, path, "key"), path + ".key");
        SweepKey k;
        try {
            k = SweepKey.resolve(key, base);
        } catch (IllegalArgumentException e) {
            throw f.error(path + ".key", e.getMessage());
        }
        double from = f.number(f.required(a, path, "from"), path + ".from");
        double to = f.number(f.required(a, path, "to"), path + ".to");
        int count = (int) f.integer(f.required(a, path, "count"), path + ".count", 1, Axis.MAX_COUNT);
        boolean log = false;
        if (a.has("scale")) {
            String s = f.string(a.get("scale"), path + ".scale");
            if (!s.equals("log") && !s.equals("linear")) {
                throw f.error(path + ".scale", "must be \"linear\" or \"log\", got \"" + s + "\"");
            }
            log = s.equals("log");
        }
        if (log && !(from > 0)) {
            throw f.error(path + ".from", "a log axis needs positive ends, got " + num(from));
        }
        if (log && !(to > 0)) {
            throw f.error(path + ".to", "a log axis needs positive ends, got " + num(to));
        }
        return new Axis(key, from, to, count, log, k.integer());
    }

    /** The varied run as the scenario would hold it at cell (i, j). */
    public RunSpec cellRun(int i, int j) {
        RunSpec base = scenario.runs().get(run);
        RunSpec r = SweepKey.resolve(x.key(), base).apply(base, x.value(i), scenario.start());
        return SweepKey.resolve(y.key(), base).apply(r, y.value(j), scenario.start());
    }

    /** The scenario with cell (i, j)'s run in place: what "load this cell into the main view" opens. */
    public Scenario cellScenario(int i, int j) {
        return scenario.withRun(run, cellRun(i, j));
    }

    /**
     * The engine sweep on a given surface (build it once with {@code scenario().buildSurface()}).
     * Cells are made by setting the two values on the engine's run directly, which costs nanoseconds
     * per cell; the setters are checked against the scenario route ({@link #cellRun}) on the grid's
     * corners and centre, and a key whose setter disagrees builds its cells the scenario way instead.
     */
    public Sweep sweep(Surface surface) {
        RunSpec base = scenario.runs().get(run);
        Point start = scenario.start();
        SweepKey kx = SweepKey.resolve(x.key(), base), ky = SweepKey.resolve(y.key(), base);
        RunSettings baseConfig = base.toRunSettings(start);
        SweepKey.Setter sx = kx.engineSetter(), sy = ky.engineSetter();
        Sweep.Cells fast = (xv, yv) -> sy.apply(sx.apply(baseConfig, xv), yv);
        Sweep.Cells slow = (xv, yv) -> ky.apply(kx.apply(base, xv, start), yv, start).toRunSettings(start);
        boolean agree = true;
        try {
            for (int[] c : new int[][] {{0, 0}, {x.count() - 1, 0}, {0, y.count() - 1}, {x.count() - 1, y.count() - 1},
                    {x.count() / 2, y.count() / 2}}) {
                double xv = x.value(c[0]), yv = y.value(c[1]);
                agree &= fast.at(xv, yv).equals(slow.at(xv, yv));
            }
        } catch (RuntimeException e) {
            agree = false;
        }
        return new Sweep(surface, scenario.steps(), scenario.seed(), run, x, y, agree ? fast : slow, tolerance);
    }
}
