package org.losslab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dependencies point inward (scenario → engine → trajectories → views): each folder below may not
 * import what its row names. These fail the build the day someone takes a shortcut.
 */
class LayeringTest {

    @ParameterizedTest(name = "{0} imports none of {1}")
    @CsvSource(delimiter = ';', textBlock = """
            engine              ; javafx|java\\.awt|javax\\.swing|javax\\.imageio|org\\.fxyz3d|com\\.fasterxml|org\\.losslab\\.(app|cli|io|scenario|render|render3d|analysis|trainer)
            render              ; javafx|java\\.awt|javax\\.swing|javax\\.imageio|org\\.losslab\\.(app|cli|io)
            render3d            ; javafx|org\\.fxyz3d|org\\.losslab\\.app
            app/model           ; javafx\\.(scene|stage|embed)|java\\.awt|org\\.fxyz3d
            app/trainer/model   ; javafx\\.(scene|stage|embed)|java\\.awt|org\\.fxyz3d|org\\.losslab\\.app\\.(?!trainer\\.model)
            """)
    void folderImportsNothingOutward(String folder, String forbidden) throws IOException {
        Path dir = Path.of("src/main/java/org/losslab", folder);
        assertTrue(Files.isDirectory(dir), "run from the project root: " + dir);
        Pattern bad = Pattern.compile("\\s*import\\s+(static\\s+)?(" + forbidden + ")\\b.*");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(dir)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> lines(p).stream().filter(l -> bad.matcher(l).matches()).map(l -> p + ": " + l.trim()))
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
