package org.losslab.format.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.analysis.Sweep;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.engine.sim.Trajectory;
import org.losslab.format.InputException;
import org.losslab.format.scenario.Scenario;

/** A sweep over a low-precision run: lr × lossScale, every cell the run done alone, bit for bit. */
class PrecisionSweepTest {
    static final String SPEC = """
            {
              "format": "losslab-sweep/1",
              "scenario": {
                "format": "losslab-scenario/1",
                "surface": { "type": "expression", "f": "1e-6*(x^2 + 3*y^2)" },
                "start": [1.5, -1],
                "steps": 200,
                "runs": [ { "optimizer": { "type": "sgd", "lr": 1000, "momentum": 0.5 }, "precision": "float16",
                            "masterWeights": MASTER } ]
              },
              "run": 0,
              "x": { "key": "optimizer.lr", "from": 1000, "to": 100000, "count": 5, "scale": "log" },
              "y": { "key": "lossScale", "from": 1, "to": 65536, "count": 5, "scale": "log" }
            }
            """;

    @Test
    void lossScaleIsSweptAndEveryCellIsTheRunDoneAlone() throws Exception {
        SweepSpec spec = SweepSpec.read(SPEC.replace("MASTER", "true"), "test", null);
        Sweep sweep = spec.sweep(spec.scenario().buildSurface());
        SweepResult r = sweep.run(Runnable::run, 1, Cancellation.NEVER, (d, t) -> { });
        Set<Double> losses = new HashSet<>();
        for (int j = 0; j < r.height(); j++) {
            for (int i = 0; i < r.width(); i++) {
                Scenario alone = spec.cellScenario(i, j);
                assertEquals(alone.runs().get(0).toRunSettings(alone.start()), sweep.cell(i, j));
                Trajectory t = new Trajectory(alone.steps() + 1);
                assertTrue(alone.simulation().runOne(0, t, Cancellation.NEVER));
                assertEquals(Double.doubleToRawLongBits(t.loss(t.size() - 1)), Double.doubleToRawLongBits(r.finalLoss(i, j)),
                        "cell (" + i + ", " + j + ")");
                losses.add(r.finalLoss(i, j));
            }
        }
        // Gradients of 10⁻⁶ and less are partly subnormal in float16: the scale changes the result.
        assertTrue(r.finalLoss(4, 0) > r.finalLoss(4, 4), "scaling helps: " + r.finalLoss(4, 0) + " vs " + r.finalLoss(4, 4));
        assertTrue(losses.size() > 5);
    }

    @Test
    void lossScaleNeedsMasterWeights() {
        InputException e = assertThrows(InputException.class,
                () -> SweepSpec.read(SPEC.replace("MASTER", "false"), "test", null));
        assertTrue(e.getMessage().contains("lossScale applies to runs in a low precision with \"masterWeights\": true"),
                e.getMessage());
    }
}
