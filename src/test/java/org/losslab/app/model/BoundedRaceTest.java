package org.losslab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.cli.Cli;
import org.losslab.engine.Cancellation;
import org.losslab.engine.Progress;
import org.losslab.engine.sim.Trajectory;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;
import org.losslab.format.scenario.ScenarioWriter;

/**
 * The app keeps at most {@link LabModel#KEPT_POINTS} points of a run (a doubling stride), short
 * races whole; its CSV export still has every row, byte for byte what {@code losslab run --csv}
 * writes; and what needs every point (the narration) gets them.
 */
class BoundedRaceTest {
    private static final int BOUND = LabModel.KEPT_POINTS;
    /** Above the bound, and not a multiple of the stride it ends with: the last point is off the stride. */
    private static final long LONG = 2L * BOUND + 12_345;

    @TempDir
    Path dir;

    /** Two runs on Rosenbrock that neither diverge nor stop: GD and Adam. */
    private static Scenario race(long steps) throws Exception {
        return ScenarioReader.read("{ \"format\": \"losslab-scenario/1\", \"title\": \"long race\", \"surface\": { \"type\": \"rosenbrock\" }, "
                + "\"start\": [-1.5, 2], \"steps\": " + steps + ", \"runs\": [ "
                + "{ \"label\": \"GD, \\\"slow\\\"\", \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.0002 } }, "
                + "{ \"optimizer\": { \"type\": \"adam\", \"lr\": 0.01 } } ] }", "race.json");
    }

    private static LabModel show(Scenario s) {
        LabModel model = new LabModel(Runnable::run, Runnable::run, Runnable::run);
        model.show(s);
        return model;
    }

    @Test
    void aRaceLongerThanTheBoundKeepsAtMostTheBoundPerRunEachATruePoint() throws Exception {
        Scenario s = race(LONG);
        LabModel model = show(s);
        List<Trajectory> full = s.simulation().run(Runnable::run, Cancellation.NEVER);
        for (int r = 0; r < 2; r++) {
            Trajectory kept = model.snapshot().trajectory(r), all = full.get(r);
            assertEquals(LONG + 1, all.size());
            assertTrue(kept.size() <= BOUND, "run " + r + ": " + kept.size() + " points");
            assertTrue(kept.size() > BOUND / 2, "a doubling stride keeps more than half the bound: " + kept.size());
            assertFalse(kept.complete());
            assertEquals(0, kept.step(0));
            assertEquals(LONG, kept.step(kept.size() - 1), "the last point");
            for (int i = 0; i < kept.size(); i++) {
                int k = (int) kept.step(i);
                assertEquals(all.x(k), kept.x(i), 0.0, "run " + r + " point " + i + " is step " + k);
                assertEquals(all.y(k), kept.y(i), 0.0);
                assertEquals(all.loss(k), kept.loss(i), 0.0);
            }
            // The playback step shows the kept point at or before it.
            int i = kept.indexAt(LONG - 1);
            assertTrue(kept.step(i) <= LONG - 1 && kept.step(i) > LONG - 1 - kept.stride());
        }
    }

    @Test
    void aRaceShorterThanTheBoundKeepsEveryPoint() throws Exception {
        LabModel model = show(race(BOUND - 1));
        for (int r = 0; r < 2; r++) {
            Trajectory t = model.snapshot().trajectory(r);
            assertTrue(t.complete(), "run " + r);
            assertEquals(BOUND, t.size());
            assertEquals(BOUND - 1, t.step(BOUND - 1));
        }
        assertFalse(show(race(BOUND)).snapshot().trajectory(0).complete(), "one point more than the bound");
        LabModel small = show(DefaultScenario.rosenbrockRace());
        assertEquals(1001, small.snapshot().trajectory(0).size());
        assertTrue(small.snapshot().trajectory(0).complete());
    }

    @Test
    void theExportOfAThinnedRaceIsByteForByteTheCommandLinesCsv() throws Exception {
        Scenario s = race(BOUND + 1000);
        LabModel model = show(s);
        assertFalse(model.snapshot().trajectory(0).complete(), "the app keeps it thinned");
        Path scenario = dir.resolve("race.json"), cli = dir.resolve("cli.csv"), app = dir.resolve("app.csv");
        ScenarioWriter.write(s, scenario);
        assertEquals(0, Cli.run(new String[] {"run", scenario.toString(), "--csv", cli.toString()}, System.out, System.err));
        AtomicInteger reports = new AtomicInteger();
        int[] last = {-1};
        Progress p = (done, total) -> {
            assertTrue(done >= last[0] && done <= total, done + " of " + total);
            last[0] = done;
            reports.incrementAndGet();
        };
        assertTrue(TrajectoryExport.write(model.scenario(), app, Cancellation.NEVER, p));
        assertEquals(-1L, Files.mismatch(cli, app), "the app's export is the command line's CSV");
        try (var lines = Files.lines(app)) {
            assertEquals(1 + 2 * (BOUND + 1001L), lines.count(), "every row of every run");
        }
        assertTrue(reports.get() >= 4, "progress while it writes: " + reports.get());
        assertEquals(TrajectoryExport.UNITS, last[0]);
    }

    @Test
    void aCancelledExportWritesNothingAndLeavesAnOldFileAsItWas() throws Exception {
        Scenario s = race(LONG);
        Path file = dir.resolve("old.csv");
        Files.writeString(file, "old\n");
        AtomicInteger polls = new AtomicInteger();
        assertFalse(TrajectoryExport.write(s, file, () -> polls.incrementAndGet() > 50, Progress.NONE));
        assertEquals("old\n", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
    }

    @Test
    void theNarrationOfAThinnedRunReplaysEveryPointUpToItsStep() throws Exception {
        Scenario s = race(LONG);
        LabModel model = show(s);
        Trajectory all = s.simulation().run(Runnable::run, Cancellation.NEVER).get(1);
        long k = 200_001;
        Trajectory prefix = LabModel.everyPointUpTo(model.snapshot(), 1, k);
        assertTrue(prefix.complete());
        assertTrue(prefix.size() >= k + 2 && prefix.size() < k + 2 + 1024, "stopped soon after step k + 1: " + prefix.size());
        for (int i = 0; i <= k + 1; i += 997) {
            assertEquals(all.x(i), prefix.x(i), 0.0);
        }
        assertEquals(all.x((int) k + 1), prefix.x((int) k + 1), 0.0);
        UpdateNarration n = UpdateNarration.of(s.runs().get(1), model.snapshot().surface(), prefix, (int) k);
        assertNotNull(n);
        assertEquals(UpdateNarration.of(s.runs().get(1), model.snapshot().surface(), all, (int) k), n,
                "the same narration as from a run kept whole");
        assertTrue(n.lines().get(0).startsWith("Update 200002 of"), n.lines().get(0));
        LabModel shortRace = show(race(100));
        assertSame(shortRace.snapshot().trajectory(0), LabModel.everyPointUpTo(shortRace.snapshot(), 0, 50),
                "a run kept whole is its own prefix");
        assertNull(LabModel.everyPointUpTo(null, 0, 5));
    }
}
