package org.losslab.format.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.losslab.engine.mlp.HiddenBlock;
import org.losslab.engine.mlp.Normalization;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.mlp.Trainer;
import org.losslab.engine.mlp.Training;

/** The samples of normalization and dropout tell their stories on the figures the trainer shows. */
class HiddenBlockSamplesTest {
    static final Path DIR = Path.of("sample-landscapes");

    static TrainConfig read(String name) throws Exception {
        TrainConfig c = TrainConfigReader.read(DIR.resolve(name));
        assertFalse(c.title().isBlank(), name + ": title");
        assertFalse(c.description().isBlank(), name + ": description");
        return c;
    }

    static TrainConfig withBlock(TrainConfig c, HiddenBlock b) {
        return new TrainConfig(c.title(), c.description(), c.data(), c.imported(), c.network().withBlock(b), c.init(), c.steps(),
                c.seed(), c.runs(), c.options());
    }

    /** The final snapshot of run r. */
    static TrainSnapshot trained(Training t, int r) {
        Trainer trainer = t.trainer(r);
        trainer.step((int) t.steps());
        return trainer.snapshot();
    }

    @Test
    void mcDropoutIsUnsureWhereTheNetworkIsWrong() throws Exception {
        TrainConfig c = read("mlp-mc-dropout.json");
        Training t = c.training();
        assertTrue(t.options().mcDropout() >= 30);
        Trainer trainer = t.trainer(0);
        trainer.step((int) t.steps());
        org.losslab.engine.mlp.Dataset test = t.data().test();
        double[] x1 = new double[test.size()], x2 = new double[test.size()];
        for (int i = 0; i < x1.length; i++) {
            x1[i] = test.x1(i);
            x2[i] = test.x2(i);
        }
        org.losslab.engine.mlp.McDropout.Summary s = org.losslab.engine.mlp.McDropout.summarize(
                trainer.mcDropout(x1.length, x1, x2, t.options().mcDropout()), test, t.architecture().output());
        assertTrue(s.accuracy() > 0.88, "the mean prediction is good: " + s.accuracy());
        assertTrue(s.spreadWrong() > 3 * s.spreadRight(), "spread on misclassified " + s.spreadWrong() + " vs correct " + s.spreadRight());
        // Far from the data (a corner of the picture) the passes disagree more than in the middle of a moon.
        org.losslab.engine.mlp.PredictiveSpread far = trainer.mcDropout(2, new double[] {-2.2, 0.0}, new double[] {-2.2, 0.6},
                t.options().mcDropout());
        assertTrue(far.spreadAt(0) > 3 * far.spreadAt(1), "corner " + far.spreadAt(0) + " vs inside a moon " + far.spreadAt(1));
    }

    @Test
    void batchNormLetsTheDeepSigmoidNetworkLearn() throws Exception {
        TrainConfig c = read("mlp-batch-norm.json");
        assertTrue(c.network().block().normalization() == Normalization.BATCH);
        Training bn = c.training();
        double slow = trained(bn, 0).testAccuracy(), fast = trained(bn, 1).testAccuracy();
        assertTrue(slow > 0.97, "batch norm, lr 0.1: " + slow);
        assertTrue(fast > 0.85, "batch norm, lr 1: " + fast);
        for (HiddenBlock other : new HiddenBlock[] {HiddenBlock.PLAIN, new HiddenBlock(Normalization.LAYER, 0)}) {
            Training t = withBlock(c, other).training();
            for (int r = 0; r < 2; r++) {
                double acc = trained(t, r).testAccuracy();
                assertTrue(acc < 0.6, (other.isPlain() ? "plain" : other.describe()) + ", run " + r + " stays at chance: " + acc);
            }
        }
    }
}
