package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.Snapshot;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;

/** The run table's figures from a run kept thinned: the final loss and divergence exact, the tolerance step bracketed. */
class RunTableRowsTest {

    private static long firstUnder(Trajectory t, double tol) {
        for (int k = 0; k < t.size(); k++) {
            if (t.gradNorm(k) < tol) {
                return k;
            }
        }
        return -1;
    }

    @Test
    void aThinnedRunsToleranceStepIsBracketedAndItsEndExact() throws Exception {
        long steps = LabModel.KEPT_POINTS + 50_000L;
        Scenario s = ScenarioReader.read("{ \"format\": \"losslab-scenario/1\", \"surface\": { \"type\": \"quadratic\" }, "
                + "\"start\": [-2.5, 1.5], \"steps\": " + steps + ", \"runs\": [ "
                + "{ \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.00002, \"momentum\": 0.9 } }, "
                + "{ \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.25 }, \"warmupSteps\": 180000, \"noiseTemperature\": 1e-8 } ] }",
                "s.json");
        var sim = s.simulation();
        List<Trajectory> full = sim.run(Runnable::run, Cancellation.NEVER);
        List<Trajectory> kept = sim.run(Runnable::run, Cancellation.NEVER, i -> null, LabModel.KEPT_POINTS);
        Snapshot thin = new Snapshot(s, s.buildSurface(), kept, 0), whole = new Snapshot(s, s.buildSurface(), full, 0);
        for (double tol : new double[] {1, 1e-1, 1e-3, 1e-6}) {
            List<RunTable.Row> a = RunTable.rows(thin, tol), b = RunTable.rows(whole, tol);
            for (int r = 0; r < 2; r++) {
                long truth = firstUnder(full.get(r), tol);
                RunTable.Row row = a.get(r);
                assertEquals(truth, b.get(r).reachedAt(), "every point: the step itself");
                assertEquals(b.get(r).reachedAt(), b.get(r).reachedFrom());
                if (truth < 0) {
                    assertEquals(-1, row.reachedAt());
                } else {
                    assertTrue(row.reachedFrom() <= truth && truth <= row.reachedAt(),
                            "run " + r + " tol " + tol + ": " + truth + " in [" + row.reachedFrom() + ", " + row.reachedAt() + "]");
                    assertTrue(row.reachedAt() - row.reachedFrom() < kept.get(r).stride(), "within one stride");
                }
                assertEquals(b.get(r).finalLoss(), row.finalLoss(), 0.0, "the last point is kept");
                assertEquals(b.get(r).divergedAt(), row.divergedAt());
            }
        }
        assertTrue(full.get(1).diverged(), "the second run diverges after its warmup, past the bound");
        assertTrue(full.get(1).divergedAt() > LabModel.KEPT_POINTS, "at " + full.get(1).divergedAt());
        assertTrue(firstUnder(full.get(0), 1e-3) > 0, "the first run reaches 1e-3");
    }
}
