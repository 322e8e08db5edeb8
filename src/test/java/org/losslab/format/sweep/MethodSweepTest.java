package org.losslab.format.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.losslab.engine.Cancellation;
import org.losslab.engine.analysis.Sweep;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.engine.sim.Trajectory;
import org.losslab.format.InputException;
import org.losslab.format.RunSpec;
import org.losslab.format.scenario.Scenario;

/** The sweep over the methods' numeric keys: each cell is the scenario run with those values, done alone. */
class MethodSweepTest {
    static final String SPEC = """
            {
              "format": "losslab-sweep/1",
              "scenario": {
                "format": "losslab-scenario/1",
                "surface": { "type": "rosenbrock" },
                "start": [-1.2, 0.5],
                "steps": 120,
                "seed": 4,
                "runs": [
                  { "optimizer": { "type": "sgd", "lr": 0.001, "momentum": 0.5 }, "lookahead": { "k": 4 },
                    "swa": { "start": 30, "swaLr": 0.0005 }, "l2": 0.01, "clipValue": 3 },
                  { "optimizer": { "type": "adam", "lr": 0.02 }, "gradientEstimator": { "type": "es", "population": 6 } }
                ]
              },
              "run": RUN,
              "x": { "key": "XKEY", "from": XFROM, "to": XTO, "count": 5 },
              "y": { "key": "YKEY", "from": YFROM, "to": YTO, "count": 4 }
            }
            """;

    private static SweepSpec spec(int run, String xKey, String xFrom, String xTo, String yKey, String yFrom, String yTo)
            throws InputException {
        return SweepSpec.read(SPEC.replace("RUN", "" + run).replace("XKEY", xKey).replace("XFROM", xFrom).replace("XTO", xTo)
                .replace("YKEY", yKey).replace("YFROM", yFrom).replace("YTO", yTo), "test", null);
    }

    @ParameterizedTest(name = "{1} × {4}")
    @CsvSource({
        "0, lookahead.alpha, 0.1, 1, optimizer.lr, 0.0002, 0.002",
        "0, clipValue, 0.5, 5, l2, 0, 0.5",
        "0, l1, 0, 0.2, lookahead.k, 1, 10",
        "0, swa.swaLr, 0.0001, 0.002, swa.start, 0, 100",
        "1, gradientEstimator.sigma, 0.01, 0.5, gradientEstimator.population, 2, 20"})
    void cellsAreTheScenarioRunDoneAlone(int run, String xKey, String xFrom, String xTo, String yKey, String yFrom, String yTo)
            throws Exception {
        SweepSpec spec = spec(run, xKey, xFrom, xTo, yKey, yFrom, yTo);
        // The engine-side setters build exactly the run the scenario route builds.
        RunSpec base = spec.scenario().runs().get(run);
        SweepKey kx = SweepKey.resolve(xKey, base), ky = SweepKey.resolve(yKey, base);
        for (double v : new double[] {spec.x().value(0), spec.x().value(4)}) {
            assertEquals(kx.apply(base, v, spec.scenario().start()).toRunSettings(spec.scenario().start()),
                    kx.engineSetter().apply(base.toRunSettings(spec.scenario().start()), v));
        }
        for (double v : new double[] {spec.y().value(0), spec.y().value(3)}) {
            assertEquals(ky.apply(base, v, spec.scenario().start()).toRunSettings(spec.scenario().start()),
                    ky.engineSetter().apply(base.toRunSettings(spec.scenario().start()), v));
        }
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
                assertEquals(alone.runs().get(run).toRunSettings(alone.start()), sweep.cell(i, j), "cell (" + i + ", " + j + ")");
                Trajectory t = new Trajectory(alone.steps() + 1);
                assertTrue(alone.simulation().runOne(run, t, Cancellation.NEVER));
                int last = t.size() - 1;
                assertEquals(Double.doubleToRawLongBits(t.loss(last)), Double.doubleToRawLongBits(r.finalLoss(i, j)),
                        "cell (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void objectKeysNeedTheObjectAndValuesAreChecked() throws Exception {
        InputException e = assertThrows(InputException.class,
                () -> spec(1, "lookahead.alpha", "0.1", "1", "optimizer.lr", "0.01", "0.1"));
        assertTrue(e.getMessage().contains("the run has no lookahead to vary"), e.getMessage());
        e = assertThrows(InputException.class, () -> spec(0, "lookahead.alpha", "0.5", "2", "optimizer.lr", "0.01", "0.1"));
        assertTrue(e.getMessage().startsWith("test: $.x.to: "), e.getMessage());
    }
}
