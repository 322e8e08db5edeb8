package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.update.RunSettings;

/** SGD's Armijo line search on a network: the trainer's objective is what the search evaluates. */
class ArmijoTrainingTest {
    @Test
    void aRateThatDivergesIsTamedAndTheFullBatchLossNeverRises() {
        Architecture arch = new Architecture(List.of(Feature.X1), new int[] {4}, Activation.TANH, Output.LINEAR, 1, true);
        DataSpec data = new DataSpec(DataKind.CURVE, 50, 0.1, 0, 0, false, 0, 1);
        Training training = new Training(arch, data.split(), Init.XAVIER.weights(arch, 1), 300, 0, List.of(
                RunSettings.of(new Sgd.Config(50, 0, 0, false, 0)),
                RunSettings.of(new Sgd.Config(50, 0, 0, false, 0, Sgd.LineSearch.ARMIJO))));
        Trainer plain = training.trainer(0);
        plain.step(300);
        assertTrue(plain.diverged(), "lr 50 diverges without the line search");

        Trainer armijo = training.trainer(1);
        double first = armijo.snapshot().trainLoss(), last = first;
        for (int k = 0; k < 300; k++) {
            armijo.step(1);
            double now = armijo.snapshot().trainLoss();
            assertTrue(now <= last, "step " + k + ": " + last + " → " + now);
            last = now;
        }
        assertFalse(armijo.diverged());
        assertTrue(last < 0.5 * first, first + " → " + last);
    }
}
