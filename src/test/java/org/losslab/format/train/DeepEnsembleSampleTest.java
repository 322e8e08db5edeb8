package org.losslab.format.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.mlp.Ensemble;
import org.losslab.engine.mlp.Training;

/** mlp-deep-ensemble.json: five members average to a clearly better test loss and accuracy than they have. */
class DeepEnsembleSampleTest {
    @Test
    void fiveMembersBeatTheirAverage() throws Exception {
        TrainConfig c = HiddenBlockSamplesTest.read("mlp-deep-ensemble.json");
        List<Training> members = c.members();
        assertEquals(5, members.size());
        assertArrayEquals(c.training().initial(), members.get(0).initial(), 0.0, "member 0 is the run as configured");
        Ensemble e = new Ensemble(members, 0);
        e.step((int) c.steps(), Cancellation.NEVER);
        Ensemble.Evaluation ev = e.evaluate(members.get(0).data().test());
        assertTrue(ev.loss() < 0.6 * ev.memberLoss(), "ensemble test loss " + ev.loss() + " vs members' mean " + ev.memberLoss());
        assertTrue(ev.accuracy() > ev.memberAccuracy() + 0.01, "accuracy " + ev.accuracy() + " vs " + ev.memberAccuracy());
    }
}
