package org.losslab.format.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.losslab.engine.surface.Window;
import org.losslab.engine.surface.expr.ExpressionException;
import org.losslab.format.InputException;
import org.losslab.format.JsonInput;
import org.losslab.format.Param;
import org.losslab.format.Point;
import org.losslab.format.RunReader;
import org.losslab.format.RunSpec;
import org.losslab.format.SurfaceCatalog;
import org.losslab.format.Typed;
import org.losslab.io.Numbers;

/**
 * Reads and checks scenario files. Everything the spec forbids is refused with one
 * {@link InputException} naming the file, the JSON path and what is wrong: malformed JSON
 * (with line and column), unknown keys, wrong types, out-of-range values, unknown surface,
 * optimizer or schedule types, and typed formulas that do not parse (with their column).
 */
public final class ScenarioReader {
    private static final Set<String> SCENARIO_KEYS =
            Set.of("format", "title", "description", "surface", "view", "start", "steps", "seed", "runs");

    private final JsonInput in;

    private ScenarioReader(String source) {
        this.in = new JsonInput(source);
    }

    /** Reads a scenario file. */
    public static Scenario read(Path file) throws InputException {
        return read(JsonInput.readText(file), file.toString());
    }

    /** Reads a scenario from text; {@code source} names it in messages. */
    public static Scenario read(String text, String source) throws InputException {
        return new ScenarioReader(source).scenario(JsonInput.parse(text, source));
    }

    /** Checks a scenario built in memory, by the same rules as a file. */
    public static Scenario validate(Scenario s, String source) throws InputException {
        return new ScenarioReader(source).scenario(ScenarioWriter.toTree(s));
    }

    private InputException error(String path, String problem) {
        return in.error(path, problem);
    }

    private Scenario scenario(JsonNode root) throws InputException {
        in.header(root, "a scenario", Scenario.FORMAT, SCENARIO_KEYS);
        String title = optionalString(root, "$", "title");
        String description = optionalString(root, "$", "description");
        Typed surface = surface(in, in.required(root, "$", "surface"), "$.surface");
        Window view = root.has("view") ? view(in, root.get("view"), "$.view") : null;
        Point start = in.point(in.required(root, "$", "start"), "$.start");
        long steps = in.integer(in.required(root, "$", "steps"), "$.steps", 0, Scenario.MAX_STEPS);
        long seed = root.has("seed") ? in.integer(root.get("seed"), "$.seed", Long.MIN_VALUE, Long.MAX_VALUE) : 0;
        JsonNode runsNode = in.required(root, "$", "runs");
        if (!runsNode.isArray() || runsNode.isEmpty()) {
            throw error("$.runs", "must be a list of one or more runs, got " + Param.describe(runsNode));
        }
        List<RunSpec> runs = new ArrayList<>();
        for (int i = 0; i < runsNode.size(); i++) {
            runs.add(run(runsNode.get(i), "$.runs[" + i + "]", surface.type(), steps));
        }
        return new Scenario(title, description, surface, view, start, steps, seed, runs);
    }

    private RunSpec run(JsonNode node, String path, String surfaceType, long steps) throws InputException {
        RunSpec run = new RunReader(in, true, Scenario.MAX_STEPS, Integer.MAX_VALUE).read(node, path, steps);
        if (run.batchSize() != null && !SurfaceCatalog.isFiniteSum(surfaceType)) {
            throw error(path + ".batchSize", "only finite-sum surfaces (regression) have minibatches; \""
                    + surfaceType + "\" is a single function");
        }
        return run;
    }

    /**
     * A surface object at {@code path}, checked against its schema and built once, so a formula that
     * does not parse is reported with its column. Other file kinds with surfaces read them here too.
     */
    public static Typed surface(JsonInput in, JsonNode node, String path) throws InputException {
        Typed surface = in.typed(node, path, "surface", SurfaceCatalog::schema, SurfaceCatalog.types());
        try {
            SurfaceCatalog.build(surface);
        } catch (ExpressionException e) {
            if (e.column() > 0) {
                throw in.error(path + ".f, column " + e.column(), e.getMessage().replaceFirst("^column \\d+: ", ""));
            }
            throw in.error(path + ".params", e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw in.error(path, e.getMessage());
        }
        return surface;
    }

    /** A plot window {@code { "x": [min, max], "y": [min, max] }} at {@code path}. */
    public static Window view(JsonInput in, JsonNode node, String path) throws InputException {
        if (!node.isObject()) {
            throw in.error(path, "must be { \"x\": [min, max], \"y\": [min, max] }, got " + Param.describe(node));
        }
        in.unknownKeys(node, path, Set.of("x", "y"));
        Point x = range(in, in.required(node, path, "x"), path + ".x");
        Point y = range(in, in.required(node, path, "y"), path + ".y");
        return new Window(x.x(), x.y(), y.x(), y.y());
    }

    private static Point range(JsonInput in, JsonNode node, String path) throws InputException {
        Point p = in.point(node, path);
        if (!(p.x() < p.y())) {
            throw in.error(path, "min must be less than max, got [" + Numbers.plain(p.x()) + ", " + Numbers.plain(p.y()) + "]");
        }
        return p;
    }

    private String optionalString(JsonNode node, String path, String key) throws InputException {
        return node.has(key) ? in.string(node.get(key), path + "." + key) : "";
    }
}
