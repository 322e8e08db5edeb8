package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code losslab run} on low-precision runs: the summary counts their stalled updates; bad keys exit 2. */
class CliPrecisionTest {
    @TempDir
    Path dir;

    @Test
    void theSummaryCountsStalledUpdatesOfLowPrecisionRunsOnly() {
        CliBadInputTest.Result r = CliBadInputTest.cli("run", "sample-landscapes/float16-stalls-in-a-shallow-valley.json");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertFalse(lines[1].contains("stalled"), "float64: " + lines[1]);
        assertTrue(lines[2].matches(".*float16 .*after 20000 steps, 19\\d\\d\\d stalled updates"), lines[2]);
        assertTrue(lines[3].contains("stalled updates"), lines[3]);
    }

    @Test
    void aBadPrecisionIsOneLineAndExitTwo() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, """
                { "format": "losslab-scenario/1", "surface": { "type": "quadratic" }, "start": [1, 1], "steps": 3,
                  "runs": [ { "optimizer": { "type": "nadam" }, "precision": "float16" } ] }
                """);
        CliBadInputTest.Result r = CliBadInputTest.cli("run", f.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("$.runs[0].precision: nadam has no float16 path"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
