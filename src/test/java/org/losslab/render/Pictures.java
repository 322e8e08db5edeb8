package org.losslab.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.losslab.engine.Cancellation;
import org.losslab.engine.analysis.EscapeResult;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.engine.surface.Surface;
import org.losslab.format.InputException;
import org.losslab.format.escape.EscapeSpec;
import org.losslab.format.sweep.SweepSpec;

/** Small sweeps and escape studies, computed once, for the picture tests. */
final class Pictures {
    /** SGD's lr (log, 0.01 to 1) against momentum on a κ = 10 bowl: lr = 1 with β = 0 diverges (η·λmax = 10 > 2). */
    static final String SWEEP = """
            {
              "format": "losslab-sweep/1",
              "title": "Heavy ball on a bowl",
              "scenario": {
                "format": "losslab-scenario/1",
                "surface": { "type": "quadratic", "kappa": 10 },
                "start": [1, 1],
                "steps": 300,
                "runs": [ { "label": "GD", "optimizer": { "type": "sgd", "lr": 0.01, "momentum": 0.5 } } ]
              },
              "x": { "key": "optimizer.lr", "from": 0.01, "to": 1, "count": 12, "scale": "log" },
              "y": { "key": "optimizer.momentum", "from": 0, "to": 0.9, "count": 7 },
              "tolerance": 1e-6,
              "color": "stepsToTolerance"
            }
            """;

    /** Seven temperatures: the seventh takes the palette's black. */
    static final String ESCAPE = """
            {
              "format": "losslab-escape/1",
              "scenario": {
                "format": "losslab-scenario/1",
                "surface": { "type": "doubleWell" },
                "start": [-1.5, 0],
                "steps": 1500,
                "runs": [ { "optimizer": { "type": "sgd", "lr": 0.02 } } ]
              },
              "temperatures": [0.4, 0.35, 0.3, 0.27, 0.24, 0.22, 0.2],
              "seeds": 12
            }
            """;

    private static SweepPainter.Scene sweep;
    private static EscapeSpec escapeSpec;
    private static List<EscapeResult> escape;

    private Pictures() {
    }

    static synchronized SweepPainter.Scene sweep() throws InputException {
        if (sweep == null) {
            SweepSpec spec = SweepSpec.read(SWEEP, "sweep.json", null);
            Surface surface = spec.scenario().buildSurface();
            var s = spec.sweep(surface);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                SweepResult r = s.run(pool, 2, Cancellation.NEVER, (done, total) -> { });
                sweep = new SweepPainter.Scene(r, spec.measure(), spec.title(), surface, s.cell(0, 0));
            } finally {
                pool.shutdown();
            }
        }
        return sweep;
    }

    static synchronized EscapeSpec escapeSpec() throws InputException {
        if (escapeSpec == null) {
            escapeSpec = EscapeSpec.read(ESCAPE, "escape.json", null);
        }
        return escapeSpec;
    }

    static synchronized List<EscapeResult> escape() throws InputException {
        if (escape == null) {
            EscapeSpec spec = escapeSpec();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<EscapeResult> out = new ArrayList<>();
                for (String well : spec.wells()) {
                    out.add(spec.escape(well).run(pool, 2, Cancellation.NEVER, (done, total) -> { }));
                }
                escape = List.copyOf(out);
            } finally {
                pool.shutdown();
            }
        }
        return escape;
    }
}
