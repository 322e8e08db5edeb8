package org.losslab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.update.RunSettings;

/**
 * Langevin dynamics θ ← θ − η∇f + √(2ηT)·ξ on f = ½λ|θ|² is the AR(1) process
 * θ' = (1 − ηλ)θ + √(2ηT)ξ, whose stationary variance per coordinate is
 * 2ηT / (1 − (1 − ηλ)²) = 2T / (λ(2 − ηλ)). With λ = 1, η = 0.1, T = 0.5 that is 1/1.9.
 */
class LangevinStationaryTest {

    @Test
    void stationaryVarianceMatchesTheory() {
        double lambda = 1, lr = 0.1, temperature = 0.5;
        double expected = 2 * temperature / (lambda * (2 - lr * lambda));
        long steps = 400_000;
        long burnIn = 1_000;
        RunSettings run = RunSettings.of(new Sgd.Config(lr, 0, 0, false, 0), 0, 0).withNoiseTemperature(temperature);
        double[] sum = new double[2], sumSq = new double[2];
        long[] count = new long[1];
        new Simulation(new Quadratic(1, 0), List.of(run), steps, 42).runOne(0, (r, step, x, y, f, g, rate) -> {
            if (step >= burnIn) {
                sum[0] += x;
                sum[1] += y;
                sumSq[0] += x * x;
                sumSq[1] += y * y;
                count[0]++;
            }
        }, Cancellation.NEVER);
        for (int c = 0; c < 2; c++) {
            double mean = sum[c] / count[0];
            double var = sumSq[c] / count[0] - mean * mean;
            assertEquals(expected, var, 0.03 * expected, "coordinate " + c);
            assertEquals(0, mean, 0.02);
        }
    }

    @Test
    void noiseIsDeterministicPerSeedAndIndependentPerRun() {
        RunSettings run = RunSettings.of(new Sgd.Config(0.1, 0, 0, false, 0), 1, 1).withNoiseTemperature(0.5);
        Simulation a = new Simulation(new Quadratic(1, 0), List.of(run, run), 50, 7);
        List<Trajectory> first = a.run(Runnable::run, Cancellation.NEVER);
        List<Trajectory> second = a.run(Runnable::run, Cancellation.NEVER);
        assertEquals(first.get(0).x(50), second.get(0).x(50));
        org.junit.jupiter.api.Assertions.assertNotEquals(first.get(0).x(50), first.get(1).x(50));
        Trajectory otherSeed = new Simulation(new Quadratic(1, 0), List.of(run), 50, 8).run(Runnable::run, Cancellation.NEVER).get(0);
        org.junit.jupiter.api.Assertions.assertNotEquals(first.get(0).x(50), otherSeed.x(50));
    }
}
