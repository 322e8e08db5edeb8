package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.Precision;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.update.LowPrecision;
import org.losslab.engine.update.RunSettings;

/** The low-precision link in the network trainer: the same link of the one update pipeline as on surfaces. */
class LowPrecisionTrainingTest {
    private static final Architecture ARCH = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {8, 8},
            Activation.TANH, Output.SIGMOID, 1, true);
    private static final DataSpec.Split DATA = new DataSpec(DataKind.MOONS, 200, 0.1, 0.5, 2, false, 0, 1).split();

    /** Without biases, which start at 0 where any update moves them. */
    private static final Architecture NO_BIAS = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {8, 8},
            Activation.TANH, Output.SIGMOID, 1, false);

    private static Trainer trainer(RunSettings run, long steps) {
        return trainer(ARCH, run, steps);
    }

    private static Trainer trainer(Architecture arch, RunSettings run, long steps) {
        return new Training(arch, DATA, Init.XAVIER.weights(arch, 3), steps, 1, List.of(run)).trainer(0);
    }

    @Test
    void everyWeightStaysAValueOfTheFormatAndTheNetworkLearns() {
        for (Precision p : List.of(Precision.FLOAT32, Precision.BFLOAT16, Precision.FLOAT16)) {
            for (RunSettings base : List.of(RunSettings.of(new Sgd.Config(0.5, 0.9, 0, false, 1e-3)),
                    RunSettings.of(new Adam.Config(0.02, 0.9, 0.999, 1e-3, 0, false, true)))) {
                Trainer t = trainer(base.with(LowPrecision.Config.of(p)), 300);
                double start = t.snapshot().trainLoss();
                assertRepresentable(t.snapshot(), p, "initial weights");
                t.step(300);
                TrainSnapshot s = t.snapshot();
                assertRepresentable(s, p, p + " " + base.optimizer().type());
                assertTrue(s.trainLoss() < 0.8 * start, p + " " + base.optimizer().type() + " learns: " + start + " → "
                        + s.trainLoss());
            }
        }
    }

    private static void assertRepresentable(TrainSnapshot s, Precision p, String what) {
        for (int i = 0; i < s.weightCount(); i++) {
            assertEquals(p.round(s.weight(i)), s.weight(i), 0.0, what + ", weight " + i);
        }
    }

    @Test
    void bfloat16LosesSmallUpdatesAndMasterWeightsKeepThem() {
        // lr·g is far below half an ulp of every weight (bfloat16 keeps 8 bits): nothing moves.
        RunSettings tiny = RunSettings.of(new Sgd.Config(1e-4, 0, 0, false, 0));
        Trainer lost = trainer(NO_BIAS, tiny.with(LowPrecision.Config.of(Precision.BFLOAT16)), 200);
        TrainSnapshot before = lost.snapshot();
        lost.step(200);
        TrainSnapshot after = lost.snapshot();
        for (int i = 0; i < after.weightCount(); i++) {
            assertEquals(before.weight(i), after.weight(i), 0.0, "weight " + i);
        }
        assertEquals(200, lost.updateChannel("precision.stalled"), 0.0, "every update stalled");
        assertEquals(1.0, lost.updateChannel("precision.frozen"), 0.0, "every pushed weight frozen");

        Trainer kept = trainer(NO_BIAS, tiny.with(new LowPrecision.Config(Precision.BFLOAT16, true, 1)), 2000);
        kept.step(2000);
        int moved = 0;
        for (int i = 0; i < before.weightCount(); i++) {
            moved += kept.snapshot().weight(i) != before.weight(i) ? 1 : 0;
        }
        assertTrue(moved > 0, "the master copy carries the small updates until weights move");
        assertTrue(kept.updateChannel("precision.frozen") < 1);
        assertTrue(Double.isNaN(trainer(tiny, 1).updateChannel("precision.stalled")), "float64 has no such channel");
    }
}
