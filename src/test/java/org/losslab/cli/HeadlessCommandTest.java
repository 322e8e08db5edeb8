package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A headless command never loads JavaFX: {@code losslab run} works on a machine with no display. */
class HeadlessCommandTest {

    @Test
    void runLoadsNoJavaFxClass() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                "org.losslab.Main", "run", "sample-landscapes/default.json").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.startsWith("[")).reduce("", (a, b) -> a + b + "\n"));
        assertTrue(out.contains("org.losslab.cli.Cli"), "class loading was not logged");
        List<String> fx = out.lines().filter(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.")).toList();
        assertEquals(List.of(), fx);
        assertTrue(new File("sample-landscapes/default.json").isFile());
    }
}
