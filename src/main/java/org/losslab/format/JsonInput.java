package org.losslab.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.losslab.io.Numbers;

/**
 * Reading our JSON files (scenarios, training configs, sweep and escape specs) with one clear
 * {@link InputException} for anything wrong: the file, where in it (a JSON path such as
 * {@code $.runs[1].optimizer.lr}, or a line and column for malformed JSON) and what is wrong.
 * Strict: duplicate keys and trailing garbage are errors.
 */
public final class JsonInput {
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String source;

    /** A reader whose messages name {@code source} (usually the file). */
    public JsonInput(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /**
     * A file's text, refusing missing, unreadable, special (devices, pipes), oversized (over
     * {@link TextFiles#MAX_JSON_BYTES}) and non-UTF-8 files.
     */
    public static String readText(Path file) throws InputException {
        return TextFiles.read(file, TextFiles.MAX_JSON_BYTES);
    }

    /** The JSON tree of a file. */
    public static JsonNode read(Path file) throws InputException {
        return parse(readText(file), file.toString());
    }

    /** The JSON tree of {@code text}; malformed JSON is reported with its line and column. */
    public static JsonNode parse(String text, String source) throws InputException {
        if (text.isBlank()) {
            throw new InputException(source, "line 1, column 1", "the file is empty");
        }
        JsonParser p = null;
        try {
            p = JSON.createParser(text);
            JsonNode root = JSON.readTree(p);
            String nul = nulAt(root, "$");
            if (nul != null) {
                throw new InputException(source, nul, "contains the character U+0000, which no losslab file may hold");
            }
            return root;
        } catch (JsonProcessingException e) {
            // A size limit of the reader carries no location; the parser knows where it stopped.
            JsonLocation loc = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
            String where = loc == null || loc.getLineNr() < 1 ? "line 1, column 1" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InputException(source, where, "malformed JSON: " + JsonErrors.describe(e));
        } catch (NumberFormatException e) {
            // The library reads decimals as BigDecimal, whose exponent is an int: 1e9999999999 fails
            // there, outside the library's own error type (found by the fuzz targets, docs/fuzzing.md).
            JsonLocation loc = p == null ? null : p.currentLocation();
            String where = loc == null || loc.getLineNr() < 1 ? "line 1, column 1" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InputException(source, where, "malformed JSON: a number whose exponent is out of range");
        } catch (IOException e) {
            throw new InputException(source, "JSON", "cannot read: " + e.getMessage());
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // a parser over a string has nothing to release
                }
            }
        }
    }

    /**
     * The JSON path of the first key or string holding U+0000, or null. No file of ours has a use for
     * it, and a file name holding it makes {@code Path.resolve} throw in whichever reader resolves
     * it (found by the fuzz targets: a sweep's scenario, a training config's data file, a lesson's
     * setup), so it is refused once, here, for every reader.
     */
    private static String nulAt(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0 ? path : null;
        }
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String at = path + "." + e.getKey();
                if (e.getKey().indexOf('\0') >= 0) {
                    return at;
                }
                String inner = nulAt(e.getValue(), at);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String inner = nulAt(node.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /**
     * The top of a file: a JSON object ({@code what} names it in the message, e.g. "a scenario")
     * with only the {@code allowed} keys and {@code "format": format}.
     */
    public void header(JsonNode root, String what, String format, Set<String> allowed) throws InputException {
        if (root == null || !root.isObject()) {
            throw error("$", what + " must be a JSON object, got " + Param.describe(root));
        }
        JsonNode kind = root.get("format");
        if (kind != null && kind.isTextual() && !kind.textValue().equals(format) && FileKinds.command(kind.textValue()) != null) {
            throw error("$.format", "must be \"" + format + "\" (" + what + "); this is a " + kind.textValue() + " file: use `"
                    + FileKinds.command(kind.textValue()) + "`");
        }
        unknownKeys(root, "$", allowed);
        JsonNode f = required(root, "$", "format");
        if (!f.isTextual() || !f.textValue().equals(format)) {
            throw error("$.format", "must be \"" + format + "\", got " + Param.describe(f));
        }
    }

    /** A key as a message shows it: in double quotes, control characters escaped, cut at 80 characters. */
    public static String quote(String key) {
        StringBuilder b = new StringBuilder("\"");
        key.codePoints().limit(80).forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append(key.codePointCount(0, key.length()) > 80 ? "…\"" : "\"").toString();
    }

    public InputException error(String path, String problem) {
        return new InputException(source, path, problem);
    }

    public JsonNode required(JsonNode node, String path, String key) throws InputException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error(path, "missing required key \"" + key + "\"");
        }
        return v;
    }

    /** Refuses keys outside {@code allowed}. */
    public void unknownKeys(JsonNode node, String path, Set<String> allowed) throws InputException {
        var it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw error(path + "." + k, "unknown key " + quote(k) + Suggestions.didYouMean(k, allowed)
                        + "; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** An object with no keys outside {@code allowed}. */
    public void object(JsonNode node, String path, Set<String> allowed) throws InputException {
        if (!node.isObject()) {
            throw error(path, "must be an object, got " + Param.describe(node));
        }
        unknownKeys(node, path, allowed);
    }

    /** Any finite number. */
    public double number(JsonNode node, String path) throws InputException {
        try {
            return Param.number(node);
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
    }

    /** A number ≥ min, or &gt; min when {@code open}. */
    public double number(JsonNode node, String path, double min, boolean open) throws InputException {
        double x = number(node, path);
        if (open ? !(x > min) : !(x >= min)) {
            throw error(path, "must be " + (open ? "> " : "≥ ") + Numbers.plain(min) + ", got " + Numbers.plain(x));
        }
        return x;
    }

    /** A number in [min, max] ({@code Double.MAX_VALUE} reads "any size"). */
    public double numberIn(JsonNode node, String path, double min, double max) throws InputException {
        double x = number(node, path);
        if (x < min || x > max) {
            throw error(path, "must be from " + Numbers.plain(min) + " to "
                    + (max == Double.MAX_VALUE ? "any size" : Numbers.plain(max)) + ", got " + Numbers.plain(x));
        }
        return x;
    }

    /** A whole number in [min, max]. */
    public long integer(JsonNode node, String path, long min, long max) throws InputException {
        long x;
        try {
            x = Param.integer(node);
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
        if (x < min || x > max) {
            throw error(path, "must be from " + String.format("%,d", min) + " to " + String.format("%,d", max)
                    + ", got " + String.format("%,d", x));
        }
        return x;
    }

    public boolean bool(JsonNode node, String path) throws InputException {
        if (!node.isBoolean()) {
            throw error(path, "must be true or false, got " + Param.describe(node));
        }
        return node.booleanValue();
    }

    public String string(JsonNode node, String path) throws InputException {
        if (!node.isTextual()) {
            throw error(path, "must be a string, got " + Param.describe(node));
        }
        return node.textValue();
    }

    /** A pair of finite numbers {@code [a, b]}. */
    public Point point(JsonNode node, String path) throws InputException {
        if (!node.isArray() || node.size() != 2) {
            throw error(path, "must be a pair of numbers [a, b], got " + Param.describe(node));
        }
        return new Point(number(node.get(0), path + "[0]"), number(node.get(1), path + "[1]"));
    }

    /**
     * A {@code { "type": ..., params }} object (surface, optimizer, schedule) checked against its
     * schema: known type, known keys, values in range, required keys present.
     */
    public Typed typed(JsonNode node, String path, String what, Function<String, Schema> schemas, List<String> types)
            throws InputException {
        if (!node.isObject()) {
            throw error(path, "must be an object { \"type\": ... }, got " + Param.describe(node));
        }
        JsonNode typeNode = required(node, path, "type");
        if (!typeNode.isTextual()) {
            throw error(path + ".type", "must be a string, got " + Param.describe(typeNode));
        }
        String type = typeNode.textValue();
        Schema schema = schemas.apply(type);
        if (schema == null) {
            throw error(path + ".type", "unknown " + what + " \"" + type + "\"; expected one of " + String.join(", ", types));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        var it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().equals("type")) {
                continue;
            }
            Param p = schema.param(e.getKey()).orElse(null);
            if (p == null) {
                throw error(path + "." + e.getKey(), "unknown key for " + what + " \"" + type + "\": " + quote(e.getKey())
                        + (schema.params().isEmpty() ? " (it takes no parameters)"
                        : Suggestions.didYouMean(e.getKey(), schema.names()) + "; expected one of " + String.join(", ", schema.names())));
            }
            try {
                params.put(p.name(), p.read(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw error(path + "." + e.getKey(), ex.getMessage());
            }
        }
        for (Param p : schema.params()) {
            if (p.isRequired() && !params.containsKey(p.name())) {
                throw error(path, what + " \"" + type + "\" needs \"" + p.name() + "\"");
            }
        }
        return new Typed(type, params);
    }

    /** A run colour, {@code #RRGGBB}. */
    public String color(JsonNode node, String path) throws InputException {
        String color = string(node, path);
        if (!color.matches("#[0-9A-Fa-f]{6}")) {
            throw error(path, "must be #RRGGBB, got \"" + color + "\"");
        }
        return color;
    }

    /** A run's optimizer: a known type with its hyperparameters in range and torch's own checks passed. */
    public Typed optimizer(JsonNode node, String path) throws InputException {
        Typed optimizer = typed(node, path, "optimizer", OptimizerCatalog::schema, OptimizerCatalog.types());
        String[] bad = OptimizerCatalog.check(optimizer);
        if (bad != null) {
            throw error(path + "." + bad[0], bad[1]);
        }
        try {
            OptimizerCatalog.build(optimizer);
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
        return optimizer;
    }

    /** A run's schedule, checked for a run of {@code n} updates after warmup. */
    public Typed schedule(JsonNode node, String path, long n) throws InputException {
        Typed schedule = typed(node, path, "schedule", ScheduleCatalog::schema, ScheduleCatalog.types());
        String[] bad = ScheduleCatalog.check(schedule, n);
        if (bad != null) {
            throw error(path + "." + bad[0], bad[1]);
        }
        return schedule;
    }
}
