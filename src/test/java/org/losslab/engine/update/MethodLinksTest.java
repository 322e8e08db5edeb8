package org.losslab.engine.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Simulation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.surface.Surface;

/** The new links on the surfaces: what each does to a path, beyond the reference trajectories. */
class MethodLinksTest {
    private static final Sgd.Config SGD = new Sgd.Config(0.1, 0, 0, false, 0);

    private static Trajectory run(Surface s, RunSettings r, long steps, long seed) {
        return new Simulation(s, List.of(r), steps, seed).run(Runnable::run, Cancellation.NEVER).get(0);
    }

    @Test
    void clipValueBoundsEveryCoordinateOfTheStep() {
        // SGD's step is −lr·g, so with clipValue v every coordinate moves by at most lr·v.
        RunSettings r = RunSettings.of(SGD, -1.5, 2).with(new ClipValue.Config(0.3));
        Trajectory t = run(new Rosenbrock(1, 100), r, 50, 0);
        boolean clipped = false;
        for (int k = 1; k < t.size(); k++) {
            double dx = Math.abs(t.x(k) - t.x(k - 1)), dy = Math.abs(t.y(k) - t.y(k - 1));
            assertTrue(dx <= 0.03 + 1e-15 && dy <= 0.03 + 1e-15, "step " + k + ": " + dx + ", " + dy);
            clipped |= dx == 0.030000000000000002 || dy == 0.030000000000000002 || Math.abs(dx - 0.03) < 1e-15;
        }
        assertTrue(clipped, "some step is clipped on Rosenbrock's walls");
    }

    @Test
    void linksThatChangeNothingAreDroppedAndLeaveThePathBitForBit() {
        RunSettings plain = RunSettings.of(new Adam.Config(0.05, 0.9, 0.999, 1e-8, 0, false, false), -1.5, 2);
        RunSettings neutral = plain.with(new ElasticNetPenalty.Config(0, 0)).with(new ClipValue.Config(Double.POSITIVE_INFINITY))
                .with(new Lookahead.Config(5, 1)).with(new Asam.Config(0));
        assertEquals(plain, neutral);
        // A huge clip value is kept but clamps nothing: the same path to the last bit.
        Trajectory a = run(new Rosenbrock(1, 100), plain, 300, 0);
        Trajectory b = run(new Rosenbrock(1, 100), plain.with(new ClipValue.Config(1e300)), 300, 0);
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.x(k), b.x(k));
            assertEquals(a.y(k), b.y(k));
        }
    }

    @Test
    void l2AsALossTermIsSgdWeightDecayButNotAdamW() {
        // For SGD, the coupled L2 term's gradient λθ is exactly torch's weight_decay.
        Trajectory l2 = run(new Quadratic(10, 20), RunSettings.of(SGD, 2, -1).with(new ElasticNetPenalty.Config(0, 0.4)), 80, 0);
        Trajectory wd = run(new Quadratic(10, 20), RunSettings.of(new Sgd.Config(0.1, 0, 0, false, 0.4), 2, -1), 80, 0);
        for (int k = 0; k < l2.size(); k++) {
            assertEquals(wd.x(k), l2.x(k), 1e-15);
            assertEquals(wd.y(k), l2.y(k), 1e-15);
        }
        // With Adam the two differ: Adam + L2 divides the penalty by √v, AdamW does not.
        Adam.Config adam = new Adam.Config(0.05, 0.9, 0.999, 1e-8, 0, false, false);
        Trajectory adamL2 = run(new Rosenbrock(1, 100), RunSettings.of(adam, -1, 1.5).with(new ElasticNetPenalty.Config(0, 0.4)), 3000, 0);
        Trajectory adamW = run(new Rosenbrock(1, 100),
                RunSettings.of(new Adam.Config(0.05, 0.9, 0.999, 1e-8, 0.4, false, true), -1, 1.5), 3000, 0);
        assertTrue(Math.hypot(adamL2.x(3000) - adamW.x(3000), adamL2.y(3000) - adamW.y(3000)) > 1e-2,
                "Adam + L2 at (" + adamL2.x(3000) + ", " + adamL2.y(3000) + "), AdamW at (" + adamW.x(3000) + ", " + adamW.y(3000) + ")");
    }

    @Test
    void asamProbesFurtherAlongTheLargerCoordinate() {
        // On f = ½(x² + y²) from (2, 0.1), SAM's probe is along g ∝ θ; ASAM's, T²g ∝ (|θ|+η)²θ, leans toward x.
        Quadratic bowl = new Quadratic(1, 0);
        Trajectory sam = run(bowl, RunSettings.of(SGD, 2, 0.1).with(new Sam.Config(0.5)), 1, 0);
        Trajectory asam = run(bowl, RunSettings.of(SGD, 2, 0.1).with(new Asam.Config(0.5)), 1, 0);
        // g at the probe is θ + e (the bowl's gradient), so the step reveals e: θ₁ = θ − lr(θ + e).
        double ex = (2 - asam.x(1)) / 0.1 - 2, ey = (0.1 - asam.y(1)) / 0.1 - 0.1;
        double tx = 2.01, ty = 0.11, n = Math.hypot(tx * 2, ty * 0.1);
        assertEquals(0.5 * tx * tx * 2 / n, ex, 1e-12);
        assertEquals(0.5 * ty * ty * 0.1 / n, ey, 1e-12);
        double samEy = (0.1 - sam.y(1)) / 0.1 - 0.1;
        assertTrue(ey / ex < samEy / ((2 - sam.x(1)) / 0.1 - 2), "ASAM's probe is more along x than SAM's");
    }

    @Test
    void lookaheadJumpsBackEveryKUpdatesAndReportsTheSlowPath() {
        RunSettings r = RunSettings.of(new Sgd.Config(0.002, 0.9, 0, false, 0), -1.5, 2).with(new Lookahead.Config(5, 0.5));
        Trajectory t = run(new Rosenbrock(1, 100), r, 40, 0);
        int sx = t.channel("lookahead.x"), sy = t.channel("lookahead.y");
        assertTrue(sx >= 0 && sy >= 0, "channels " + t.channelNames());
        assertEquals(-1.5, t.channel(sx, 1));
        for (int k = 5; k <= 40; k += 5) {
            // After the k-th update the fast point sits on the slow one.
            assertEquals(t.channel(sx, k), t.x(k));
            assertEquals(t.channel(sy, k), t.y(k));
            assertEquals(t.channel(sx, k - 1), t.channel(sx, k - 4));
        }
        assertNotEquals(t.x(7), t.channel(sx, 7));
    }

    @Test
    void swaSitsNearerTheMinimumThanTheNoisyIterate() {
        // Langevin SGD on a bowl: the iterate jitters around 0 with variance ~T/λ; the average of 2000 iterates does not.
        RunSettings r = RunSettings.of(SGD, 2, 2).withNoiseTemperature(0.05).with(new StochasticWeightAveraging.Config(100, 1,
                Double.NaN, 10, true));
        Trajectory t = run(new Quadratic(1, 0), r, 2100, 5);
        int ax = t.channel("swa.x"), ay = t.channel("swa.y");
        assertTrue(Double.isNaN(t.channel(ax, 100)), "nothing averaged before start");
        assertEquals(t.x(101), t.channel(ax, 101), "the first averaged point is the iterate");
        double iterate = 0, average = 0;
        for (int k = 1100; k <= 2100; k++) {
            iterate += Math.hypot(t.x(k), t.y(k));
            average += Math.hypot(t.channel(ax, k), t.channel(ay, k));
        }
        assertTrue(average < iterate / 5, "mean distance to the minimum: average " + average / 1001 + ", iterate " + iterate / 1001);
    }

    @Test
    void swalrAnnealsTheRateToSwaLr() {
        RunSettings r = RunSettings.of(SGD, 2, 2).with(new StochasticWeightAveraging.Config(10, 1, 0.02, 4, false));
        Trajectory t = run(new Quadratic(1, 0), r, 20, 0);
        // lr of the row k is the rate of update k − 1: 0.1 through update 10, then linear to 0.02 over 4 updates.
        assertEquals(0.1, t.lr(11));
        assertEquals(0.08, t.lr(12), 1e-15);
        assertEquals(0.06, t.lr(13), 1e-15);
        assertEquals(0.02, t.lr(15), 1e-15);
        assertEquals(0.02, t.lr(20), 1e-15);
    }

    @Test
    void esEstimatesTheGradientAndReportsItsPopulation() {
        // On a quadratic the antithetic estimate without shaping is unbiased for ∇f; with a large
        // population one estimate is close. lr = 1 SGD from θ makes the step −g itself.
        Quadratic q = new Quadratic(4, 0);
        RunSettings r = RunSettings.of(new Sgd.Config(1, 0, 0, false, 0), 1, 1)
                .with(new EvolutionStrategyGradient.Config(10_000, 0.1, true, false));
        Trajectory t = run(q, r, 1, 3);
        double gx = 1 - t.x(1), gy = 1 - t.y(1);
        assertEquals(1, gx, 0.05);
        assertEquals(4, gy, 0.2);
        int k = t.channel("es.x0");
        assertTrue(k >= 0 && t.channel("es.y31") >= 0 && t.channel("es.x32") < 0, "32 samples drawn: " + t.channelNames().size());
        assertEquals(1, t.channel(k, 1), 0.5);
        // With rank shaping an ES run with Adam still descends, and one seed replays exactly.
        RunSettings shaped = RunSettings.of(new Adam.Config(0.05, 0.9, 0.999, 1e-8, 0, false, false), -1.5, 2)
                .with(new EvolutionStrategyGradient.Config(8, 0.05, true, true));
        Trajectory a = run(new Rosenbrock(1, 100), shaped, 1500, 9), b = run(new Rosenbrock(1, 100), shaped, 1500, 9);
        assertTrue(a.loss(1500) < 0.05 * a.loss(0), "loss " + a.loss(0) + " → " + a.loss(1500));
        assertEquals(a.x(1500), b.x(1500));
        assertNotEquals(a.x(1500), run(new Rosenbrock(1, 100), shaped, 1500, 10).x(1500));
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ClipValue.Config(0));
        assertThrows(IllegalArgumentException.class, () -> new ElasticNetPenalty.Config(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Lookahead.Config(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Lookahead.Config(5, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new EvolutionStrategyGradient.Config(7, 0.1, true, true));
        assertThrows(IllegalArgumentException.class, () -> new StochasticWeightAveraging.Config(-1, 1, Double.NaN, 10, true));
        // SAM and ASAM share step 2: a run has one or the other.
        RunSettings r = RunSettings.of(SGD).with(new Sam.Config(0.1)).with(new Asam.Config(0.3));
        assertEquals(new Asam.Config(0.3), r.transform(Stage.SAM));
        assertEquals(1, r.transforms().size());
        assertThrows(IllegalArgumentException.class, () -> new RunSettings(SGD, new org.losslab.engine.schedule.ConstantSchedule(),
                0, 0, null, List.of(new Sam.Config(0.1), new Asam.Config(0.2))));
    }

    @Test
    void aMixedBatchIsEachRunDoneAloneEvenAfterCompaction() {
        // One batch (as a sweep builds): SAM beside ASAM, links beside plain runs, ES populations of
        // different sizes, and a run that diverges early so the last slots move into its place.
        Sgd.Config sgd = new Sgd.Config(0.002, 0.5, 0, false, 0);
        List<RunSettings> runs = List.of(
                RunSettings.of(new Sgd.Config(0.05, 0, 0, false, 0), -1.5, 2),
                RunSettings.of(sgd, -1.5, 2).with(new Sam.Config(0.05)),
                RunSettings.of(sgd, -1.5, 2).with(new Asam.Config(0.05)).with(new ClipValue.Config(5)),
                RunSettings.of(sgd, -1.2, 1).with(new Lookahead.Config(3, 0.6)).with(new ElasticNetPenalty.Config(0.01, 0.02)),
                RunSettings.of(sgd, -1.2, 1).with(new StochasticWeightAveraging.Config(10, 2, 0.001, 5, true)),
                RunSettings.of(sgd, -1.2, 1).with(new EvolutionStrategyGradient.Config(6, 0.05, true, true)),
                RunSettings.of(sgd, -1.2, 1).with(new EvolutionStrategyGradient.Config(3, 0.1, false, false)),
                RunSettings.of(sgd, -1.2, 1));
        int[] index = {0, 1, 2, 3, 4, 5, 6, 7};
        org.losslab.engine.sim.Stepper batch = new org.losslab.engine.sim.Stepper(new Rosenbrock(1, 100), runs, index, 60, 3);
        List<Trajectory> together = new java.util.ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            together.add(new Trajectory(61));
        }
        batch.run(new org.losslab.engine.sim.TrajectorySink() {
            @Override
            public void point(int run, long step, double x, double y, double f, double g, double lr) {
                together.get(run).point(run, step, x, y, f, g, lr);
            }

            @Override
            public void channels(int run, List<String> names) {
                together.get(run).channels(run, names);
            }

            @Override
            public void channelValues(int run, long step, double[] values) {
                together.get(run).channelValues(run, step, values);
            }
        }, Cancellation.NEVER);
        assertTrue(together.get(0).diverged(), "run 0 diverges and leaves the batch");
        for (int r = 1; r < runs.size(); r++) {
            int[] one = {r};
            Trajectory alone = new Trajectory(61);
            new org.losslab.engine.sim.Stepper(new Rosenbrock(1, 100), List.of(runs.get(r)), one, 60, 3).run(alone, Cancellation.NEVER);
            Trajectory t = together.get(r);
            assertEquals(alone.size(), t.size(), "run " + r);
            for (int k = 0; k < alone.size(); k++) {
                assertEquals(alone.x(k), t.x(k), "run " + r + " step " + k);
                assertEquals(alone.y(k), t.y(k), "run " + r + " step " + k);
                assertEquals(alone.lr(k), t.lr(k), "run " + r + " step " + k);
            }
            for (String name : alone.channelNames()) {
                int a = alone.channel(name), b = t.channel(name);
                assertTrue(b >= 0, "run " + r + " channel " + name);
                for (int k = 1; k < alone.size(); k++) {
                    assertEquals(alone.channel(a, k), t.channel(b, k), "run " + r + " " + name + " at " + k);
                }
            }
        }
    }
}
