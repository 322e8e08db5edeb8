package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input, through the command line: exit status 2, exactly one line on stderr
 * naming the file, where and what, and the output file neither created nor changed.
 */
class CliBadInputTest {
    static final String GOOD = """
            {
              "format": "losslab-scenario/1",
              "surface": { "type": "rosenbrock" },
              "start": [-1.5, 2.0],
              "steps": 20,
              "runs": [ { "label": "GD", "optimizer": { "type": "sgd", "lr": 0.001 } } ]
            }
            """;

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> badScenarios() {
        return Stream.of(
                Arguments.of("malformed JSON", GOOD.replace("\"steps\": 20,", "\"steps\": 20,,"), "line 5, column"),
                Arguments.of("NaN literal", GOOD.replace("\"steps\": 20", "\"steps\": NaN"), "malformed JSON"),
                Arguments.of("trailing garbage", GOOD + "}", "malformed JSON"),
                Arguments.of("empty file", "", "the file is empty"),
                Arguments.of("not an object", "[1, 2]", "$: a scenario must be a JSON object"),
                Arguments.of("wrong format", GOOD.replace("losslab-scenario/1", "losslab-scenario/2"), "$.format: must be \"losslab-scenario/1\""),
                Arguments.of("unknown top-level key", GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"step\": 3,"), "$.step: unknown key"),
                Arguments.of("unknown run key", GOOD.replace("\"label\": \"GD\",", "\"label\": \"GD\", \"momentum\": 0.9,"), "$.runs[0].momentum: unknown key"),
                Arguments.of("unknown optimizer key", GOOD.replace("\"lr\": 0.001", "\"lr\": 0.001, \"beta\": 0.9"), "$.runs[0].optimizer.beta: unknown key for optimizer \"sgd\""),
                Arguments.of("unknown optimizer", GOOD.replace("\"sgd\"", "\"adamax\""), "$.runs[0].optimizer.type: unknown optimizer \"adamax\""),
                Arguments.of("unknown surface", GOOD.replace("\"rosenbrock\"", "\"banana\""), "$.surface.type: unknown surface \"banana\""),
                Arguments.of("unknown schedule", GOOD.replace("\"lr\": 0.001 }", "\"lr\": 0.001 }, \"schedule\": { \"type\": \"warp\" }"), "$.runs[0].schedule.type: unknown schedule \"warp\""),
                Arguments.of("wrong type", GOOD.replace("\"steps\": 20", "\"steps\": \"20\""), "$.steps: must be a whole number, got \"20\""),
                Arguments.of("fractional steps", GOOD.replace("\"steps\": 20", "\"steps\": 20.5"), "$.steps: must be a whole number"),
                Arguments.of("negative lr", GOOD.replace("0.001", "-0.001"), "$.runs[0].optimizer.lr: must be ≥ 0, got -0.001"),
                Arguments.of("betas outside [0,1)", GOOD.replace("{ \"type\": \"sgd\", \"lr\": 0.001 }", "{ \"type\": \"adam\", \"betas\": [0.9, 1.0] }"), "$.runs[0].optimizer.betas: entry 1 must be in [0, 1), got 1.0"),
                Arguments.of("too many steps", GOOD.replace("\"steps\": 20", "\"steps\": 10000001"), "$.steps: must be from 0 to 10,000,000, got 10,000,001"),
                Arguments.of("missing start", GOOD.replace("\"start\": [-1.5, 2.0],", ""), "$: missing required key \"start\""),
                Arguments.of("bad start", GOOD.replace("[-1.5, 2.0]", "[-1.5]"), "$.start: must be a pair of numbers"),
                Arguments.of("no runs", GOOD.replace("[ { \"label\": \"GD\", \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.001 } } ]", "[]"), "$.runs: must be a list of one or more runs"),
                Arguments.of("bad colour", GOOD.replace("\"label\": \"GD\",", "\"label\": \"GD\", \"color\": \"red\","), "$.runs[0].color: must be #RRGGBB"),
                Arguments.of("negative temperature", GOOD.replace("\"label\": \"GD\",", "\"label\": \"GD\", \"noiseTemperature\": -1,"), "$.runs[0].noiseTemperature: must be ≥ 0"),
                Arguments.of("zero clip", GOOD.replace("\"label\": \"GD\",", "\"label\": \"GD\", \"clipNorm\": 0,"), "$.runs[0].clipNorm: must be > 0"),
                Arguments.of("batch on a function", GOOD.replace("\"label\": \"GD\",", "\"label\": \"GD\", \"batchSize\": 8,"), "$.runs[0].batchSize: only finite-sum surfaces"),
                Arguments.of("view upside down", GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"view\": { \"x\": [2, -2], \"y\": [-1, 3] },"), "$.view.x: min must be less than max"),
                Arguments.of("nesterov without momentum", GOOD.replace("\"lr\": 0.001", "\"lr\": 0.001, \"nesterov\": true"), "$.runs[0].optimizer.nesterov: Nesterov momentum needs momentum > 0"),
                Arguments.of("duplicate key", GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"steps\": 30,"), "malformed JSON: Duplicate field 'steps'"),
                Arguments.of("missing schedule parameter", GOOD.replace("\"lr\": 0.001 }", "\"lr\": 0.001 }, \"schedule\": { \"type\": \"step\" }"), "$.runs[0].schedule: schedule \"step\" needs \"stepSize\""),
                Arguments.of("bad expression", GOOD.replace("{ \"type\": \"rosenbrock\" }", "{ \"type\": \"expression\", \"f\": \"x^2 + sinn(y)\" }"), "$.surface.f, column 7: "),
                Arguments.of("unbalanced expression", GOOD.replace("{ \"type\": \"rosenbrock\" }", "{ \"type\": \"expression\", \"f\": \"(x + y\" }"), "$.surface.f, column "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScenarios")
    void badScenarioIsOneClearLineAndTouchesNoFile(String name, String json, String expected) throws Exception {
        Path scenario = dir.resolve("bad.json");
        Files.writeString(scenario, json);
        Path fresh = dir.resolve("fresh.csv");
        Path existing = dir.resolve("existing.csv");
        Files.writeString(existing, "keep me\n");
        for (Path out : new Path[] {fresh, existing}) {
            Result r = cli("run", scenario.toString(), "--csv", out.toString());
            assertEquals(2, r.status(), name + ": " + r.err());
            assertEquals("", r.out());
            String line = r.err().strip();
            assertFalse(line.contains("\n"), "one line: " + r.err());
            assertTrue(line.startsWith(scenario.toString() + ": "), "names the file: " + line);
            assertTrue(line.contains(expected), "expected «" + expected + "» in: " + line);
        }
        assertFalse(Files.exists(fresh), "no file created");
        assertEquals("keep me\n", Files.readString(existing), "existing file unchanged");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no stray temporary files");
        }
    }

    @Test
    void missingScenarioFile() {
        Result r = cli("run", dir.resolve("nope.json").toString(), "--csv", dir.resolve("o.csv").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("nope.json: file: no such file"), r.err());
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    @Test
    void badCommandLine() throws Exception {
        Path scenario = dir.resolve("good.json");
        Files.writeString(scenario, GOOD);
        for (String[] args : new String[][] {
                {"fly"}, {"run"}, {"run", scenario.toString(), "--cvs", "x.csv"},
                {"run", scenario.toString(), "--csv"},
                {"run", scenario.toString(), "--csv", dir.resolve("no/such/folder/x.csv").toString()},
                {"run", scenario.toString(), "--csv", dir.toString()}}) {
            Result r = cli(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    @Test
    void goodScenarioWritesTheCsv() throws Exception {
        Path scenario = dir.resolve("good.json");
        Files.writeString(scenario, GOOD);
        Path csv = dir.resolve("out.csv");
        Result r = cli("run", scenario.toString(), "--csv", csv.toString());
        assertEquals(0, r.status(), r.err());
        var lines = Files.readAllLines(csv);
        assertEquals("run,label,step,x,y,loss,grad_norm,lr", lines.get(0));
        assertEquals(22, lines.size());
        assertEquals("0,GD,0,-1.5,2.0,12.5,162.8649747490233,", lines.get(1));
        assertTrue(lines.get(2).startsWith("0,GD,1,-1.345,2.05,"), lines.get(2));
        assertTrue(lines.get(2).endsWith(",0.001"), lines.get(2));
    }

    @Test
    void divergenceIsAResultNotAnError() throws Exception {
        Path scenario = dir.resolve("diverge.json");
        Files.writeString(scenario, GOOD.replace("0.001", "0.1").replace("\"steps\": 20", "\"steps\": 200"));
        Path csv = dir.resolve("out.csv");
        Result r = cli("run", scenario.toString(), "--csv", csv.toString());
        assertEquals(0, r.status(), r.err());
        var lines = Files.readAllLines(csv);
        String last = lines.get(lines.size() - 1);
        assertTrue(lines.size() < 202, "stops after diverging");
        assertTrue(last.contains("inf") || last.contains("nan"), last);
        Result summary = cli("run", scenario.toString());
        assertEquals(0, summary.status());
        assertTrue(summary.out().contains("diverged at step " + (lines.size() - 2)), summary.out());
    }
}
