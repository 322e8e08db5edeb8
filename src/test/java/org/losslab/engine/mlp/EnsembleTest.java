package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.update.RunSettings;

/** Deep ensembles: the mean of the members, their disagreement, and a loss no worse than theirs on average. */
class EnsembleTest {
    static List<Training> members(Output out, int m) {
        DataSpec spec = out == Output.SOFTMAX ? new DataSpec(DataKind.BLOBS, 240, 0.3, 0.5, 3, false, 0, 2)
                : new DataSpec(out == Output.LINEAR ? DataKind.CURVE : DataKind.SPIRALS, 240, 0.1, 0.5, 2, false, 0, 2);
        int classes = spec.classCount();
        List<Feature> f = out == Output.LINEAR ? List.of(Feature.X1) : List.of(Feature.X1, Feature.X2);
        Architecture arch = new Architecture(f, new int[] {12, 12}, Activation.TANH, out, out.units(classes), true);
        DataSpec.Split split = spec.split();
        RunSettings adam = RunSettings.of(new Adam.Config(0.02, 0.9, 0.999, 1e-8, 0, false, false)).withBatchSize(32);
        List<Training> all = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            all.add(new Training(arch, split, Init.XAVIER.weights(arch, 10 + k), 400, 20 + k, List.of(adam)));
        }
        return all;
    }

    @ParameterizedTest
    @EnumSource(Output.class)
    void theEnsemblesTestLossIsNoWorseThanItsMembersMean(Output out) {
        List<Training> trainings = members(out, 5);
        Ensemble e = new Ensemble(trainings, 0);
        assertTrue(e.step(400, Cancellation.NEVER));
        Dataset test = trainings.get(0).data().test();
        Ensemble.Evaluation ev = e.evaluate(test);
        double mean = 0;
        for (int m = 0; m < e.size(); m++) {
            assertEquals(400, e.member(m).step());
            mean += e.member(m).snapshot().testLoss() / e.size();
        }
        assertEquals(mean, ev.memberLoss(), 1e-12);
        assertTrue(ev.loss() <= ev.memberLoss(), out + ": ensemble " + ev.loss() + " vs members' mean " + ev.memberLoss());
        assertTrue(ev.loss() < ev.memberLoss(), out + ": members that disagree, so strictly better: " + ev.loss() + " vs " + ev.memberLoss());
        assertTrue(ev.meanDisagreement() > 0);
        assertEquals(out == Output.LINEAR, Double.isNaN(ev.accuracy()));
    }

    @Test
    void theMeanIsTheMembersAverageAndIdenticalMembersAgree() {
        List<Training> trainings = members(Output.SIGMOID, 3);
        Ensemble e = new Ensemble(trainings, 0);
        e.step(50, Cancellation.NEVER);
        double[] x1 = {0.1, -0.7, 1.2}, x2 = {0.4, 0.3, -1.1};
        PredictiveSpread p = e.predict(3, x1, x2);
        double[] sum = new double[3], one = new double[3];
        for (int m = 0; m < 3; m++) {
            e.member(m).predict(3, x1, x2, one);
            for (int i = 0; i < 3; i++) {
                sum[i] += one[i] / 3;
            }
        }
        assertArrayEquals(sum, p.mean(), 1e-15);
        assertFalse(e.member(0).weights()[0] == e.member(1).weights()[0], "members start apart");

        Ensemble same = new Ensemble(List.of(trainings.get(0), trainings.get(0)), 0);
        same.step(50, Cancellation.NEVER);
        Ensemble.Evaluation ev = same.evaluate(trainings.get(0).data().test());
        assertEquals(0, ev.meanDisagreement(), 0.0);
        assertEquals(ev.memberLoss(), ev.loss(), 1e-12, "one network twice is that network");
        assertThrows(IllegalArgumentException.class, () -> new Ensemble(List.of(trainings.get(0)), 0));
    }
}
