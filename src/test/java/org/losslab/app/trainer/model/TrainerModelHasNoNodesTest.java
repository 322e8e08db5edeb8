package org.losslab.app.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The trainer's view model knows properties, not the scene graph: no Node, control or canvas. */
class TrainerModelHasNoNodesTest {
    private static final Path MODEL = Path.of("src/main/java/org/losslab/app/trainer/model");

    @Test
    void theViewModelImportsNoSceneGraph() throws IOException {
        assertTrue(Files.isDirectory(MODEL), "run from the project root");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(MODEL)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> lines(p).stream()
                            .filter(l -> l.matches("\\s*import\\s+(static\\s+)?(javafx\\.(scene|stage|embed)|org\\.losslab\\.app\\.(?!trainer\\.model)"
                                    + "|java\\.awt|org\\.fxyz3d)\\b.*"))
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
