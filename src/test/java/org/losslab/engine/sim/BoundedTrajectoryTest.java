package org.losslab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;

/**
 * A bounded trajectory is the full one thinned by a doubling stride: at most the bound, step 0, the
 * last point and the divergence point kept, each kept point a true point labelled with its step,
 * and the gradient norm's interval minima exact; short runs keep every point.
 */
class BoundedTrajectoryTest {

    /** Feeds steps 0..n of a synthetic run (values a function of the step), NaN from {@code divergeAt}. */
    private static void feed(TrajectorySink t, long n, long divergeAt) {
        t.channels(0, List.of("c"));
        double[] c = new double[1];
        for (long s = 0; s <= n; s++) {
            boolean bad = s >= divergeAt;
            t.point(0, s, bad ? Double.NaN : s, -s, s * 0.5, bad ? Double.NaN : g(s), s == 0 ? Double.NaN : 1.0 / (s + 1));
            c[0] = 3 * s;
            t.channelValues(0, s, c);
            if (bad) {
                return;
            }
        }
    }

    /** A gradient norm with dips between the kept points, so interval minima are tested. */
    private static double g(long s) {
        return 1000.0 / (1 + s) + (s % 7 == 3 ? -0.9 * 1000.0 / (1 + s) : 0);
    }

    private static void checkAgainstFull(long n, int bound, long divergeAt) {
        Trajectory full = new Trajectory(n + 1), t = Trajectory.bounded(n + 1, bound);
        feed(full, n, divergeAt);
        feed(t, n, divergeAt);
        String what = n + " steps, bound " + bound + ", diverging at " + divergeAt;
        assertTrue(t.size() <= bound, what + ": " + t.size());
        assertEquals(Long.bitCount(t.stride()), 1, what + ": stride " + t.stride());
        if (full.size() <= bound) {
            assertEquals(full.size(), t.size(), what + ": shorter than the bound, every point");
            assertTrue(t.complete());
        } else {
            assertTrue(t.size() > bound / 2 - 1, what + ": after doubling at least half the bound, " + t.size());
        }
        assertEquals(0, t.step(0));
        assertEquals(full.step(full.size() - 1), t.step(t.size() - 1), what + ": the last point");
        assertEquals(full.divergedAt(), t.divergedAt());
        double least = Double.NaN;
        int next = 0;
        for (int s = 0; s < full.size(); s++) {
            if (Double.isFinite(full.gradNorm(s)) && !(full.gradNorm(s) >= least)) {
                least = full.gradNorm(s);
            }
            if (next < t.size() && t.step(next) == s) {
                int i = next++;
                assertEquals(full.x(s), t.x(i), what + " x at " + s);
                assertEquals(full.y(s), t.y(i));
                assertEquals(full.loss(s), t.loss(i));
                assertEquals(full.gradNorm(s), t.gradNorm(i), 0.0);
                assertEquals(full.lr(s), t.lr(i), 0.0);
                assertEquals(full.channel(0, s), t.channel(0, i), what + " channel at " + s);
                assertEquals(least, t.gradNormMin(i), 0.0, what + " least ‖∇f‖ up to step " + s);
                least = Double.NaN;
                assertEquals(i, t.indexAt(s));
                if (i + 1 < t.size()) {
                    assertEquals(i, t.indexAt(t.step(i + 1) - 1), "the point at or before");
                    assertTrue(i == t.size() - 2 || t.step(i + 1) - t.step(i) == t.stride(), "uniform stride");
                }
            }
        }
        assertEquals(t.size(), next, what + ": every kept point is a step of the run, in order");
        assertEquals(t.size() - 1, t.indexAt(Long.MAX_VALUE));
        assertEquals(0, t.indexAt(-5));
    }

    @Test
    void keepsAtMostTheBoundWithTheEndsAndTheDivergence() {
        for (long n : new long[] {0, 1, 7, 8, 9, 15, 16, 17, 100, 1000, 4097, 65_537}) {
            for (int bound : new int[] {2, 3, 8, 9, 64, 1000}) {
                checkAgainstFull(n, bound, Long.MAX_VALUE);
                checkAgainstFull(n, bound, n / 3 + 1);
            }
        }
    }

    @Test
    void aRunThatStopsEarlyKeepsTheFinestStrideItsLengthAllows() {
        Trajectory t = Trajectory.bounded(10_000_001, 1 << 10);
        feed(t, 10_000_000, 700);
        assertEquals(701, t.size(), "diverged at 700 of ten million: every point");
        assertEquals(700, t.step(700));
        assertTrue(t.complete());
    }

    @Test
    void unboundedIsEveryPoint() {
        Trajectory t = new Trajectory(10);
        feed(t, 1000, Long.MAX_VALUE);
        assertEquals(1001, t.size());
        assertEquals(1, t.stride());
        assertEquals(517, t.step(517));
        assertEquals(517, t.indexAt(517));
        assertEquals(t.gradNorm(5), t.gradNormMin(5), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Trajectory.bounded(10, 1));
    }

    @Test
    void aBoundedSimulationIsTheFullOneThinnedBitForBit() throws Exception {
        Scenario s = ScenarioReader.read("{ \"format\": \"losslab-scenario/1\", \"surface\": { \"type\": \"rosenbrock\" }, \"start\": [-1.5, 2], "
                + "\"steps\": 3000, \"runs\": [ { \"optimizer\": { \"type\": \"adam\", \"lr\": 0.05 } }, "
                + "{ \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.001 }, \"lookahead\": { \"k\": 5, \"alpha\": 0.5 } }, "
                + "{ \"optimizer\": { \"type\": \"sgd\", \"lr\": 1 } } ] }", "s");
        Simulation sim = s.simulation();
        List<Trajectory> full = sim.run(Runnable::run, Cancellation.NEVER);
        List<Trajectory> bounded = sim.run(Runnable::run, Cancellation.NEVER, i -> null, 500);
        for (int r = 0; r < 3; r++) {
            Trajectory f = full.get(r), t = bounded.get(r);
            assertTrue(t.size() <= 500);
            assertEquals(f.channelNames(), t.channelNames());
            for (int i = 0; i < t.size(); i++) {
                int k = (int) t.step(i);
                assertEquals(f.x(k), t.x(i), 0.0);
                assertEquals(f.y(k), t.y(i), 0.0);
                assertEquals(f.loss(k), t.loss(i), 0.0);
                for (int c = 0; c < t.channelNames().size(); c++) {
                    assertEquals(f.channel(c, k), t.channel(c, i), 0.0);
                }
            }
            assertEquals(f.step(f.size() - 1), t.step(t.size() - 1));
            assertEquals(f.divergedAt(), t.divergedAt());
        }
        assertFalse(bounded.get(0).complete(), "3000 steps in 500 points");
        assertTrue(bounded.get(2).diverged());
        assertTrue(bounded.get(2).complete(), "sgd at lr 1 diverges within the bound: every point");
    }

    @Test
    void aFixedStrideTrajectoryNamesItsSteps() throws Exception {
        Scenario s = ScenarioReader.read("{ \"format\": \"losslab-scenario/1\", \"surface\": { \"type\": \"rosenbrock\" }, \"start\": [-1.5, 2], "
                + "\"steps\": 1005, \"runs\": [ { \"optimizer\": { \"type\": \"adam\", \"lr\": 0.05 } } ] }", "s");
        Trajectory t = s.simulation().runDecimated(Runnable::run, Cancellation.NEVER, 101).get(0);
        assertEquals(Decimation.every(1005, 101), t.stride());
        assertEquals(11, t.stride());
        assertEquals(110, t.step(10));
        assertEquals(1005, t.step(t.size() - 1));
        assertEquals(10, t.indexAt(119));
        assertEquals(t.size() - 1, t.indexAt(1005));
    }
}
