package org.losslab.app.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.losslab.format.scenario.Scenario;

/**
 * The {@code sample-landscapes/} folder: given by the system property {@code losslab.samples}, or
 * found in the working directory, or beside the jar (and its parent, for {@code target/losslab.jar}).
 */
public final class Samples {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {
    }

    public static Path directory() {
        String prop = System.getProperty("losslab.samples");
        if (prop != null) {
            Path p = Path.of(prop);
            return Files.isDirectory(p) ? p : null;
        }
        Path cwd = Path.of("sample-landscapes");
        if (Files.isDirectory(cwd)) {
            return cwd.toAbsolutePath();
        }
        try {
            Path jar = Path.of(Samples.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = jar.getParent(); d != null && d.getNameCount() > 0; d = d.getParent()) {
                Path c = d.resolve("sample-landscapes");
                if (Files.isDirectory(c)) {
                    return c;
                }
                if (d.equals(jar.getParent().getParent())) {
                    break;
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
        return null;
    }

    /**
     * The scenario files of the samples folder (top-level {@code "format": "losslab-scenario/1"};
     * the folder also holds other kinds of file), sorted by name; empty when there is none.
     */
    public static List<Path> list() {
        Path dir = directory();
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).filter(Samples::isScenario).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Does the file say it is a scenario? Unreadable JSON counts, so opening it says what is wrong. */
    static boolean isScenario(Path p) {
        try {
            JsonNode root = JSON.readTree(p.toFile());
            return root != null && Scenario.FORMAT.equals(root.path("format").asText(null));
        } catch (IOException e) {
            return true;
        }
    }
}
