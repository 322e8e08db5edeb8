package org.losslab.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.engine.Cancellation;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;
import org.losslab.io.TrajectoryCsv;

/**
 * Low-precision runs against PyTorch tensors of the same dtype (src/test/python/precision_reference.py):
 * SGD (momentum, Nesterov, dampening, weight decay) in float32, bfloat16 and float16, Adam and AdamW
 * (weight decay, amsgrad, other betas and eps) in float32 and bfloat16, and master weights with loss
 * scaling. The points must agree bit for bit at every step; loss and gradient norm, float64 values at
 * those points, to 1e-9 as in {@link PyTorchReferenceTest}.
 */
class LowPrecisionReferenceTest {

    static Stream<Path> cases() throws Exception {
        Path dir = PyTorchReferenceTest.dir().resolve("lowprecision");
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertTrue(all.size() >= 11, "reference cases missing from " + dir);
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyPointMatchesPyTorchBitForBit(Path json) throws Exception {
        Scenario scenario = ScenarioReader.read(json);
        StringWriter out = new StringWriter();
        scenario.simulation().runSequentially(new TrajectoryCsv(out, scenario.labels()), Cancellation.NEVER);
        List<CsvRows.Row> ours = CsvRows.parse(out.toString()).rows();
        List<CsvRows.Row> torch = CsvRows.read(Path.of(json.toString().replace(".json", ".csv"))).rows();
        assertEquals(torch.size(), ours.size(), "row count");
        for (int i = 0; i < torch.size(); i++) {
            CsvRows.Row t = torch.get(i), o = ours.get(i);
            String where = json.getFileName() + " row " + (i + 1) + " (run " + t.run() + " " + t.label() + ", step "
                    + t.step() + ")";
            assertEquals(t.run(), o.run(), where);
            assertEquals(t.step(), o.step(), where);
            assertEquals(t.x(), o.x(), 0.0, where + " x");
            assertEquals(t.y(), o.y(), 0.0, where + " y");
            PyTorchReferenceTest.close(t.loss(), o.loss(), where + " loss");
            PyTorchReferenceTest.close(t.gradNorm(), o.gradNorm(), where + " grad_norm");
            PyTorchReferenceTest.close(t.lr(), o.lr(), where + " lr");
        }
    }
}
