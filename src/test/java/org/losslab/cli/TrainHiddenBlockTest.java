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

/** {@code losslab train} with normalization and dropout: the keys, their one-line errors, the output. */
class TrainHiddenBlockTest {
    static final String GOOD = """
            {
              "format": "losslab-train/1",
              "data": { "type": "moons", "points": 100 },
              "network": { "hidden": [4, 4], "normalization": "batch", "dropout": 0.1 },
              "steps": 20,
              "runs": [ { "optimizer": { "type": "adam", "lr": 0.01 } },
                        { "optimizer": { "type": "sgd", "lr": 0.1 }, "batchSize": 10 } ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void trainsAndNamesTheBlock() throws Exception {
        Path config = dir.resolve("c.json"), csv = dir.resolve("curves.csv");
        Files.writeString(config, GOOD);
        CliBadInputTest.Result r = CliBadInputTest.cli("train", config.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("2-4-4-1 tanh sigmoid, batch norm, dropout 0.1, 53 weights"), r.out());
        r = CliBadInputTest.cli("train", config.toString(), "--csv", csv.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run,step,epoch,train_loss,test_loss,train_acc,test_acc,grad_norm,lr", lines.get(0));
        assertEquals(1 + 2 * 21, lines.size());
        // The same config twice gives the same curves: masks and running statistics replay from the seed.
        Path again = dir.resolve("again.csv");
        assertEquals(0, CliBadInputTest.cli("train", config.toString(), "--csv", again.toString()).status());
        assertEquals(lines, Files.readAllLines(again));
    }

    @Test
    void mcDropoutSummarizesTheTestSet() throws Exception {
        Path config = dir.resolve("c.json");
        Files.writeString(config, GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"mcDropout\": { \"passes\": 8 },"));
        CliBadInputTest.Result r = CliBadInputTest.cli("train", config.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(", MC dropout (8 passes): test acc ") && r.out().contains("mean spread ")
                && r.out().contains("(misclassified "), r.out());
        assertEquals(2, r.out().lines().filter(l -> l.contains("MC dropout")).count(), r.out());
    }

    @Test
    void earlyStoppingEndsTheCurvesAtTheStopAndSaysWhereTheBestWas() throws Exception {
        Path config = dir.resolve("c.json"), csv = dir.resolve("curves.csv");
        String text = GOOD.replace("\"steps\": 20,", "\"steps\": 400, \"earlyStopping\": { \"patience\": 2, \"every\": 3 },")
                .replace("\"adam\", \"lr\": 0.01", "\"adam\", \"lr\": 0.3");
        Files.writeString(config, text);
        CliBadInputTest.Result r = CliBadInputTest.cli("train", config.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("stopped early; best test loss at step "), r.out());
        r = CliBadInputTest.cli("train", config.toString(), "--csv", csv.toString(), "--every", "1000");
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(csv);
        // Per run: step 0 and the stop step (or the last step, 400).
        assertEquals(5, lines.size(), String.join("\n", lines));
        long stop = Long.parseLong(lines.get(2).split(",")[1]);
        assertTrue(stop < 400 && stop % 3 == 0, "stopped at a check: " + stop);
    }

    @Test
    void ensemblesAreSummarizedAgainstTheirMembers() throws Exception {
        Path config = dir.resolve("c.json"), csv = dir.resolve("curves.csv"), plain = dir.resolve("plain.csv");
        Files.writeString(config, GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"ensemble\": { \"members\": 3 },"));
        CliBadInputTest.Result r = CliBadInputTest.cli("train", config.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(2, r.out().lines().filter(l -> l.contains("ensemble of 3: test loss ") && l.contains("(members' mean ")
                && l.contains("mean disagreement ")).count(), r.out());
        // The curves are those of member 0, the run as configured.
        assertEquals(0, CliBadInputTest.cli("train", config.toString(), "--csv", csv.toString()).status());
        Files.writeString(config, GOOD);
        assertEquals(0, CliBadInputTest.cli("train", config.toString(), "--csv", plain.toString()).status());
        assertEquals(Files.readAllLines(plain), Files.readAllLines(csv));
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(GOOD.replace("\"batch\"", "\"group\""), "$.network.normalization: unknown value \"group\"; expected one of none, batch, layer"),
                Arguments.of(GOOD.replace("\"dropout\": 0.1", "\"dropout\": 1"), "$.network.dropout: must be"),
                Arguments.of(GOOD.replace("\"dropout\": 0.1", "\"dropout\": \"half\""), "$.network.dropout:"),
                Arguments.of(GOOD.replace("\"hidden\": [4, 4], \"normalization\": \"batch\", ", "\"hidden\": [], "),
                        "$.network.dropout: dropout acts between hidden layers"),
                Arguments.of(GOOD.replace("\"batchSize\": 10", "\"batchSize\": 7"),
                        "$.runs[1].batchSize: batch normalization needs at least 2 examples in every batch; 50 training points in batches of 7 leave a last batch of 1"),
                Arguments.of(GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"sharpness\": { \"every\": 5 },"),
                        "$.sharpness: the sharpness is measured on plain networks"),
                Arguments.of(GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"mcDropout\": { \"passes\": 1 },"),
                        "$.mcDropout.passes: must be from 2"),
                Arguments.of(GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"mcDropout\": { \"runs\": 5 },"),
                        "$.mcDropout.runs: unknown key"),
                Arguments.of(GOOD.replace(", \"dropout\": 0.1", "").replace("\"steps\": 20,", "\"steps\": 20, \"mcDropout\": {},"),
                        "$.mcDropout: MC dropout needs dropout: set $.network.dropout above 0"),
                Arguments.of(GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"earlyStopping\": {},"),
                        "$.earlyStopping: missing required key \"patience\""),
                Arguments.of(GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"earlyStopping\": { \"patience\": 0 },"),
                        "$.earlyStopping.patience: must be from 1"),
                Arguments.of(GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"earlyStopping\": { \"patience\": 3, \"minDelta\": -1 },"),
                        "$.earlyStopping.minDelta: must be"),
                Arguments.of(GOOD.replace("\"points\": 100", "\"points\": 100, \"testFraction\": 0")
                        .replace("\"steps\": 20,", "\"steps\": 20, \"earlyStopping\": { \"patience\": 3 },"),
                        "$.earlyStopping: early stopping watches the test loss; the data has no test set"),
                Arguments.of(GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"ensemble\": { \"members\": 1 },"),
                        "$.ensemble.members: must be from 2"),
                Arguments.of(GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"ensemble\": {},"),
                        "$.ensemble: missing required key \"members\""),
                Arguments.of(GOOD.replace("\"points\": 100", "\"points\": 100, \"testFraction\": 0")
                        .replace("\"steps\": 20,", "\"steps\": 20, \"ensemble\": { \"members\": 3 },"),
                        "$.ensemble: an ensemble is compared with its members on the test set"));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void badConfigsFailInOneLineAndTouchNoFile(String text, String expected) throws Exception {
        Path config = dir.resolve("bad.json"), csv = dir.resolve("out.csv");
        Files.writeString(config, text);
        CliBadInputTest.Result r = CliBadInputTest.cli("train", config.toString(), "--csv", csv.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith(config.toString() + ": "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(Files.exists(csv));
    }
}
