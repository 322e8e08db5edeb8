package org.losslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: the engine must not know the UI, the file formats or the CLI. */
class EngineIsPlainJavaTest {

    private static final Path ENGINE = Path.of("src/main/java/org/losslab/engine");

    @Test
    void engineImportsNoJavaFxNorOuterLayers() throws IOException {
        assertTrue(Files.isDirectory(ENGINE), "run from the project root");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(ENGINE)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> lines(p).stream()
                            .filter(l -> l.matches("\\s*import\\s+(static\\s+)?(javafx|java\\.awt|javax\\.swing|org\\.fxyz3d"
                                    + "|com\\.fasterxml|org\\.losslab\\.(app|cli|io|scenario))\\b.*"))
                            .map(l -> p + ": " + l.trim()))
                    .collect(Collectors.toList());
        }
        assertEquals(List.of(), offenders);
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
