package org.losslab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;

/** A bounded picture of a long run: every k-th point and the last, the diverged point kept, short runs untouched. */
class DecimationTest {
    private static List<Long> stepsPassed(long steps, long points, long divergeAt) {
        List<Long> seen = new ArrayList<>();
        Decimation d = new Decimation((run, step, x, y, loss, g, lr) -> seen.add(step), steps, points);
        for (long s = 0; s <= Math.min(steps, divergeAt); s++) {
            d.point(0, s, s == divergeAt ? Double.NaN : 0, 0, 0, 0, 0);
        }
        return seen;
    }

    @Test
    void everyKthPointAndTheLast() {
        assertEquals(List.of(0L, 4L, 8L, 10L), stepsPassed(10, 4, -1 >>> 1));
        assertEquals(4, Decimation.kept(10, 4));
        assertEquals(List.of(0L, 3L, 6L, 9L), stepsPassed(9, 4, Long.MAX_VALUE));
        assertEquals(4, Decimation.kept(9, 4));
        assertEquals(List.of(0L, 4L, 7L), stepsPassed(10, 4, 7), "the point where it diverged");
        for (long steps : new long[] {1, 2, 99, 100, 101, 9_999_999, 10_000_000}) {
            long kept = Decimation.kept(steps, 100);
            assertTrue(kept <= 101, steps + ": " + kept);
        }
        assertEquals(11, stepsPassed(10, 11, Long.MAX_VALUE).size(), "no bound reached: every point");
    }

    @Test
    void aBoundedRunIsTheFullRunThinned() throws Exception {
        Scenario s = ScenarioReader.read("{ \"format\": \"losslab-scenario/1\", \"surface\": { \"type\": \"rosenbrock\" }, \"start\": [-1.5, 2], "
                + "\"steps\": 1000, \"runs\": [ { \"optimizer\": { \"type\": \"adam\", \"lr\": 0.05 } }, "
                + "{ \"optimizer\": { \"type\": \"cmaes\" } }, { \"optimizer\": { \"type\": \"sgd\", \"lr\": 1 } } ] }", "s");
        Simulation sim = s.simulation();
        List<Trajectory> full = sim.run(Runnable::run, Cancellation.NEVER);
        List<Trajectory> same = sim.runDecimated(Runnable::run, Cancellation.NEVER, 1001);
        List<Trajectory> thin = sim.runDecimated(Runnable::run, Cancellation.NEVER, 101);
        for (int r = 0; r < 3; r++) {
            Trajectory f = full.get(r), t = thin.get(r);
            assertEquals(f.size(), same.get(r).size());
            assertEquals(f.divergedAt(), t.divergedAt());
            long every = 10;
            for (int k = 0; k < t.size() - 1; k++) {
                assertEquals(f.x((int) (k * every)), t.x(k));
                assertEquals(f.loss((int) (k * every)), t.loss(k));
            }
            assertEquals(f.x(f.size() - 1), t.x(t.size() - 1), "the last point");
            assertEquals(f.channelNames(), t.channelNames());
        }
        assertTrue(full.get(2).diverged(), "sgd at lr 1 diverges on Rosenbrock");
    }
}
