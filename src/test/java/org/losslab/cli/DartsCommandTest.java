package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code losslab train} with a DARTS search: the mixture columns, then each run's chosen architecture retrained. */
class DartsCommandTest {
    @TempDir
    Path dir;

    @Test
    void theSearchIsFollowedByTheRetrainingOfItsChoice() throws Exception {
        Path config = dir.resolve("c.json"), csv = dir.resolve("curves.csv");
        Files.writeString(config, TrainCommandTest.GOOD.replace("\"steps\": 20,", "\"steps\": 20, \"darts\": { \"alphaLr\": 0.05 },"));
        CliBadInputTest.Result r = CliBadInputTest.cli("train", config.toString(), "--csv", csv.toString(), "--every", "10");
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run,step,epoch,train_loss,test_loss,train_acc,test_acc,grad_norm,lr,w1_tanh,w1_relu,w1_sigmoid,w1_identity",
                lines.get(0));
        // Two searched runs (0, 1), then their retrainings (2, 3), rows at steps 0, 10, 20 each.
        assertEquals(List.of("0", "1", "2", "3"), lines.stream().skip(1).map(l -> l.split(",")[0]).distinct().toList());
        assertEquals(1 + 4 * 3, lines.size());
        assertTrue(lines.get(1).endsWith(",0.25,0.25,0.25,0.25"), lines.get(1));
        String retrained = lines.get(7);
        long ones = java.util.Arrays.stream(retrained.split(",")).skip(9).filter(v -> v.equals("1.0")).count();
        assertEquals(1, ones, "one-hot: " + retrained);
        CliBadInputTest.Result summary = CliBadInputTest.cli("train", config.toString());
        assertEquals(0, summary.status(), summary.err());
        assertTrue(summary.out().contains("DARTS run 0 chose ") && summary.out().contains(" 3  sgd retrained"), summary.out());
    }
}
