package org.losslab.analysis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.losslab.scenario.Scenario;
import org.losslab.scenario.ScenarioException;
import org.losslab.scenario.ScenarioReader;

/**
 * What sweep and escape spec files share: strict JSON (duplicate keys and trailing tokens refused),
 * one-line errors "file: $.json.path: problem" as {@link ScenarioException}, and the scenario they
 * embed (an object) or reference (a path relative to the spec file), read by {@link ScenarioReader}
 * so a scenario error inside a spec is reported at its place in the spec ({@code $.scenario.runs[0]…}).
 */
final class SpecFiles {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    final String source;
    private final Path folder;

    private SpecFiles(String source, Path folder) {
        this.source = source;
        this.folder = folder;
    }

    static SpecFiles of(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return new SpecFiles(file.toString(), parent);
    }

    static SpecFiles of(String source, Path folder) {
        return new SpecFiles(source, folder);
    }

    ScenarioException error(String where, String problem) {
        return new ScenarioException(source, where, problem);
    }

    /** Reads a spec file's JSON tree. */
    static JsonNode readTree(Path file) throws ScenarioException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(name, "file", "no such file");
        } catch (IOException e) {
            throw new ScenarioException(name, "file", "cannot read: " + e.getMessage());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return parse(text, name);
        } catch (CharacterCodingException e) {
            throw new ScenarioException(name, "file", "is not UTF-8 text");
        }
    }

    static JsonNode parse(String text, String source) throws ScenarioException {
        if (text.isBlank()) {
            throw new ScenarioException(source, "line 1, column 1", "the file is empty");
        }
        try (JsonParser p = JSON.createParser(text)) {
            return JSON.readTree(p);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "JSON" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            String msg = e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            throw new ScenarioException(source, where, "malformed JSON: " + (nl >= 0 ? msg.substring(0, nl) : msg));
        } catch (IOException e) {
            throw new ScenarioException(source, "JSON", "cannot read: " + e.getMessage());
        }
    }

    /** Checks the root is an object of the given format with only the allowed keys. */
    void header(JsonNode root, String format, Set<String> allowed) throws ScenarioException {
        if (root == null || !root.isObject()) {
            throw error("$", "a spec must be a JSON object, got " + describe(root));
        }
        var it = root.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw error("$." + k, "unknown key; expected one of " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        JsonNode f = required(root, "$", "format");
        if (!f.isTextual() || !f.textValue().equals(format)) {
            throw error("$.format", "must be \"" + format + "\", got " + describe(f));
        }
    }

    /** The scenario at {@code $.scenario}: an embedded object, or a path relative to the spec file. */
    Scenario scenario(JsonNode root) throws ScenarioException {
        JsonNode node = required(root, "$", "scenario");
        if (node.isTextual()) {
            Path p = folder == null ? Path.of(node.textValue()) : folder.resolve(node.textValue());
            if (!Files.isRegularFile(p)) {
                throw error("$.scenario", "no scenario file " + p);
            }
            return ScenarioReader.read(p);
        }
        if (!node.isObject()) {
            throw error("$.scenario", "must be a scenario object or the path of a scenario file, got " + describe(node));
        }
        try {
            return ScenarioReader.read(JSON.writeValueAsString(node), source);
        } catch (ScenarioException e) {
            throw error(e.where().startsWith("$") ? "$.scenario" + e.where().substring(1) : "$.scenario", e.problem());
        } catch (JsonProcessingException e) {
            throw error("$.scenario", "cannot read: " + e.getOriginalMessage());
        }
    }

    JsonNode required(JsonNode node, String path, String key) throws ScenarioException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error(path, "missing required key \"" + key + "\"");
        }
        return v;
    }

    double number(JsonNode v, String path) throws ScenarioException {
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw error(path, "must be a finite number, got " + describe(v));
        }
        return v.doubleValue();
    }

    long integer(JsonNode v, String path, long min, long max) throws ScenarioException {
        if (!v.isIntegralNumber() && !(v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()))) {
            throw error(path, "must be a whole number, got " + describe(v));
        }
        if (!v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw error(path, "must be from " + String.format("%,d", min) + " to " + String.format("%,d", max)
                    + ", got " + v.asText());
        }
        return v.asLong();
    }

    String string(JsonNode v, String path) throws ScenarioException {
        if (!v.isTextual()) {
            throw error(path, "must be a string, got " + describe(v));
        }
        return v.textValue();
    }

    void keys(JsonNode node, String path, Set<String> allowed) throws ScenarioException {
        if (!node.isObject()) {
            throw error(path, "must be an object, got " + describe(node));
        }
        var it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw error(path + "." + k, "unknown key; expected one of " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    static String describe(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isTextual()) {
            return "\"" + v.textValue() + "\"";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        return v.toString();
    }
}
