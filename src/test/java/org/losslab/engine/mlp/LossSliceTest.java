package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.update.RunSettings;

class LossSliceTest {

    @Test
    void sliceThroughTrainedWeightsProjectsThePathAndMatchesDirectEvaluation() throws Exception {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {5}, Activation.TANH, Output.SIGMOID, 1, true);
        DataSpec data = new DataSpec(DataKind.MOONS, 200, 0.1, 0.5, 2, false, 0, 1);
        Training training = new Training(arch, data.split(), Init.XAVIER.weights(arch, 1), 200, 0,
                List.of(RunSettings.of(new Adam.Config(0.05, 0.9, 0.999, 1e-8, 0, false, false))));
        Trainer t = training.trainer(0);
        List<double[]> path = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            path.add(t.weights());
            t.step(10);
        }
        double[] center = t.weights();
        double[] d1 = LossSlice.filterNormalized(arch, center, 1);
        // Filter normalization: each row of d has the norm of the same row of θ*, biases 0.
        int row = arch.weightIndex(1, 0, 0);
        double dn = 0, cn = 0;
        for (int k = 0; k < 5; k++) {
            dn += d1[row + k] * d1[row + k];
            cn += center[row + k] * center[row + k];
        }
        assertEquals(Math.sqrt(cn), Math.sqrt(dn), 1e-12);
        assertEquals(0.0, d1[arch.biasOffset(0)]);

        double[][] pca = LossSlice.pca(path, center);
        double[] ab = LossSlice.project(center, pca[0], pca[1], center);
        assertEquals(0.0, ab[0], 1e-12);
        assertEquals(0.0, ab[1], 1e-12);
        double[] shifted = center.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 0.3 * pca[0][i] - 0.2 * pca[1][i];
        }
        ab = LossSlice.project(center, pca[0], pca[1], shifted);
        assertEquals(0.3, ab[0], 1e-12);
        assertEquals(-0.2, ab[1], 1e-12);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            AtomicInteger reported = new AtomicInteger();
            LossSlice.Grid g = LossSlice.compute(arch, training.data().train(), center, pca[0], pca[1], -1, 1, -1, 1, 11,
                    pool, (done, total) -> reported.accumulateAndGet(done, Math::max), () -> false);
            assertEquals(11, reported.get());
            // The centre of the grid is θ* itself: the trainer's own training loss.
            assertEquals(t.snapshot().trainLoss(), g.at(5, 5), 1e-12);
            assertNull(LossSlice.compute(arch, training.data().train(), center, pca[0], pca[1], -1, 1, -1, 1, 11,
                    pool, (done, total) -> { }, () -> true));
        } finally {
            pool.shutdown();
        }

        // The same plane as a Surface: values agree with the grid, gradients with finite differences.
        SliceSurface surface = new SliceSurface(arch, training.data().train(), center, pca[0], pca[1],
                new org.losslab.engine.surface.Window(-1, 1, -1, 1));
        assertEquals(t.snapshot().trainLoss(), surface.value(0, 0, 0), 1e-12);
        double[] g = new double[2];
        double f = surface.valueAndGradient(0.3, -0.4, 0, g);
        double h = 1e-6;
        assertEquals((surface.value(0.3 + h, -0.4, 0) - surface.value(0.3 - h, -0.4, 0)) / (2 * h), g[0], 1e-6 * Math.max(1, Math.abs(g[0])));
        assertEquals((surface.value(0.3, -0.4 + h, 0) - surface.value(0.3, -0.4 - h, 0)) / (2 * h), g[1], 1e-6 * Math.max(1, Math.abs(g[1])));
        double[] hess = new double[3];
        surface.hessian(0.3, -0.4, 0, hess);
        double fxx = (surface.value(0.3 + 1e-3, -0.4, 0) - 2 * f + surface.value(0.3 - 1e-3, -0.4, 0)) / 1e-6;
        assertEquals(fxx, hess[0], 1e-4 * Math.max(1, Math.abs(fxx)));
    }
}
