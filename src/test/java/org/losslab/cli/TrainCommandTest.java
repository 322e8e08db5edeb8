package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrainCommandTest {
    static final String GOOD = """
            {
              "format": "losslab-train/1",
              "data": { "type": "moons", "points": 100 },
              "network": { "hidden": [4] },
              "steps": 20,
              "runs": [ { "label": "Adam, fast", "optimizer": { "type": "adam", "lr": 0.01 } },
                        { "optimizer": { "type": "sgd", "lr": 0.1 }, "batchSize": 10 } ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void writesTheCurvesOfEveryRun() throws Exception {
        Path config = dir.resolve("c.json"), csv = dir.resolve("curves.csv");
        Files.writeString(config, GOOD);
        CliBadInputTest.Result r = CliBadInputTest.cli("train", config.toString(), "--csv", csv.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run,step,epoch,train_loss,test_loss,train_acc,test_acc,grad_norm,lr", lines.get(0));
        assertEquals(1 + 2 * 21, lines.size());
        assertTrue(lines.get(1).startsWith("0,0,0.0,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(","), "no lr at step 0: " + lines.get(1));
        assertTrue(lines.get(2).startsWith("0,1,1.0,") && lines.get(2).endsWith(",0.01"), lines.get(2));
        assertTrue(lines.get(23).startsWith("1,1,0.2,"), "batch 10 of 50 training points: " + lines.get(23));
        CliBadInputTest.Result every = CliBadInputTest.cli("train", config.toString(), "--csv", csv.toString(), "--every", "10");
        assertEquals(0, every.status(), every.err());
        assertEquals(1 + 2 * 3, Files.readAllLines(csv).size());
    }

    @Test
    void sharpnessIsAColumnOnlyWhenAsked() throws Exception {
        Path config = dir.resolve("c.json"), csv = dir.resolve("curves.csv");
        Files.writeString(config, GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"sharpness\": { \"every\": 8, \"iterations\": 5 },"));
        CliBadInputTest.Result r = CliBadInputTest.cli("train", config.toString(), "--csv", csv.toString(), "--every", "10");
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run,step,epoch,train_loss,test_loss,train_acc,test_acc,grad_norm,lr,sharpness", lines.get(0));
        // Rows at 0, 8, 10, 16, 20 (every 10th, every sharpness step, the last) per run; λ only at 0, 8, 16.
        List<String> steps = lines.stream().skip(1).filter(l -> l.startsWith("0,")).map(l -> l.split(",", -1)[1]).toList();
        assertEquals(List.of("0", "8", "10", "16", "20"), steps);
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            long step = Long.parseLong(f[1]);
            assertEquals(step % 8 == 0, !f[9].isEmpty(), l);
            if (!f[9].isEmpty()) {
                assertTrue(Double.parseDouble(f[9]) > 0, l);
            }
        }
        CliBadInputTest.Result summary = CliBadInputTest.cli("train", config.toString());
        assertEquals(0, summary.status(), summary.err());
        assertTrue(summary.out().contains("sharpness ") && summary.out().contains(" at step 16"), summary.out());
    }

    @Test
    void shippedSampleConfigsRead() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("sample-landscapes"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("mlp-")).toList()) {
                org.losslab.format.train.TrainConfigReader.read(f).training();
            }
        }
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(GOOD.replace("losslab-train/1", "losslab-scenario/1"), "$.format: must be \"losslab-train/1\""),
                Arguments.of(GOOD.replace("\"points\": 100", "\"points\": 100, \"pointz\": 3"), "$.data.pointz: unknown key"),
                Arguments.of(GOOD.replace("\"moons\"", "\"banana\""), "$.data.type: unknown value \"banana\""),
                Arguments.of(GOOD.replace("\"hidden\": [4]", "\"hidden\": [0]"), "$.network.hidden[0]: must be from 1"),
                Arguments.of(GOOD.replace("\"hidden\": [4]", "\"hidden\": [4], \"activation\": \"swish\""), "$.network.activation: unknown value \"swish\""),
                Arguments.of(GOOD.replace("\"moons\"", "\"curve\"").replace("\"hidden\": [4]", "\"output\": \"softmax\""), "$.network.output: regression data needs"),
                Arguments.of(GOOD.replace("\"lr\": 0.01", "\"lr\": -1"), "$.runs[0].optimizer.lr"),
                Arguments.of(GOOD.replace("\"batchSize\": 10", "\"batchSize\": 0"), "$.runs[1].batchSize: must be from 1"),
                Arguments.of(GOOD.replace("\"moons\", \"points\": 100", "\"csv\", \"file\": \"missing.csv\""), "$.data.file:"),
                Arguments.of(GOOD.replace("\"moons\"", "\"curve\", \"labelNoise\": 0.1"), "$.data.labelNoise"),
                Arguments.of(GOOD.replace("\"hidden\": [4]", "\"hidden\": [64, 64]").replace("\"adam\"", "\"newton\""), "$.runs[0].optimizer.type: Newton"),
                Arguments.of(GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"sharpness\": { \"every\": 0 },"), "$.sharpness.every: must be from 1"),
                Arguments.of(GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"sharpness\": { \"every\": 5, \"iters\": 3 },"), "$.sharpness.iters: unknown key"),
                Arguments.of(GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"sharpness\": {},"), "$.sharpness: missing required key \"every\""),
                Arguments.of(GOOD.replace("\"steps\": 20,", "\"steps\": 20,,"), "malformed JSON"));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void badConfigsFailInOneLineAndTouchNoFile(String text, String expected) throws Exception {
        Path config = dir.resolve("bad.json"), csv = dir.resolve("out.csv");
        Files.writeString(config, text);
        CliBadInputTest.Result r = CliBadInputTest.cli("train", config.toString(), "--csv", csv.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith(config.toString() + ": "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(Files.exists(csv));
    }

    @Test
    void importsCsvData() throws Exception {
        StringBuilder s = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 40; i++) {
            s.append(i / 20.0 - 1).append(',').append(0.5).append(',').append(i < 20 ? 0 : 1).append('\n');
        }
        Files.writeString(dir.resolve("pts.csv"), s);
        Path config = dir.resolve("c.json");
        Files.writeString(config, GOOD.replace("\"moons\", \"points\": 100", "\"csv\", \"file\": \"pts.csv\""));
        CliBadInputTest.Result r = CliBadInputTest.cli("train", config.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("20 training and 20 test points"), r.out());
        Files.writeString(dir.resolve("pts.csv"), "x1,x2,label\n1,2,0\n1,x,1\n");
        r = CliBadInputTest.cli("train", config.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("$.data.file: ") && r.err().contains("line 3, x2: not a number"), r.err());
    }
}
