package org.losslab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.update.RunSettings;

class SimulationCancelTest {

    @Test
    void cancellationStopsEveryRunWithinAThousandUpdates() throws Exception {
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicLong points = new AtomicLong();
        RunSettings run = RunSettings.of(new Sgd.Config(1e-4, 0.9, 0, false, 0), -1.5, 2);
        Simulation sim = new Simulation(new Rosenbrock(1, 100), Collections.nCopies(4, run), 10_000_000, 0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            TrajectorySink counting = (r, step, x, y, f, g, lr) -> {
                if (points.incrementAndGet() == 50_000) {
                    cancel.set(true);
                }
            };
            boolean completed = sim.runOne(0, counting, cancel::get);
            assertEquals(false, completed);
            assertTrue(points.get() < 50_000 + 1025, "stopped promptly: " + points.get());
            assertNull(sim.run(pool, () -> true), "a cancelled simulation hands back nothing");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelRunsEqualSequentialRuns() {
        List<RunSettings> runs = List.of(RunSettings.of(new Sgd.Config(1e-3, 0, 0, false, 0), -1.5, 2),
                RunSettings.of(Adam.Config.adam().withLr(0.05), -1.5, 2),
                RunSettings.of(new Sgd.Config(5e-4, 0.9, 0, true, 0), 0, 0));
        Simulation sim = new Simulation(new Rosenbrock(1, 100), runs, 500, 0);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Trajectory> parallel = sim.run(pool, Cancellation.NEVER);
            List<Trajectory> serial = sim.run(Runnable::run, Cancellation.NEVER);
            for (int i = 0; i < runs.size(); i++) {
                assertEquals(501, parallel.get(i).size());
                for (int k = 0; k <= 500; k++) {
                    assertEquals(serial.get(i).x(k), parallel.get(i).x(k));
                    assertEquals(serial.get(i).loss(k), parallel.get(i).loss(k));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
