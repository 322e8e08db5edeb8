package org.losslab.render3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The software renderer runs in headless commands: it must not need the JavaFX toolkit. */
class Render3dHasNoJavaFxTest {
    private static final Path RENDER3D = Path.of("src/main/java/org/losslab/render3d");

    @Test
    void importsNoJavaFxNorTheApp() throws IOException {
        assertTrue(Files.isDirectory(RENDER3D), "run from the project root");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(RENDER3D)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> lines(p).stream()
                            .filter(l -> l.matches("\\s*import\\s+(static\\s+)?(javafx|org\\.fxyz3d|org\\.losslab\\.app)\\b.*"))
                            .map(l -> p + ": " + l.trim()))
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
