package org.losslab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command, {@code java -jar target/losslab.jar}, as a user runs it after
 * {@code ./mvnw package}: the window opens on the default scenario and draws (a screenshot of the
 * first complete frame is written), and nothing is printed but the start-up timing — in particular
 * not JavaFX's "Unsupported JavaFX configuration" warning, because {@link AppLauncher} loads
 * JavaFX as named modules. Needs a display (CI runs it under Xvfb); skipped without one.
 */
class AppLaunchIT {

    @Test
    void theJarOpensTheWindowWithoutWarnings(@TempDir Path tmp) throws IOException, InterruptedException {
        assumeTrue(System.getenv("DISPLAY") != null, "needs a display");
        Path jar = Path.of("target/losslab.jar");
        assertTrue(Files.isRegularFile(jar), "run after package: " + jar.toAbsolutePath());
        Path shot = tmp.resolve("first-frame.png");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dlosslab.timing=true", "-Dlosslab.screenshot=" + shot,
                "-Dlosslab.window=1366x768", "-jar", jar.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the app did not exit after its screenshot");
        assertEquals(0, p.exitValue(), out);
        assertTrue(Files.size(shot) > 10_000, "no screenshot of the first frame");
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "printed more than its timing: " + out);
        assertTrue(lines.get(0).startsWith("losslab: first complete frame "), out);
        System.out.println(lines.get(0));
    }
}
