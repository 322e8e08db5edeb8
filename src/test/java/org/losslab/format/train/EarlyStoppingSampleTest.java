package org.losslab.format.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.mlp.Trainer;
import org.losslab.engine.mlp.Training;

/** mlp-early-stopping.json: the restored weights beat the same runs trained to the end. */
class EarlyStoppingSampleTest {
    @Test
    void theRestoredWeightsGeneralizeBetterThanTrainingOn() throws Exception {
        TrainConfig c = HiddenBlockSamplesTest.read("mlp-early-stopping.json");
        Training stopped = c.training();
        Training on = stopped.withOptions(stopped.options().withEarlyStopping(null));
        for (int r = 0; r < stopped.runs().size(); r++) {
            Trainer t = stopped.trainer(r);
            t.step((int) stopped.steps());
            TrainSnapshot s = t.snapshot();
            assertTrue(s.stoppedEarly() && s.step() < stopped.steps(), "run " + r + " stops early: " + s.step());
            TrainSnapshot end = HiddenBlockSamplesTest.trained(on, r);
            assertTrue(end.testLoss() > 2 * s.testLoss(), "run " + r + ": test loss " + end.testLoss() + " at the end vs "
                    + s.testLoss() + " restored");
            assertTrue(s.testAccuracy() > end.testAccuracy() + 0.03, "run " + r + ": test accuracy " + s.testAccuracy()
                    + " restored vs " + end.testAccuracy());
            assertTrue(end.trainAccuracy() > s.trainAccuracy(), "training on fits the flipped labels");
        }
    }
}
