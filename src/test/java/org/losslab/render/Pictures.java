package org.losslab.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.losslab.engine.Cancellation;
import org.losslab.engine.analysis.Axis;
import org.losslab.engine.analysis.EscapeResult;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.engine.surface.Surface;
import org.losslab.format.InputException;
import org.losslab.format.escape.EscapeSpec;
import org.losslab.format.sweep.SweepSpec;

/**
 * The sample sweep and escape study, made small, computed once for the picture tests: the sweep on
 * 12 × 7 cells (SGD's lr from 0.01 to 1, log, against momentum from 0 to 0.9 on the κ = 10 bowl:
 * lr = 1 with β = 0 diverges, η·λmax = 10 > 2), the study at seven temperatures (the seventh takes
 * the run palette's black) with 12 seeds.
 */
final class Pictures {
    private static SweepPainter.Scene sweep;
    private static EscapeSpec escapeSpec;
    private static List<EscapeResult> escape;

    private Pictures() {
    }

    static synchronized SweepPainter.Scene sweep() throws InputException {
        if (sweep == null) {
            SweepSpec sample = SweepSpec.read(Path.of("sample-landscapes/sweep-quadratic-heavy-ball.json"));
            SweepSpec spec = new SweepSpec(sample.title(), sample.scenario(), sample.run(),
                    new Axis(sample.x().key(), 0.01, 1, 12, true, false), new Axis(sample.y().key(), 0, 0.9, 7, false, false), 1e-6,
                    sample.measure());
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
            EscapeSpec sample = EscapeSpec.read(Path.of("sample-landscapes/escape-double-well.json"));
            escapeSpec = new EscapeSpec(sample.title(), sample.scenario(), sample.run(), sample.wells(),
                    new double[] {0.4, 0.35, 0.3, 0.27, 0.24, 0.22, 0.2}, 12);
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
