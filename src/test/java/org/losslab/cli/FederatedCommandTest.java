package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.losslab.format.federated.FederatedSpecTest;

/** {@code losslab federated}: the CSV's rows, the PNG, the summary, and bad input as for the other commands. */
class FederatedCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryClientStepAndServerStep() throws Exception {
        Path spec = dir.resolve("f.json"), csv = dir.resolve("f.csv"), png = dir.resolve("f.png");
        Files.writeString(spec, FederatedSpecTest.GOOD);
        Result r = CliBadInputTest.cli("federated", spec.toString(), "--csv", csv.toString(), "--png", png.toString(), "--size", "800x500");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("2 clients, 6 rounds"), r.out());
        assertTrue(r.out().contains("SCAFFOLD"), r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run,label,round,client,step,x,y,loss", lines.get(0));
        // Per run: the start, then per round 2 clients × (K + 1) points and the server point; K = 3, 1 (run 1), 3.
        assertEquals(1 + 2 * (1 + 6 * (2 * 4 + 1)) + (1 + 6 * (2 * 2 + 1)), lines.size());
        assertEquals("0,FedAvg,0,,,1.0,-1.0,", lines.get(1).substring(0, lines.get(1).lastIndexOf(',') + 1));
        assertTrue(lines.get(2).startsWith("0,FedAvg,1,0,0,1.0,-1.0,"), lines.get(2));
        assertTrue(lines.get(10).startsWith("0,FedAvg,1,,,"), lines.get(10));
        assertEquals(800, ImageIO.read(png.toFile()).getWidth());
    }

    static Stream<Arguments> bad() {
        String g = FederatedSpecTest.GOOD;
        return Stream.of(
                Arguments.of(g.replace("\"fedprox\", \"mu\": 0.5", "\"fedprox\""), "$.runs[1]: missing required key \"mu\""),
                Arguments.of(g.replace("\"rounds\": 6", "\"rounds\": -1"), "$.rounds: must be from 0 to 100,000, got -1"),
                Arguments.of(g.replace("\"scaffold\"", "\"fedsgd\""), "$.runs[2].algorithm: must be \"fedavg\", \"fedprox\" or \"scaffold\""),
                Arguments.of(g.replace("\"scale\": 2", "\"scale\": 0"), "$.clients[1].scale: must be > 0, got 0"),
                Arguments.of(g.replace("\"lr\": 0.05 } }", "\"lr\": -1 } }"), "$.runs[0].optimizer.lr: must be ≥ 0, got -1"));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void badInputIsOneLineAndTouchesNoFile(String text, String expected) throws Exception {
        Path spec = dir.resolve("bad.json"), csv = dir.resolve("out.csv");
        Files.writeString(spec, text);
        Result r = CliBadInputTest.cli("federated", spec.toString(), "--csv", csv.toString());
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().startsWith(spec + ": " + expected), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertFalse(Files.exists(csv));
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliBadInputTest.cli("federated").status());
        Result r = CliBadInputTest.cli("federated", "x.json", "--size", "10x10");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--size"), r.err());
        assertTrue(CliBadInputTest.cli("help").out().contains(FederatedCommand.USAGE));
    }
}
