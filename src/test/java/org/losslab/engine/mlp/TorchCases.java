package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The PyTorch reference cases beside the scripts that make them, in this package's test resources. */
final class TorchCases {
    private TorchCases() {
    }

    /** The case files whose names match {@code regex}, sorted; at least {@code atLeast} of them. */
    static Stream<Path> list(String regex, int atLeast) throws Exception {
        Path dir = Path.of(TorchCases.class.getResource("/org/losslab/engine/mlp").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.filter(p -> p.getFileName().toString().matches(regex)).sorted().toList();
            assertTrue(all.size() >= atLeast, "reference cases " + regex + " missing from " + dir);
            return all.stream();
        }
    }

    static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }
}
