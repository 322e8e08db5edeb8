package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code losslab bench-methods}: one line per run option, its time per update and its extra over the plain update. */
class BenchMethodsCommandTest {

    @Test
    void timesEveryOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"bench-methods", "--steps", "1000", "--batch", "2"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        for (String option : BenchMethodsCommand.options().keySet()) {
            assertTrue(text.lines().anyMatch(l -> l.startsWith(option + " ") && l.matches(".* ns .* ns .* ns .* ns")),
                    option + " missing from\n" + text);
        }
        assertTrue(text.lines().anyMatch(l -> l.matches("none +[0-9.]+ ns +\\+0\\.0 ns.*")), text);
    }

    @Test
    void badCountsAreUsageErrors() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"bench-methods", "--steps", "ten"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertEquals("losslab: --steps ten: must be a whole number from 1000 to 100000000\n", err.toString(StandardCharsets.UTF_8));
    }
}
