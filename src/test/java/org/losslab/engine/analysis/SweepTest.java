package org.losslab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.Progress;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.schedule.CosineSchedule;
import org.losslab.engine.sim.Simulation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.DoubleWell;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.update.RunSettings;

class SweepTest {
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** Runs cell (i, j) of a sweep alone, as scenario run {@code runIndex} next to another run. */
    private static Trajectory alone(Sweep s, int i, int j) {
        RunSettings other = RunSettings.of(Sgd.Config.defaults(), 0, 0);
        List<RunSettings> runs = s.runIndex() == 0 ? List.of(s.cell(i, j)) : List.of(other, s.cell(i, j));
        Trajectory t = new Trajectory(s.steps() + 1);
        new Simulation(s.surface(), runs, s.steps(), s.seed()).runOne(s.runIndex(), t, Cancellation.NEVER);
        return t;
    }

    private static void assertCellsAreRunsAlone(Sweep s) {
        SweepResult r = s.run(pool, 2, Cancellation.NEVER, Progress.NONE);
        int checked = 0;
        for (int j = 0; j < s.y().count(); j += 3) {
            for (int i = 0; i < s.x().count(); i += 2) {
                Trajectory t = alone(s, i, j);
                int last = t.size() - 1;
                String where = "cell (" + i + ", " + j + ")";
                assertEquals(t.diverged() ? t.divergedAt() : -1, r.divergedAt(i, j), where);
                assertEquals(Double.doubleToRawLongBits(t.loss(last)), Double.doubleToRawLongBits(r.finalLoss(i, j)), where);
                assertEquals(Double.doubleToRawLongBits(t.x(last)), Double.doubleToRawLongBits(r.finalX(i, j)), where);
                assertEquals(Double.doubleToRawLongBits(t.y(last)), Double.doubleToRawLongBits(r.finalY(i, j)), where);
                checked++;
            }
        }
        assertTrue(checked >= 12, checked + " cells checked");
    }

    @Test
    void aCellIsBitForBitTheRunDoneAlone() {
        Sweep s = new Sweep(new Rosenbrock(1, 100), 400, 0, 0, Axis.log("optimizer.lr", 1e-4, 1e-1, 16),
                Axis.linear("optimizer.momentum", 0, 0.99, 12),
                (lr, mu) -> RunSettings.of(new Sgd.Config(lr, mu, 0, false, 0), -1.5, 2), 1e-3);
        SweepResult r = s.run(pool, 2, Cancellation.NEVER, Progress.NONE);
        assertTrue(r.divergedCount() > 0 && r.divergedCount() < 16 * 12, "some but not all cells diverge");
        assertCellsAreRunsAlone(s);
    }

    @Test
    void noisySamCellsReplayTheirScenarioRunsNoise() {
        // Run 1 of a scenario, varied over temperature and SAM radius with a schedule: each cell must
        // draw run 1's noise stream, not a stream of its own.
        Sweep s = new Sweep(DoubleWell.defaults(), 300, 42, 1, Axis.log("noiseTemperature", 0.01, 0.5, 8),
                Axis.linear("samRho", 0, 0.2, 7),
                (temp, rho) -> RunSettings.of(new Adam.Config(0.05, 0.9, 0.999, 1e-8, 0, false, false), -1.5, 0.2)
                        .withNoiseTemperature(temp).withSamRho(rho).withSchedule(new CosineSchedule(null, 0.0)),
                Double.NEGATIVE_INFINITY);
        assertCellsAreRunsAlone(s);
    }

    /**
     * Heavy-ball momentum on a quadratic converges exactly when 0 &lt; η·λ &lt; 2(1 + β) for every
     * eigenvalue λ (Polyak 1964); here λmax = κ = 10. Away from the boundary (±10 %) the runs must
     * diverge outside and converge inside.
     */
    @Test
    void divergedRegionIsTheHeavyBallStabilityCondition() {
        double kappa = 10;
        Sweep s = new Sweep(new Quadratic(kappa, 30), 5000, 0, 0, Axis.log("optimizer.lr", 1e-3, 1, 40),
                Axis.linear("optimizer.momentum", 0, 0.95, 30),
                (lr, mu) -> RunSettings.of(new Sgd.Config(lr, mu, 0, false, 0), 1, 1), Double.NEGATIVE_INFINITY);
        SweepResult r = s.run(pool, 2, Cancellation.NEVER, Progress.NONE);
        int inside = 0, outside = 0;
        for (int j = 0; j < r.height(); j++) {
            for (int i = 0; i < r.width(); i++) {
                double limit = HeavyBall.maxStableLr(kappa, s.y().value(j));
                double lr = s.x().value(i);
                if (lr > 1.1 * limit) {
                    assertTrue(r.diverged(i, j), "lr " + lr + ", β " + s.y().value(j) + " should diverge");
                    outside++;
                } else if (lr < 0.9 * limit) {
                    assertFalse(r.diverged(i, j), "lr " + lr + ", β " + s.y().value(j) + " should not diverge");
                    inside++;
                }
            }
        }
        assertTrue(inside > 200 && outside > 200, inside + " inside, " + outside + " outside");
    }

    @Test
    void cancellingMidwayStopsPromptly() {
        // 512 × 64 cells of 10⁶ steps: hours of work, unless cancel is honoured.
        Surface surface = new Quadratic(10, 0);
        Sweep s = new Sweep(surface, 1_000_000, 0, 0, Axis.log("optimizer.lr", 1e-4, 1e-2, 512),
                Axis.linear("optimizer.momentum", 0, 0.9, 64),
                (lr, mu) -> RunSettings.of(new Sgd.Config(lr, mu, 0, false, 0), 1, 1), Double.NEGATIVE_INFINITY);
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicInteger reports = new AtomicInteger();
        Sweep.SweepJob job = s.job();
        pool.submit(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancel.set(true);
        });
        long t0 = System.nanoTime();
        SweepResult r = job.run(pool, 1, cancel::get, (done, total) -> reports.incrementAndGet());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertNull(r, "a cancelled sweep has no result");
        assertTrue(seconds < 3, "stopped after " + seconds + " s");
        SweepResult partial = job.snapshot();
        assertFalse(partial.complete());
        assertEquals(reports.get(), job.rowsDone());
    }

    @Test
    void snapshotsShowRowsAsTheyFinish() {
        Sweep s = new Sweep(new Quadratic(4, 0), 200, 0, 0, Axis.log("optimizer.lr", 1e-3, 1, 8),
                Axis.linear("optimizer.momentum", 0, 0.9, 5),
                (lr, mu) -> RunSettings.of(new Sgd.Config(lr, mu, 0, false, 0), 1, 1), 1e-6);
        Sweep.SweepJob job = s.job();
        assertFalse(job.snapshot().rowDone(0));
        AtomicInteger last = new AtomicInteger();
        SweepResult r = job.run(Runnable::run, 1, Cancellation.NEVER, (done, total) -> {
            assertEquals(5, total);
            assertEquals(last.get() + 1, done);
            last.set(done);
        });
        assertTrue(r.complete());
        assertEquals(5, last.get());
        assertTrue(r.reachedAt(6, 0) > 0, "lr 0.37 converges on κ = 4 within 200 steps");
    }
}
