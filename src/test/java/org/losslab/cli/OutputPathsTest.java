package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.cli.CliBadInputTest.Result;
import org.losslab.format.federated.FederatedSpecTest;

/**
 * No output may name an input or another output, for every command: compared by real path (so a
 * relative spelling, a symbolic or a hard link is caught), refused with exit 2 and one line before
 * anything is written, the input byte for byte as it was and no stray temporary file.
 */
class OutputPathsTest {
    @TempDir
    Path dir;

    /** command, its input text, and the outputs it takes. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("run", CliBadInputTest.GOOD, List.of("--csv", "--png")),
                Arguments.of("train", TrainCommandTest.GOOD, List.of("--csv")),
                Arguments.of("sweep", CliAnalysisTest.SWEEP.replace("\"count\": 12", "\"count\": 2").replace("\"count\": 7", "\"count\": 2"),
                        List.of("--csv", "--png")),
                Arguments.of("escape", CliAnalysisTest.ESCAPE.replace("\"seeds\": 20", "\"seeds\": 2"), List.of("--csv", "--png")),
                Arguments.of("federated", FederatedSpecTest.GOOD, List.of("--csv", "--png")));
    }

    private void assertRefused(Path input, byte[] before, String what, String... args) throws Exception {
        List<String> before2;
        try (var files = Files.list(dir)) {
            before2 = files.map(Path::toString).sorted().toList();
        }
        Result r = CliBadInputTest.cli(args);
        assertEquals(2, r.status(), what + ": " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("losslab: --"), r.err());
        assertTrue(r.err().contains(what), "expected «" + what + "» in " + r.err());
        assertArrayEquals(before, Files.readAllBytes(input), "the input is untouched");
        try (var files = Files.list(dir)) {
            assertEquals(before2, files.map(Path::toString).sorted().toList(), "no file created");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void anOutputThatIsTheInputIsRefused(String command, String text, List<String> outputs) throws Exception {
        Path input = dir.resolve("input.json");
        Files.writeString(input, text);
        byte[] before = Files.readAllBytes(input);
        Path link = dir.resolve("link.json"), hard = dir.resolve("hard.json");
        Files.createSymbolicLink(link, input);
        Files.createLink(hard, input);
        for (String option : outputs) {
            for (String spelling : new String[] {input.toString(), dir.resolve(".").resolve("input.json").toString(), link.toString(), hard.toString()}) {
                assertRefused(input, before, "is the input file", command, input.toString(), option, spelling);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void twoOutputsOnOneFileAreRefused(String command, String text, List<String> outputs) throws Exception {
        if (outputs.size() < 2) {
            return;
        }
        Path input = dir.resolve("input.json");
        Files.writeString(input, text);
        byte[] before = Files.readAllBytes(input);
        Path out = dir.resolve("out.dat");
        assertRefused(input, before, "are the same file", command, input.toString(), outputs.get(0), out.toString(),
                outputs.get(1), Path.of("").toAbsolutePath().relativize(out).toString());
        Files.createDirectory(dir.resolve("sub"));
        assertRefused(input, before, "are the same file", command, input.toString(), outputs.get(0), out.toString(),
                outputs.get(1), dir.resolve("sub").resolve("..").resolve("out.dat").toString());
    }

    @Test
    void aReferencedScenarioIsAnInputToo() throws Exception {
        Path scenario = dir.resolve("scenario.json"), spec = dir.resolve("sweep.json");
        Files.writeString(scenario, CliBadInputTest.GOOD);
        Files.writeString(spec, """
                { "format": "losslab-sweep/1", "scenario": "scenario.json",
                  "x": { "key": "optimizer.lr", "from": 0.0001, "to": 0.001, "count": 2 },
                  "y": { "key": "optimizer.momentum", "from": 0, "to": 0.5, "count": 2 } }
                """);
        byte[] before = Files.readAllBytes(scenario);
        assertRefused(scenario, before, "is the input file " + scenario, "sweep", spec.toString(), "--csv", scenario.toString());
        assertRefused(scenario, before, "is the input file " + scenario, "sweep", spec.toString(), "--png", scenario.toString());
    }

    @Test
    void aTrainingConfigsDataFileIsAnInputToo() throws Exception {
        Path data = dir.resolve("points.csv"), config = dir.resolve("c.json");
        List<String> rows = new ArrayList<>(List.of("x1,x2,label"));
        for (int i = 0; i < 20; i++) {
            rows.add(i * 0.1 + "," + (1 - i * 0.1) + "," + (i % 2));
        }
        Files.write(data, rows);
        Files.writeString(config, TrainCommandTest.GOOD.replace("{ \"type\": \"moons\", \"points\": 100 }", "{ \"type\": \"csv\", \"file\": \"points.csv\" }"));
        assertEquals(0, CliBadInputTest.cli("train", config.toString()).status(), "the config is good");
        byte[] before = Files.readAllBytes(data);
        assertRefused(data, before, "is the input file " + data, "train", config.toString(), "--csv", data.toString());
    }

    @Test
    void anOutputThatIsADeviceIsRefused() throws Exception {
        Path input = dir.resolve("input.json");
        Files.writeString(input, CliBadInputTest.GOOD);
        Path device = Path.of("/dev/null");
        if (!Files.exists(device)) {
            return;
        }
        Result r = CliBadInputTest.cli("run", input.toString(), "--csv", device.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("is not a regular file"), r.err());
        assertFalse(Files.isRegularFile(device), "/dev/null is still a device");
    }

    @Test
    void distinctOutputsStillWork() throws Exception {
        Path input = dir.resolve("input.json");
        Files.writeString(input, CliBadInputTest.GOOD);
        Result r = CliBadInputTest.cli("run", input.toString(), "--csv", dir.resolve("a.csv").toString(), "--png", dir.resolve("a.png").toString(),
                "--size", "64x64");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.size(dir.resolve("a.csv")) > 0 && Files.size(dir.resolve("a.png")) > 0);
        assertFalse(r.err().contains("losslab"), r.err());
    }
}
