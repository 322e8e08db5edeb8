package org.losslab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A network's run (one run, stride 1, many weights) takes Adam's loop over the coordinates; it must
 * be bit for bit the general loop, which the same run takes as slot 0 of a batch of two.
 */
class AdamOneRunTest {
    static final int DIM = 337, STEPS = 60;

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of(new Adam.Config(0.01, 0.9, 0.999, 1e-8, 0, false, false)),
                Arguments.of(new Adam.Config(0.003, 0.8, 0.99, 1e-6, 0.05, false, true)),
                Arguments.of(Adam.Config.adamW()),
                Arguments.of(new Adam.Config(0.01, 0.9, 0.999, 1e-8, 0, false, false, false)),
                // coupled weight decay and amsgrad keep the general loop; stepped here all the same
                Arguments.of(new Adam.Config(0.01, 0.9, 0.999, 1e-8, 0.1, false, false)),
                Arguments.of(new Adam.Config(0.01, 0.9, 0.999, 1e-8, 0, true, false)));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void oneRunEqualsTheGeneralLoop(Adam.Config config) {
        Optimizer alone = OptimizerConfig.create(DIM, 1, List.of(config));
        Optimizer batch = OptimizerConfig.create(DIM, 2, List.of(config, config.withLr(0.02)));
        SplittableRandom rng = new SplittableRandom(7);
        double[] theta = new double[DIM], thetaB = new double[2 * DIM];
        for (int c = 0; c < DIM; c++) {
            theta[c] = rng.nextDouble(-1, 1);
            thetaB[2 * c] = theta[c];
            thetaB[2 * c + 1] = -theta[c];
        }
        double[] g = new double[DIM], gB = new double[2 * DIM];
        double[] loss = {0}, lossB = {0, 0};
        for (int t = 0; t < STEPS; t++) {
            for (int c = 0; c < DIM; c++) {
                // magnitudes over many decades, exact zeros, and at one step an overflowing square
                double x = rng.nextDouble(-1, 1) * Math.pow(10, rng.nextInt(-12, 4));
                g[c] = c % 17 == 0 ? 0 : t == 40 && c == 5 ? 1e200 : x;
                gB[2 * c] = g[c];
                gB[2 * c + 1] = 0.5 * g[c];
            }
            alone.step(1, theta, g, loss, new double[] {config.lr()}, null);
            batch.step(2, thetaB, gB, lossB, new double[] {config.lr(), 0.02}, null);
            double[] slot0 = new double[DIM];
            for (int c = 0; c < DIM; c++) {
                slot0[c] = thetaB[2 * c];
            }
            assertArrayEquals(slot0, theta, "step " + (t + 1));
        }
    }
}
