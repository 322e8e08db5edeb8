package org.losslab.format.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.mlp.Dataset;
import org.losslab.engine.mlp.Training;
import org.losslab.format.InputException;

/** The training-config keys of the network methods: whiten, … (docs/train-format.md). */
class TrainConfigKeysTest {
    static final String BASE = """
            {
              "format": "losslab-train/1",
              "data": { "type": "moons", "points": 100 },
              "network": { "hidden": [4] },
              "steps": 20,
              "runs": [ { "optimizer": { "type": "sgd", "lr": 0.1 } } ]
            }
            """;

    static TrainConfig read(String text) throws InputException {
        return TrainConfigReader.read(text, "c.json", null);
    }

    static String problem(String text) {
        InputException e = assertThrows(InputException.class, () -> read(text));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("c.json: "), e.getMessage());
        return e.getMessage();
    }

    static String with(String rootKeys) {
        return BASE.replace("\"steps\": 20,", "\"steps\": 20, " + rootKeys + ",");
    }

    @Test
    void whitenTransformsTheSplitTheTrainingGets() throws Exception {
        Training plain = read(BASE).training();
        assertFalse(read(BASE).options().whiten());
        TrainConfig c = read(with("\"whiten\": true"));
        assertTrue(c.options().whiten());
        Dataset w = c.training().data().train(), raw = plain.data().train();
        assertEquals(raw.size(), w.size());
        double mean = 0, var = 0;
        for (int i = 0; i < w.size(); i++) {
            mean += w.x1(i);
        }
        mean /= w.size();
        for (int i = 0; i < w.size(); i++) {
            var += (w.x1(i) - mean) * (w.x1(i) - mean);
        }
        assertEquals(0, mean, 1e-12);
        assertEquals(1, var / (w.size() - 1), 1e-12);
        assertEquals(raw.y(7), w.y(7));
        assertFalse(read(with("\"whiten\": false")).options().whiten());
    }

    @Test
    void whitenIsCheckedInOneLine() {
        assertTrue(problem(with("\"whiten\": 1")).contains("$.whiten: "));
        assertTrue(problem(with("\"whiten\": true").replace("\"points\": 100", "\"points\": 3")).contains("$.whiten: PCA whitening needs at least 2"));
    }
}
