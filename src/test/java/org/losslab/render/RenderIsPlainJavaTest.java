package org.losslab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plot painters draw through {@link Drawing} only, so the app and the PNG export share them. */
class RenderIsPlainJavaTest {

    @Test
    void renderImportsNoToolkit() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/losslab/render"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(l -> l.matches("\\s*import\\s+(static\\s+)?(javafx|java\\.awt|javax\\.swing|javax\\.imageio"
                                    + "|org\\.losslab\\.(app|cli|io))\\b.*"))
                            .map(l -> p + ": " + l.trim());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offenders);
    }
}
