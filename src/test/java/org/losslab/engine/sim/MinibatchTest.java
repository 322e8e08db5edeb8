package org.losslab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.surface.Regression;
import org.losslab.engine.update.RunSettings;

class MinibatchTest {
    final Regression data = new Regression(64, 0.5, 7, 2, -1);

    List<Trajectory> run(RunSettings... runs) {
        return new Simulation(data, List.of(runs), 300, 3).run(Runnable::run, Cancellation.NEVER);
    }

    @Test
    void batchOfEveryExampleIsExactlyFullBatchGradientDescent() {
        for (var opt : List.of(new Sgd.Config(0.3, 0.9, 0, false, 0), Adam.Config.adam().withLr(0.05))) {
            RunSettings full = RunSettings.of(opt, 0, 0);
            List<Trajectory> t = run(full, full.withBatchSize(64), full.withBatchSize(1000));
            for (int k = 0; k <= 300; k++) {
                assertEquals(t.get(0).x(k), t.get(1).x(k), "step " + k);
                assertEquals(t.get(0).y(k), t.get(1).y(k), "step " + k);
                assertEquals(t.get(0).x(k), t.get(2).x(k), "step " + k);
            }
        }
    }

    @Test
    void smallBatchesAreNoisyButDeterministicAndReportFullLoss() {
        RunSettings mini = RunSettings.of(new Sgd.Config(0.1, 0, 0, false, 0), 0, 0).withBatchSize(8);
        List<Trajectory> a = run(mini), b = run(mini);
        List<Trajectory> gd = run(RunSettings.of(new Sgd.Config(0.1, 0, 0, false, 0), 0, 0));
        assertEquals(a.get(0).x(300), b.get(0).x(300));
        assertNotEquals(gd.get(0).x(300), a.get(0).x(300));
        // The loss column is the full-batch loss at the point, whatever the minibatch.
        double[] g = new double[2];
        int k = 123;
        assertEquals(data.valueAndGradient(a.get(0).x(k), a.get(0).y(k), k, g), a.get(0).loss(k), 1e-15);
        // Near the least-squares solution, noisy SGD still hovers around it.
        assertEquals(data.leastSquaresW(), a.get(0).x(300), 0.5);
    }
}
