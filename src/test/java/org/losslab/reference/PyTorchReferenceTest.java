package org.losslab.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URISyntaxException;
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
 * The promise of the project: every row of every PyTorch reference trajectory (float64, made by
 * shared/tools/torch_reference.py) is reproduced to 1e-9 (absolute, relative above 1) in x, y,
 * loss, grad_norm and lr, through the same path as {@code losslab run --csv}.
 */
class PyTorchReferenceTest {
    static final double TOL = 1e-9;

    static Stream<Path> cases() throws Exception {
        Path dir = dir();
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertTrue(all.size() >= 5, "reference cases missing from " + dir);
            return all.stream();
        }
    }

    static Path dir() throws URISyntaxException {
        return Path.of(PyTorchReferenceTest.class.getResource("/org/losslab/reference").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRowMatchesPyTorch(Path json) throws Exception {
        Scenario scenario = ScenarioReader.read(json);
        StringWriter out = new StringWriter();
        scenario.simulation().runSequentially(new TrajectoryCsv(out, scenario.labels()), Cancellation.NEVER);
        List<CsvRows.Row> ours = CsvRows.parse(out.toString()).rows();
        Path csv = Path.of(json.toString().replace(".json", ".csv"));
        List<CsvRows.Row> torch = CsvRows.read(csv).rows();
        assertEquals(torch.size(), ours.size(), "row count");
        for (int i = 0; i < torch.size(); i++) {
            CsvRows.Row t = torch.get(i), o = ours.get(i);
            String where = json.getFileName() + " row " + (i + 1) + " (run " + t.run() + ", step " + t.step() + ")";
            assertEquals(t.run(), o.run(), where);
            assertEquals(t.label(), o.label(), where);
            assertEquals(t.step(), o.step(), where);
            close(t.x(), o.x(), where + " x");
            close(t.y(), o.y(), where + " y");
            close(t.loss(), o.loss(), where + " loss");
            close(t.gradNorm(), o.gradNorm(), where + " grad_norm");
            close(t.lr(), o.lr(), where + " lr");
        }
    }

    static void close(double expected, double actual, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        double err = Math.abs(expected - actual);
        assertTrue(err <= TOL * Math.max(1, Math.abs(expected)),
                what + ": PyTorch " + expected + ", ours " + actual + " (error " + err + ")");
    }
}
