package org.losslab.format.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.losslab.engine.lesson.Action;
import org.losslab.engine.lesson.Comparison;
import org.losslab.engine.lesson.EscapeQuantity;
import org.losslab.engine.lesson.MeasureArgs;
import org.losslab.engine.lesson.PathQuantity;
import org.losslab.engine.lesson.SweepQuantity;
import org.losslab.engine.lesson.TrainingQuantity;
import org.losslab.engine.optim.Sgd;
import org.losslab.format.InputException;
import org.losslab.format.JsonInput;
import org.losslab.format.Param;
import org.losslab.format.escape.EscapeSpec;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;
import org.losslab.format.sweep.SweepSpec;
import org.losslab.format.train.TrainConfig;
import org.losslab.format.train.TrainConfigReader;

/**
 * Reads a {@code losslab-lesson/1} file (docs/lesson-format.md) with the one-line errors of every file
 * kind: unknown and duplicate keys, wrong types, a page without exactly one setup, a check naming a page,
 * run, quantity or well that is not there are all reported with their JSON path. The setups are read by
 * their own readers: a referenced file with its own name in the error, an embedded one with the
 * lesson's path in front of its own.
 */
public final class LessonReader {
    static final Set<String> TOP = Set.of("format", "id", "title", "summary", "pages", "checks");
    static final Set<String> PAGE = Set.of("title", "do", "look", "why", "scenario", "train", "sweep", "escape", "controls",
            "tryIt");
    static final Set<String> TRY_IT = Set.of("run", "when", "value", "noticed");
    static final Set<String> MEASURE = Set.of("page", "run", "measure", "step", "from", "to", "threshold", "target", "other",
            "channel", "well", "temperature", "times");
    static final Set<String> CHECK;
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** The most pages and checks a lesson may have: a lesson is short. */
    public static final int MAX_PAGES = 50, MAX_CHECKS = 200;

    static {
        Set<String> c = new java.util.HashSet<>(MEASURE);
        c.add("claim");
        c.add("tolerance");
        for (Comparison op : Comparison.values()) {
            c.add(op.key());
        }
        CHECK = Set.copyOf(c);
    }

    private final JsonInput in;
    private final Path folder;

    private LessonReader(String source, Path folder) {
        this.in = new JsonInput(source);
        this.folder = folder;
    }

    public static Lesson read(Path file) throws InputException {
        JsonNode root = JsonInput.read(file);
        Path parent = file.toAbsolutePath().getParent();
        return new LessonReader(file.toString(), parent).lesson(root, file);
    }

    /** A lesson from text; {@code folder} resolves the files its pages name. */
    public static Lesson read(String text, String source, Path folder) throws InputException {
        return new LessonReader(source, folder).lesson(JsonInput.parse(text, source), null);
    }

    private Lesson lesson(JsonNode root, Path file) throws InputException {
        in.header(root, "a lesson", Lesson.FORMAT, TOP);
        String id = in.string(in.required(root, "$", "id"), "$.id");
        if (!ID.matcher(id).matches()) {
            throw in.error("$.id", "must be lowercase letters and digits joined by dashes, e.g. \"learning-rate-limit\", got \"" + id + "\"");
        }
        String title = in.string(in.required(root, "$", "title"), "$.title");
        String summary = root.has("summary") ? in.string(root.get("summary"), "$.summary") : "";
        JsonNode pagesNode = list(in.required(root, "$", "pages"), "$.pages", 1, MAX_PAGES);
        List<LessonPage> pages = new ArrayList<>();
        for (int i = 0; i < pagesNode.size(); i++) {
            pages.add(page(pagesNode.get(i), "$.pages[" + i + "]"));
        }
        List<LessonCheck> checks = new ArrayList<>();
        if (root.has("checks")) {
            JsonNode cs = list(root.get("checks"), "$.checks", 0, MAX_CHECKS);
            for (int i = 0; i < cs.size(); i++) {
                checks.add(check(cs.get(i), "$.checks[" + i + "]", pages));
            }
        }
        return new Lesson(id, title, summary, pages, checks, file);
    }

    private JsonNode list(JsonNode node, String path, int min, int max) throws InputException {
        if (!node.isArray()) {
            throw in.error(path, "must be a list, got " + Param.describe(node));
        }
        if (node.size() < min || node.size() > max) {
            throw in.error(path, "must have " + min + " to " + max + " entries, got " + node.size());
        }
        return node;
    }

    private LessonPage page(JsonNode node, String path) throws InputException {
        in.object(node, path, PAGE);
        String title = in.string(in.required(node, path, "title"), path + ".title");
        String todo = text(node, path, "do");
        String look = text(node, path, "look");
        String why = text(node, path, "why");
        LessonPage.Setup setup = null;
        for (LessonPage.Kind kind : LessonPage.Kind.values()) {
            if (node.has(kind.key())) {
                if (setup != null) {
                    throw in.error(path + "." + kind.key(), "a page sets up one thing; it already has a " + setup.kind().key());
                }
                setup = setup(kind, node.get(kind.key()), path + "." + kind.key());
            }
        }
        if (setup == null) {
            throw in.error(path, "missing the page's setup: one of the keys scenario, train, sweep, escape");
        }
        List<String> controls = new ArrayList<>();
        if (!node.has("controls")) {
            controls.addAll(LessonPage.CONTROLS);
        } else {
            JsonNode cs = list(node.get("controls"), path + ".controls", 0, LessonPage.CONTROLS.size());
            for (int i = 0; i < cs.size(); i++) {
                String c = in.string(cs.get(i), path + ".controls[" + i + "]");
                if (!LessonPage.CONTROLS.contains(c)) {
                    throw in.error(path + ".controls[" + i + "]", "unknown control \"" + c + "\"; expected one of "
                            + String.join(", ", LessonPage.CONTROLS));
                }
                if (controls.contains(c)) {
                    throw in.error(path + ".controls[" + i + "]", "\"" + c + "\" is listed twice");
                }
                controls.add(c);
            }
        }
        LessonPage.TryIt tryIt = node.has("tryIt") ? tryIt(node.get("tryIt"), path + ".tryIt", setup) : null;
        if (tryIt != null && todo.isEmpty()) {
            throw in.error(path + ".do", "a page with a tryIt prompt must say what to do");
        }
        return new LessonPage(title, todo, look, why, setup, controls, tryIt);
    }

    private String text(JsonNode node, String path, String key) throws InputException {
        return node.has(key) ? in.string(node.get(key), path + "." + key) : "";
    }

    private LessonPage.TryIt tryIt(JsonNode node, String path, LessonPage.Setup setup) throws InputException {
        in.object(node, path, TRY_IT);
        if (setup.kind() != LessonPage.Kind.SCENARIO) {
            throw in.error(path, "a tryIt prompt watches a scenario's runs; this page sets up a " + setup.kind().key());
        }
        int run = node.has("run") ? (int) in.integer(node.get("run"), path + ".run", 0, setup.runCount() - 1) : 0;
        String when = in.string(in.required(node, path, "when"), path + ".when");
        Action action = Action.of(when);
        if (action == null) {
            throw in.error(path + ".when", "unknown action \"" + when + "\"; expected one of "
                    + String.join(", ", java.util.Arrays.stream(Action.values()).map(Action::key).toList()));
        }
        double value = Double.NaN;
        if (action.needsValue()) {
            value = in.number(in.required(node, path, "value"), path + ".value");
        } else if (node.has("value")) {
            throw in.error(path + ".value", "\"" + when + "\" takes no value");
        }
        String noticed = in.string(in.required(node, path, "noticed"), path + ".noticed");
        return new LessonPage.TryIt(run, action, value, noticed);
    }

    private LessonPage.Setup setup(LessonPage.Kind kind, JsonNode node, String path) throws InputException {
        String reference = null;
        Object spec;
        if (node.isTextual()) {
            reference = node.textValue();
            Path p = folder == null ? Path.of(reference) : folder.resolve(reference);
            if (!Files.isRegularFile(p)) {
                throw in.error(path, "no such file " + p);
            }
            spec = switch (kind) {
                case SCENARIO -> ScenarioReader.read(p);
                case TRAIN -> TrainConfigReader.read(p);
                case SWEEP -> SweepSpec.read(p);
                case ESCAPE -> EscapeSpec.read(p);
            };
        } else if (node.isObject()) {
            String text;
            try {
                text = JsonInput.JSON.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw in.error(path, "cannot read: " + e.getOriginalMessage());
            }
            try {
                spec = switch (kind) {
                    case SCENARIO -> ScenarioReader.read(text, in.source());
                    case TRAIN -> TrainConfigReader.read(text, in.source(), folder);
                    case SWEEP -> SweepSpec.read(text, in.source(), folder);
                    case ESCAPE -> EscapeSpec.read(text, in.source(), folder);
                };
            } catch (InputException e) {
                if (!e.source().equals(in.source())) {
                    throw e;
                }
                throw in.error(e.where().startsWith("$") ? path + e.where().substring(1) : path, e.problem());
            }
        } else {
            throw in.error(path, "must be a " + kind.key() + " object or the path of a file, got " + Param.describe(node));
        }
        return new LessonPage.Setup(kind, reference, spec instanceof Scenario s ? s : null,
                spec instanceof TrainConfig t ? t : null, spec instanceof SweepSpec w ? w : null,
                spec instanceof EscapeSpec e ? e : null);
    }

    private LessonCheck check(JsonNode node, String path, List<LessonPage> pages) throws InputException {
        in.object(node, path, CHECK);
        String claim = in.string(in.required(node, path, "claim"), path + ".claim");
        Measurement measured = measurement(node, path, pages);
        Comparison op = null;
        for (Comparison c : Comparison.values()) {
            if (node.has(c.key())) {
                if (op != null) {
                    throw in.error(path + "." + c.key(), "a check makes one comparison; it already has " + op.key());
                }
                op = c;
            }
        }
        if (op == null) {
            throw in.error(path, "missing the comparison: one of the keys "
                    + String.join(", ", java.util.Arrays.stream(Comparison.values()).map(Comparison::key).toList()));
        }
        String opPath = path + "." + op.key();
        JsonNode v = node.get(op.key());
        double expected = Double.NaN;
        Measurement reference = null;
        if (v.isObject()) {
            in.unknownKeys(v, opPath, MEASURE);
            reference = measurement(v, opPath, pages);
        } else if (v.isTextual() && (v.textValue().equals("inf") || v.textValue().equals("-inf"))) {
            expected = v.textValue().equals("inf") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        } else {
            expected = in.number(v, opPath);
        }
        double tolerance = 0.05;
        if (node.has("tolerance")) {
            if (op != Comparison.NEAR) {
                throw in.error(path + ".tolerance", "only a \"near\" comparison has a tolerance");
            }
            tolerance = in.numberIn(node.get("tolerance"), path + ".tolerance", 0, 1);
        }
        return new LessonCheck(claim, measured, op, expected, reference, tolerance);
    }

    private Measurement measurement(JsonNode node, String path, List<LessonPage> pages) throws InputException {
        int page = node.has("page") ? (int) in.integer(node.get("page"), path + ".page", 0, pages.size() - 1) : 0;
        LessonPage.Setup setup = pages.get(page).setup();
        int run = node.has("run") ? (int) in.integer(node.get("run"), path + ".run", 0, setup.runCount() - 1) : 0;
        String q = in.string(in.required(node, path, "measure"), path + ".measure");
        long step = node.has("step") ? in.integer(node.get("step"), path + ".step", 0, Long.MAX_VALUE) : -1;
        long from = node.has("from") ? in.integer(node.get("from"), path + ".from", 0, Long.MAX_VALUE) : 0;
        long to = node.has("to") ? in.integer(node.get("to"), path + ".to", from, Long.MAX_VALUE) : -1;
        double threshold = node.has("threshold") ? in.number(node.get("threshold"), path + ".threshold") : Double.NaN;
        double[] target = null;
        if (node.has("target")) {
            var p = in.point(node.get("target"), path + ".target");
            target = new double[] {p.x(), p.y()};
        }
        int other = node.has("other") ? (int) in.integer(node.get("other"), path + ".other", 0, setup.runCount() - 1) : -1;
        String channel = node.has("channel") ? in.string(node.get("channel"), path + ".channel") : null;
        String well = node.has("well") ? in.string(node.get("well"), path + ".well") : null;
        int temperature = -1;
        double times = node.has("times") ? in.number(node.get("times"), path + ".times") : 1;
        String kind = setup.kind().key();
        switch (setup.kind()) {
            case SCENARIO -> {
                PathQuantity pq = PathQuantity.of(q);
                if (pq == null) {
                    throw unknown(path, q, kind, java.util.Arrays.stream(PathQuantity.values()).map(PathQuantity::key).toList());
                }
                if (pq == PathQuantity.STEPS_TO && Double.isNaN(threshold)) {
                    throw in.error(path, "\"stepsTo\" needs a \"threshold\" loss");
                }
                if (pq.needsTarget() && target == null && other < 0) {
                    throw in.error(path, "\"" + q + "\" needs a \"target\" point or an \"other\" run whose final point is the target");
                }
                if (pq == PathQuantity.MAX_DEVIATION && other < 0) {
                    throw in.error(path, "\"maxDeviation\" needs the \"other\" run to compare with");
                }
                if ((pq == PathQuantity.CHANNEL || pq == PathQuantity.CHANNEL_MIN) && channel == null) {
                    throw in.error(path, "\"" + q + "\" needs a \"channel\", e.g. \"" + Sgd.ARMIJO_CHANNEL + "\"");
                }
            }
            case TRAIN -> {
                TrainingQuantity tq = TrainingQuantity.of(q);
                if (tq == null) {
                    throw unknown(path, q, kind, java.util.Arrays.stream(TrainingQuantity.values()).map(TrainingQuantity::key).toList());
                }
                if (tq.needsSharpness() && setup.train().options().sharpness() == null) {
                    throw in.error(path + ".measure", "\"" + q + "\" reads the sharpness, which this training config does not record (its \"sharpness\" key)");
                }
            }
            case SWEEP -> {
                SweepQuantity sq = SweepQuantity.of(q);
                if (sq == null) {
                    throw unknown(path, q, kind, java.util.Arrays.stream(SweepQuantity.values()).map(SweepQuantity::key).toList());
                }
                if (sq.needsHeavyBall() && LessonRunner.heavyBall(setup.sweep()) == null) {
                    throw in.error(path + ".measure", "\"" + q + "\" needs a sweep of an sgd run's optimizer.lr against optimizer.momentum on a quadratic");
                }
            }
            case ESCAPE -> {
                EscapeQuantity eq = EscapeQuantity.of(q);
                if (eq == null) {
                    throw unknown(path, q, kind, java.util.Arrays.stream(EscapeQuantity.values()).map(EscapeQuantity::key).toList());
                }
                if (well == null || !setup.escape().wells().contains(well)) {
                    throw in.error(path + (well == null ? "" : ".well"), "an escape check names the \"well\", one of "
                            + String.join(", ", setup.escape().wells()));
                }
                if (node.has("temperature")) {
                    temperature = (int) in.integer(node.get("temperature"), path + ".temperature", 0,
                            setup.escape().temperatures().length - 1);
                }
            }
            default -> throw new AssertionError(setup.kind());
        }
        return new Measurement(page, run, q, new MeasureArgs(step, from, to, threshold, target, other, channel), well,
                temperature, times);
    }

    private InputException unknown(String path, String q, String kind, List<String> known) {
        return in.error(path + ".measure", "unknown quantity \"" + q + "\" for a " + kind + " page; expected one of "
                + String.join(", ", known));
    }
}
