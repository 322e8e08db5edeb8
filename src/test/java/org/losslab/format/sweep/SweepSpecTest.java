package org.losslab.format.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.losslab.engine.Cancellation;
import org.losslab.engine.analysis.Sweep;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.engine.sim.Trajectory;
import org.losslab.format.scenario.Scenario;

class SweepSpecTest {
    static final String SPEC = """
            {
              "format": "losslab-sweep/1",
              "scenario": {
                "format": "losslab-scenario/1",
                "surface": { "type": "SURFACE" },
                "start": [-1.2, 0.5],
                "steps": 150,
                "seed": 9,
                "runs": [
                  { "optimizer": { "type": "sgd", "lr": 0.01 } },
                  { "optimizer": { "type": "OPT", "lr": 0.01 }, "schedule": { "type": "step", "stepSize": 30 },
                    "noiseTemperature": 0.01, "samRho": 0.02 }
                ]
              },
              "run": 1,
              "x": { "key": "XKEY", "from": XFROM, "to": XTO, "count": 9, "scale": "XSCALE" },
              "y": { "key": "YKEY", "from": YFROM, "to": YTO, "count": 5 }
            }
            """;

    /**
     * Every cell of a sweep read from a file is, bit for bit, the varied scenario run done alone, and
     * the engine-side setters build exactly the run the scenario route builds, for every kind of key.
     */
    @ParameterizedTest(name = "{0}: {1} × {5}")
    @CsvSource({
        "rosenbrock, optimizer.lr, 1e-4, 1e-2, log, optimizer.momentum, 0, 0.95, sgd",
        "doubleWell, optimizer.lr, 1e-3, 0.3, log, optimizer.weightDecay, 0, 0.5, adam",
        "doubleWell, noiseTemperature, 1e-3, 1, log, samRho, 0, 0.3, rmsprop",
        "quadratic, schedule.gamma, 0.1, 0.9, linear, warmupSteps, 0, 40, adagrad",
        "himmelblau, start.x, -4, 4, linear, start.y, -4, 4, nadam",
        "quadratic, optimizer.lr, 0.1, 1, log, clipNorm, 0.1, 5, sgd",
        "rastrigin, optimizer.sigma0, 0.25, 4, log, optimizer.population, 4, 40, cmaes"})
    void cellsAreTheScenarioRunDoneAlone(String surface, String xKey, String xFrom, String xTo, String xScale, String yKey,
                                         String yFrom, String yTo, String opt) throws Exception {
        String text = SPEC.replace("SURFACE", surface).replace("OPT", opt).replace("XKEY", xKey).replace("XFROM", xFrom)
                .replace("XTO", xTo).replace("XSCALE", xScale).replace("YKEY", yKey).replace("YFROM", yFrom).replace("YTO", yTo);
        SweepSpec spec = SweepSpec.read(text, "test", null);
        Sweep sweep = spec.sweep(spec.scenario().buildSurface());
        var pool = Executors.newFixedThreadPool(2);
        SweepResult r;
        try {
            r = sweep.run(pool, 2, Cancellation.NEVER, (d, t) -> { });
        } finally {
            pool.shutdown();
        }
        for (int j = 0; j < r.height(); j++) {
            for (int i = 0; i < r.width(); i++) {
                Scenario alone = spec.cellScenario(i, j);
                assertEquals(alone.runs().get(1).toRunSettings(alone.start()), sweep.cell(i, j), "cell (" + i + ", " + j + ")");
                Trajectory t = new Trajectory(alone.steps() + 1);
                assertTrue(alone.simulation().runOne(1, t, Cancellation.NEVER));
                int last = t.size() - 1;
                assertEquals(Double.doubleToRawLongBits(t.loss(last)), Double.doubleToRawLongBits(r.finalLoss(i, j)),
                        "cell (" + i + ", " + j + ")");
                assertEquals(Double.doubleToRawLongBits(t.x(last)), Double.doubleToRawLongBits(r.finalX(i, j)));
                assertEquals(t.diverged() ? t.divergedAt() : -1, r.divergedAt(i, j));
            }
        }
    }

    /** The app builds sweeps in memory; they are checked by the file's rules, with the same messages. */
    @org.junit.jupiter.api.Test
    void sweepsBuiltInMemoryAreCheckedLikeFiles() throws Exception {
        String text = SPEC.replace("SURFACE", "quadratic").replace("OPT", "sgd").replace("XKEY", "optimizer.lr")
                .replace("XFROM", "0.01").replace("XTO", "1").replace("XSCALE", "log").replace("YKEY", "warmupSteps")
                .replace("YFROM", "0").replace("YTO", "20");
        SweepSpec good = SweepSpec.read(text, "test", null);
        Scenario s = good.scenario();
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> org.losslab.engine.analysis.Axis.log("optimizer.lr", -1e-3, 1, 4));
        assertTrue(e.getMessage().contains("log axis needs positive ends"));
        org.losslab.engine.analysis.Axis warm = org.losslab.engine.analysis.Axis.linear("warmupSteps", 0, 10, 3);
        var bad = org.losslab.engine.analysis.Axis.linear("optimizer.lr", -1, 1, 4);
        var ex = org.junit.jupiter.api.Assertions.assertThrows(org.losslab.format.InputException.class,
                () -> SweepSpec.checked(new SweepSpec("", s, 1, bad, warm, 0, SweepResult.Measure.FINAL_LOSS), "app"));
        assertEquals("app: $.x.from: optimizer.lr = -1.0: optimizer.lr must be ≥ 0, got -1", ex.getMessage());
        var odd = org.losslab.engine.analysis.Axis.linear("warmupSteps", 0, 9, 4);
        SweepSpec ok = SweepSpec.checked(new SweepSpec("", s, 1, org.losslab.engine.analysis.Axis.log("optimizer.lr", 0.01, 1, 3),
                odd, 0, SweepResult.Measure.FINAL_LOSS), "app");
        assertTrue(ok.y().integer(), "warmupSteps rounds");
        assertEquals(3.0, ok.y().value(1));
        var nope = org.losslab.engine.analysis.Axis.linear("optimizer.betas", 0, 1, 2);
        var ek = org.junit.jupiter.api.Assertions.assertThrows(org.losslab.format.InputException.class,
                () -> SweepSpec.checked(new SweepSpec("", s, 1, nope, warm, 0, SweepResult.Measure.FINAL_LOSS), "app"));
        assertTrue(ek.getMessage().startsWith("app: $.x.key: "), ek.getMessage());
    }
}
