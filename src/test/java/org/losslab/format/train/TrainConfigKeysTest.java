package org.losslab.format.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    static String secondRun(String runKeys) {
        return BASE.replace("\"runs\": [ { \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.1 } } ]",
                "\"runs\": [ { \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.1 } }, { \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.1 }" + runKeys + " } ]");
    }

    @Test
    void kfacIsARunKeyKeptByRunIndex() throws Exception {
        TrainConfig c = read(secondRun(", \"kfac\": { \"damping\": 0.01, \"inverseEvery\": 5 }"));
        assertEquals(null, c.options().kfac(0));
        assertEquals(new org.losslab.engine.mlp.Kfac.Settings(0.01, 0.95, 5), c.options().kfac(1));
        assertEquals(new org.losslab.engine.mlp.Kfac.Settings(1e-3, 0.95, 10), read(secondRun(", \"kfac\": {}")).options().kfac(1));
        assertTrue(read(BASE).options().kfac().isEmpty());
        // The run itself reads as without the key.
        assertEquals(read(secondRun("")).runs(), c.runs());
        // It trains: the preconditioned run moves away from the plain one.
        Training t = c.training();
        var plain = t.trainer(0);
        var kfac = t.trainer(1);
        plain.step(3);
        kfac.step(3);
        assertFalse(java.util.Arrays.equals(plain.weights(), kfac.weights()));
    }

    @Test
    void kfacIsCheckedInOneLine() {
        assertTrue(problem(secondRun(", \"kfac\": { \"damping\": 0 }")).contains("$.runs[1].kfac.damping: must be > 0"));
        assertTrue(problem(secondRun(", \"kfac\": { \"decay\": 1 }")).contains("$.runs[1].kfac.decay: must be from 0"));
        assertTrue(problem(secondRun(", \"kfac\": { \"inverseEvery\": 0 }")).contains("$.runs[1].kfac.inverseEvery: must be from 1"));
        assertTrue(problem(secondRun(", \"kfac\": { \"dampng\": 1 }")).contains("$.runs[1].kfac.dampng: unknown key"));
        assertTrue(problem(secondRun(", \"kfac\": 3")).contains("$.runs[1].kfac: "));
        assertTrue(problem(secondRun(", \"samRho\": 0.05, \"kfac\": {}")).contains("$.runs[1].kfac: K-FAC does not combine with SAM"));
        assertTrue(problem(secondRun(", \"kfac\": {}").replace("\"sgd\", \"lr\": 0.1 }, \"kfac", "\"lbfgs\" }, \"kfac"))
                .contains("$.runs[1].kfac: K-FAC preconditions the gradient of a first-order optimizer; lbfgs"));
        assertTrue(problem(secondRun(", \"kfc\": {}")).contains("$.runs[1].kfc: unknown key"));
    }

    @Test
    void curriculumIsARunKeyKeptByRunIndex() throws Exception {
        TrainConfig c = read(secondRun(", \"curriculum\": { \"by\": \"margin\", \"start\": 0.3, \"rampSteps\": 8, \"referenceSteps\": 20 }"));
        assertEquals(null, c.options().curriculum(0));
        assertEquals(new org.losslab.engine.mlp.Curriculum.Settings(org.losslab.engine.mlp.Curriculum.Score.MARGIN, 0.3, 8, 20),
                c.options().curriculum(1));
        assertEquals(new org.losslab.engine.mlp.Curriculum.Settings(org.losslab.engine.mlp.Curriculum.Score.CENTRE_DISTANCE, 0.2, 10, 0),
                read(secondRun(", \"curriculum\": { \"by\": \"centreDistance\" }")).options().curriculum(1), "defaults: start 0.2, half the steps");
        assertEquals(read(secondRun("")).runs(), c.runs());
        c.training().trainer(1).step(3);
    }

    @Test
    void curriculumIsCheckedInOneLine() {
        assertTrue(problem(secondRun(", \"curriculum\": {}")).contains("$.runs[1].curriculum: missing required key \"by\""));
        assertTrue(problem(secondRun(", \"curriculum\": { \"by\": \"size\" }")).contains("$.runs[1].curriculum.by: unknown value \"size\""));
        assertTrue(problem(secondRun(", \"curriculum\": { \"by\": \"margin\", \"start\": 0 }")).contains("$.runs[1].curriculum.start: must be > 0"));
        assertTrue(problem(secondRun(", \"curriculum\": { \"by\": \"margin\", \"start\": 1.5 }")).contains("$.runs[1].curriculum.start: must be from 0"));
        assertTrue(problem(secondRun(", \"curriculum\": { \"by\": \"margin\", \"rampSteps\": 0 }")).contains("$.runs[1].curriculum.rampSteps: must be from 1"));
        assertTrue(problem(secondRun(", \"curriculum\": { \"by\": \"centreDistance\", \"referenceSteps\": 5 }"))
                .contains("$.runs[1].curriculum.referenceSteps: only the \"margin\" curriculum"));
        assertTrue(problem(secondRun(", \"curriculum\": { \"by\": \"centreDistance\" }").replace("\"moons\"", "\"curve\""))
                .contains("$.runs[1].curriculum.by: the distance from the class centre needs class labels"));
        assertTrue(problem(secondRun(", \"curriculum\": { \"by\": \"margin\", \"pace\": 1 }")).contains("$.runs[1].curriculum.pace: unknown key"));
    }

    @Test
    void dartsSearchesOrRetrains() throws Exception {
        TrainConfig c = read(with("\"darts\": { \"alphaLr\": 0.02 }"));
        assertEquals(org.losslab.engine.mlp.Darts.search(0.02, 0.5), c.options().darts());
        TrainConfig fixed = read(with("\"darts\": { \"architecture\": [\"sigmoid\"] }"));
        assertEquals(List.of(2), fixed.options().darts().fixed());
        assertEquals(null, read(BASE).options().darts());
    }

    @Test
    void dartsIsCheckedInOneLine() {
        assertTrue(problem(with("\"darts\": { \"alphaLr\": 0 }")).contains("$.darts.alphaLr: must be > 0"));
        assertTrue(problem(with("\"darts\": { \"validationFraction\": 0.99 }")).contains("$.darts.validationFraction: must be from 0.05"));
        assertTrue(problem(with("\"darts\": { \"architecture\": [\"gelu\"] }")).contains("$.darts.architecture[0]: unknown value \"gelu\""));
        assertTrue(problem(with("\"darts\": { \"architecture\": [\"relu\", \"relu\"] }")).contains("$.darts.architecture: must be a list of 1 activations"));
        assertTrue(problem(with("\"darts\": { \"architecture\": [\"relu\"], \"alphaLr\": 1 }")).contains("$.darts.alphaLr: a given architecture is retrained"));
        assertTrue(problem(with("\"darts\": {}").replace("[4]", "[]")).contains("$.darts: DARTS chooses the hidden layers' activations; the network has no hidden layer"));
        assertTrue(problem(with("\"darts\": {}, \"sharpness\": { \"every\": 5 }")).contains("$.darts: the sharpness"));
        assertTrue(problem(secondRun(", \"kfac\": {}").replace("\"steps\": 20,", "\"steps\": 20, \"darts\": {},")).contains("$.darts: K-FAC"));
        assertTrue(problem(with("\"darts\": { \"alpha\": 1 }")).contains("$.darts.alpha: unknown key"));
        assertTrue(problem(secondRun(", \"curriculum\": { \"by\": \"margin\" }").replace("\"steps\": 20,", "\"steps\": 20, \"darts\": {},"))
                .contains("$.darts: a curriculum ranks the whole training set"));
    }
}
