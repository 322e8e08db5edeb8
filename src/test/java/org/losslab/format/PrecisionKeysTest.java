package org.losslab.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.optim.Precision;
import org.losslab.engine.update.LowPrecision;
import org.losslab.engine.update.Stage;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;
import org.losslab.format.scenario.ScenarioWriter;

/** The run keys precision, masterWeights and lossScale: read, checked with one-line errors, saved, edited. */
class PrecisionKeysTest {
    @TempDir
    Path dir;

    private static String scenario(String optimizer, String keys) {
        return """
                { "format": "losslab-scenario/1", "surface": { "type": "quadratic" }, "start": [1, 1], "steps": 3,
                  "runs": [ { "optimizer": { "type": "%s" }%s } ] }
                """.formatted(optimizer, keys.isEmpty() ? "" : ", " + keys);
    }

    private static String error(String optimizer, String keys) {
        InputException e = assertThrows(InputException.class,
                () -> ScenarioReader.read(scenario(optimizer, keys), "p.json"));
        return e.where() + ": " + e.problem();
    }

    @Test
    void keysAreReadIntoTheLinkAndSavedAsWritten() throws Exception {
        Scenario s = ScenarioReader.read(scenario("rmsprop",
                "\"precision\": \"float16\", \"masterWeights\": true, \"lossScale\": 1024"), "p.json");
        RunSpec r = s.runs().get(0);
        assertEquals(new PrecisionSpec(Precision.FLOAT16, true, 1024.0), r.precision());
        assertEquals(new LowPrecision.Config(Precision.FLOAT16, true, 1024),
                r.toRunSettings(s.start()).transform(Stage.PRECISION));
        Path file = dir.resolve("p.json");
        ScenarioWriter.write(s, file);
        assertEquals(s, ScenarioReader.read(file));
        assertTrue(Files.readString(file).contains("\"precision\" : \"float16\""), Files.readString(file));

        Scenario plain = ScenarioReader.read(scenario("sgd", "\"precision\": \"float64\""), "p.json");
        assertTrue(plain.runs().get(0).toRunSettings(plain.start()).transforms().isEmpty(), "float64 is no link");
        Scenario none = ScenarioReader.read(scenario("sgd", ""), "p.json");
        assertNull(none.runs().get(0).precision());
        ScenarioWriter.write(none, file);
        assertFalse(Files.readString(file).contains("precision"), "nothing said, nothing saved");
    }

    @Test
    void badValuesGiveOneLineErrors() {
        assertEquals("$.runs[0].precision: unknown precision \"half\", expected one of float64, float32, bfloat16, float16",
                error("sgd", "\"precision\": \"half\""));
        assertEquals("$.runs[0].lossScale: lossScale needs \"masterWeights\": true (the scaled gradient is unscaled into "
                + "the float64 master weights, as torch's GradScaler does)", error("sgd", "\"precision\": \"float16\", "
                + "\"lossScale\": 128"));
        assertEquals("$.runs[0].precision: rmsprop has no bfloat16 path; use sgd, adam, adamw or set \"masterWeights\": true",
                error("rmsprop", "\"precision\": \"bfloat16\""));
        assertTrue(error("sgd", "\"masterWeights\": 1").startsWith("$.runs[0].masterWeights: "));
        assertTrue(error("sgd", "\"lossScale\": 0").startsWith("$.runs[0].lossScale: must be > 0"));
        assertTrue(error("sgd", "\"precision\": 16").startsWith("$.runs[0].precision: "));
    }

    @Test
    void theFormLeavesDefaultsOut() {
        RunSpec r = RunSpec.of("a", new Typed("sgd", java.util.Map.of()));
        Typed form = RunOptions.of(r).with("precision", "float64").with("masterWeights", false).with("lossScale", 1.0);
        assertNull(RunOptions.apply(r, form).precision(), "defaults are no keys");
        RunSpec low = RunOptions.apply(r, RunOptions.of(r).with("precision", "bfloat16").with("masterWeights", true));
        assertEquals(new PrecisionSpec(Precision.BFLOAT16, true, null), low.precision());
        assertEquals("bfloat16", RunOptions.of(low).params().get("precision"));
        assertEquals(low, RunOptions.apply(r, RunOptions.of(low)));
    }
}
