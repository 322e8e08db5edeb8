package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.cli.CliBadInputTest.Result;

/** {@code losslab sweep} and {@code losslab escape}: outputs, and bad input as for scenarios. */
class CliAnalysisTest {
    static final String SWEEP = """
            {
              "format": "losslab-sweep/1",
              "scenario": {
                "format": "losslab-scenario/1",
                "surface": { "type": "quadratic", "kappa": 10 },
                "start": [1, 1],
                "steps": 300,
                "runs": [ { "label": "GD", "optimizer": { "type": "sgd", "lr": 0.01, "momentum": 0.5 } } ]
              },
              "x": { "key": "optimizer.lr", "from": 0.01, "to": 1, "count": 12, "scale": "log" },
              "y": { "key": "optimizer.momentum", "from": 0, "to": 0.9, "count": 7 },
              "tolerance": 1e-6
            }
            """;

    static final String ESCAPE = """
            {
              "format": "losslab-escape/1",
              "scenario": {
                "format": "losslab-scenario/1",
                "surface": { "type": "doubleWell" },
                "start": [-1.5, 0],
                "steps": 2000,
                "runs": [ { "optimizer": { "type": "sgd", "lr": 0.02 } } ]
              },
              "temperatures": [0.3, 0.2],
              "seeds": 20
            }
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                Arguments.of("sweep", "malformed", SWEEP.replace("\"count\": 7", "\"count\": 7,,"), "malformed JSON"),
                Arguments.of("sweep", "wrong format", SWEEP.replace("losslab-sweep/1", "losslab-scenario/1"), "$.format: must be \"losslab-sweep/1\""),
                Arguments.of("sweep", "unknown key", SWEEP.replace("\"tolerance\"", "\"tol\": 1, \"tolerance\""), "$.tol: unknown key"),
                Arguments.of("sweep", "scenario error", SWEEP.replace("\"lr\": 0.01, \"momentum\"", "\"lr\": -0.01, \"momentum\""), "$.scenario.runs[0].optimizer.lr: must be ≥ 0"),
                Arguments.of("sweep", "missing scenario file", "{ \"format\": \"losslab-sweep/1\", \"scenario\": \"nope.json\", \"x\": {}, \"y\": {} }", "$.scenario: no scenario file"),
                Arguments.of("sweep", "unknown axis key", SWEEP.replace("\"optimizer.momentum\"", "\"optimizer.beta\""), "$.y.key: optimizer \"sgd\" has no parameter \"beta\""),
                Arguments.of("sweep", "unknown run key", SWEEP.replace("\"optimizer.momentum\"", "\"temperature\""), "$.y.key: unknown key \"temperature\""),
                Arguments.of("sweep", "boolean key", SWEEP.replace("\"optimizer.momentum\"", "\"optimizer.nesterov\""), "$.y.key: optimizer parameter \"nesterov\" is not a number"),
                Arguments.of("sweep", "same key twice", SWEEP.replace("\"optimizer.momentum\"", "\"optimizer.lr\""), "$.y.key: both axes vary"),
                Arguments.of("sweep", "negative lr on axis", SWEEP.replace("\"from\": 0.01, \"to\": 1, \"count\": 12, \"scale\": \"log\"", "\"from\": -1, \"to\": 1, \"count\": 12"), "$.x.from: optimizer.lr = -1.0: optimizer.lr must be ≥ 0"),
                Arguments.of("sweep", "log axis through 0", SWEEP.replace("\"from\": 0.01", "\"from\": 0"), "$.x.from: a log axis needs positive ends"),
                Arguments.of("sweep", "too many cells", SWEEP.replace("\"count\": 12", "\"count\": 513"), "$.x.count: must be from 1 to 512"),
                Arguments.of("sweep", "bad scale", SWEEP.replace("\"log\"", "\"ln\""), "$.x.scale: must be \"linear\" or \"log\""),
                Arguments.of("sweep", "run out of range", SWEEP.replace("\"tolerance\"", "\"run\": 3, \"tolerance\""), "$.run: must be from 0 to 0"),
                Arguments.of("sweep", "steps colour without tolerance", SWEEP.replace("\"tolerance\": 1e-6", "\"color\": \"stepsToTolerance\""), "needs a \"tolerance\""),
                Arguments.of("sweep", "no schedule to vary", SWEEP.replace("\"optimizer.momentum\"", "\"schedule.gamma\""), "$.y.key: the run has no schedule to vary"),
                Arguments.of("escape", "not a double well", ESCAPE.replace("\"doubleWell\"", "\"rosenbrock\""), "$.scenario.surface.type: escape needs the \"doubleWell\" surface"),
                Arguments.of("escape", "merged wells", ESCAPE.replace("{ \"type\": \"doubleWell\" }", "{ \"type\": \"doubleWell\", \"sharpCenter\": 0.2, \"flatCenter\": 0.3 }"), "$.scenario.surface: these parameters merge"),
                Arguments.of("escape", "zero temperature", ESCAPE.replace("[0.3, 0.2]", "[0.3, 0]"), "$.temperatures[1]: must be > 0"),
                Arguments.of("escape", "no temperatures", ESCAPE.replace("[0.3, 0.2]", "[]"), "$.temperatures: must be a list of 1 to 64"),
                Arguments.of("escape", "bad well", ESCAPE.replace("\"seeds\": 20", "\"seeds\": 20, \"wells\": [\"deep\"]"), "$.wells[0]: must be \"sharp\" or \"flat\""),
                Arguments.of("escape", "no seeds", ESCAPE.replace("\"seeds\": 20", "\"seeds\": 0"), "$.seeds: must be from 1 to 100,000"),
                Arguments.of("escape", "missing seeds", ESCAPE.replace(",\n  \"seeds\": 20", ""), "$: missing required key \"seeds\""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badSpecs")
    void badSpecIsOneClearLineAndTouchesNoFile(String command, String name, String json, String expected) throws Exception {
        Path spec = dir.resolve("bad.json");
        Files.writeString(spec, json);
        Path csv = dir.resolve("fresh.csv");
        Path png = dir.resolve("existing.png");
        Files.writeString(png, "keep me\n");
        CliBadInputTest.Result r = CliBadInputTest.cli(command, spec.toString(), "--csv", csv.toString(), "--png", png.toString());
        assertEquals(2, r.status(), name + ": " + r.err());
        assertEquals("", r.out());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line: " + r.err());
        assertTrue(line.startsWith(spec.toString() + ": "), "names the file: " + line);
        assertTrue(line.contains(expected), "expected «" + expected + "» in: " + line);
        assertFalse(Files.exists(csv), "no file created");
        assertEquals("keep me\n", Files.readString(png), "existing file unchanged");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no stray temporary files");
        }
    }

    @Test
    void badCommandLines() throws Exception {
        Path spec = dir.resolve("sweep.json");
        Files.writeString(spec, SWEEP);
        for (String[] args : new String[][] {{"sweep"}, {"escape"}, {"sweep", spec.toString(), "--threads", "0"},
                {"sweep", spec.toString(), "--png", dir.resolve("no/such/x.png").toString()}, {"bench", "x.json"},
                {"bench", "--repeat", "zero"}}) {
            Result r = CliBadInputTest.cli(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    @Test
    void sweepWritesEveryCellAndAHeatmap() throws Exception {
        Path spec = dir.resolve("sweep.json");
        Files.writeString(spec, SWEEP);
        Path csv = dir.resolve("cells.csv"), png = dir.resolve("heat.png");
        Result r = CliBadInputTest.cli("sweep", spec.toString(), "--csv", csv.toString(), "--png", png.toString(), "--threads", "2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("12 × 7 cells of 300 steps"), r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("ix,iy,optimizer.lr,optimizer.momentum,final_loss,final_x,final_y,diverged_at,reached_at", lines.get(0));
        assertEquals(1 + 12 * 7, lines.size());
        assertTrue(lines.get(1).startsWith("0,0,0.01,0.0,"), lines.get(1));
        // lr = 1 with β = 0: η·λmax = 10 > 2, so it diverges; lr = 0.01, β = 0 converges slowly, never diverging.
        String[] last = lines.get(12).split(",", -1);
        assertEquals("1.0", last[2]);
        assertFalse(last[7].isEmpty(), "diverged: " + lines.get(12));
        assertTrue(lines.get(1).split(",", -1)[7].isEmpty(), lines.get(1));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(900, img.getHeight());
    }

    @Test
    void escapeWritesEveryRunAndThePlots() throws Exception {
        Path spec = dir.resolve("escape.json");
        Files.writeString(spec, ESCAPE);
        Path csv = dir.resolve("runs.csv"), png = dir.resolve("plots.png");
        Result r = CliBadInputTest.cli("escape", spec.toString(), "--csv", csv.toString(), "--png", png.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("sharp well: barrier 0.8072"), r.out());
        assertTrue(r.out().contains("Arrhenius fit"), r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("well,temperature,run,escaped_at,ends_in", lines.get(0));
        assertEquals(1 + 2 * 2 * 20, lines.size());
        assertTrue(lines.get(1).startsWith("sharp,0.3,0,"), lines.get(1));
        assertTrue(lines.get(lines.size() - 1).startsWith("flat,0.2,19,"), lines.get(lines.size() - 1));
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 0);
    }

    @Test
    void samplesRun() throws Exception {
        // Every sample spec shipped reads and checks (running them all is the lead's bench, not a unit test).
        try (var files = Files.list(Path.of("sample-landscapes"))) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("sweep-")) {
                    org.losslab.format.sweep.SweepSpec.read(p);
                } else if (name.startsWith("escape-")) {
                    org.losslab.format.escape.EscapeSpec.read(p);
                }
            }
        }
    }
}
