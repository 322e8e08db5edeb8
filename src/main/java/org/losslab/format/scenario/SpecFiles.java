package org.losslab.format.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import org.losslab.format.InputException;
import org.losslab.format.JsonInput;

/**
 * What sweep and escape spec files share: strict JSON (duplicate keys and trailing tokens refused),
 * one-line errors "file: $.json.path: problem" as {@link InputException}, and the scenario they
 * embed (an object) or reference (a path relative to the spec file), read by {@link ScenarioReader}
 * so a scenario error inside a spec is reported at its place in the spec ({@code $.scenario.runs[0]…}).
 */
public final class SpecFiles {
    public final String source;
    private final Path folder;
    private final JsonInput in;

    private SpecFiles(String source, Path folder) {
        this.source = source;
        this.folder = folder;
        this.in = new JsonInput(source);
    }

    static SpecFiles of(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return new SpecFiles(file.toString(), parent);
    }

    /** What a kind of spec file makes of its root, once the header, title and scenario are read. */
    @FunctionalInterface
    public interface Body<T> {
        T read(JsonNode root, SpecFiles f, String title, Scenario scenario) throws InputException;
    }

    /**
     * Reads a spec file of {@code format} with the {@code allowed} top-level keys: the header, the
     * optional title and the scenario it embeds or references, then the rest by {@code body}.
     */
    public static <T> T read(Path file, String format, Set<String> allowed, Body<T> body) throws InputException {
        return read(JsonInput.read(file), of(file), format, allowed, body);
    }

    /** As {@link #read(Path, String, Set, Body)} for text; {@code folder} resolves a referenced scenario. */
    public static <T> T read(String text, String source, Path folder, String format, Set<String> allowed, Body<T> body)
            throws InputException {
        return read(JsonInput.parse(text, source), of(source, folder), format, allowed, body);
    }

    private static <T> T read(JsonNode root, SpecFiles f, String format, Set<String> allowed, Body<T> body)
            throws InputException {
        f.header(root, format, allowed);
        String title = root.has("title") ? f.string(root.get("title"), "$.title") : "";
        return body.read(root, f, title, f.scenario(root));
    }

    public static SpecFiles of(String source, Path folder) {
        return new SpecFiles(source, folder);
    }

    public InputException error(String where, String problem) {
        return in.error(where, problem);
    }

    /** Checks the root is an object of the given format with only the allowed keys. */
    public void header(JsonNode root, String format, Set<String> allowed) throws InputException {
        in.header(root, "a spec", format, allowed);
    }

    /** The scenario at {@code $.scenario}: an embedded object, or a path relative to the spec file. */
    public Scenario scenario(JsonNode root) throws InputException {
        JsonNode node = required(root, "$", "scenario");
        if (node.isTextual()) {
            Path p;
            try {
                p = folder == null ? Path.of(node.textValue()) : folder.resolve(node.textValue());
            } catch (InvalidPathException e) {
                throw error("$.scenario", "not a file path: " + describe(node));
            }
            if (!Files.isRegularFile(p)) {
                throw error("$.scenario", "no scenario file " + p);
            }
            return ScenarioReader.read(p);
        }
        if (!node.isObject()) {
            throw error("$.scenario", "must be a scenario object or the path of a scenario file, got " + describe(node));
        }
        try {
            return ScenarioReader.read(JsonInput.JSON.writeValueAsString(node), source);
        } catch (InputException e) {
            throw error(e.where().startsWith("$") ? "$.scenario" + e.where().substring(1) : "$.scenario", e.problem());
        } catch (JsonProcessingException e) {
            throw error("$.scenario", "cannot read: " + e.getOriginalMessage());
        }
    }

    public JsonNode required(JsonNode node, String path, String key) throws InputException {
        return in.required(node, path, key);
    }

    public double number(JsonNode v, String path) throws InputException {
        return in.number(v, path);
    }

    public long integer(JsonNode v, String path, long min, long max) throws InputException {
        return in.integer(v, path, min, max);
    }

    public String string(JsonNode v, String path) throws InputException {
        return in.string(v, path);
    }

    public void keys(JsonNode node, String path, Set<String> allowed) throws InputException {
        in.object(node, path, allowed);
    }

    public static String describe(JsonNode v) {
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
