package org.losslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.losslab.engine.Cancellation;
import org.losslab.engine.WorkerThreads;
import org.losslab.engine.analysis.Sweep;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.engine.surface.Surface;
import org.losslab.format.FilesRead;
import org.losslab.format.InputException;
import org.losslab.format.sweep.SweepSpec;
import org.losslab.io.Numbers;
import org.losslab.io.SweepCsv;
import org.losslab.render.PlotStyle;
import org.losslab.render.PngExport;
import org.losslab.render.SweepPainter;

/**
 * {@code losslab sweep SPEC.json [--csv FILE] [--png FILE] [--threads N]}: runs a hyperparameter
 * sweep headless on all cores and writes its cells as CSV and its heatmap as PNG; prints a summary.
 */
final class SweepCommand {
    static final String USAGE = "losslab sweep SPEC.json [--csv FILE] [--png FILE] [--threads N]";

    private SweepCommand() {
    }

    static int threads(Args a) throws UsageException {
        String t = a.option("--threads");
        if (t == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= 1024) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--threads " + t + ": must be a whole number from 1 to 1024");
    }

    static void run(List<String> argv, PrintStream out) throws UsageException, InputException, IOException {
        Args a = Args.parse(argv, Set.of("--csv", "--png", "--threads"), USAGE);
        if (a.positional.size() != 1) {
            throw new UsageException("expected one sweep spec file; usage: " + USAGE);
        }
        Path csv = a.output("--csv");
        Path png = a.output("--png");
        int threads = threads(a);
        FilesRead.Result<SweepSpec> read = FilesRead.of(() -> SweepSpec.read(Path.of(a.positional.get(0))));
        a.checkOutputs(read.files());
        SweepSpec spec = read.value();
        Surface surface = spec.scenario().buildSurface();
        Sweep sweep = spec.sweep(surface);
        ExecutorService pool = WorkerThreads.pool(threads, "sweep");
        long t0 = System.nanoTime();
        SweepResult r;
        try {
            r = sweep.run(pool, threads, Cancellation.NEVER, (done, total) -> { });
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (csv != null) {
            SweepCsv.write(r, csv);
        }
        if (png != null) {
            PngExport.sweep(new SweepPainter.Scene(r, spec.measure(), spec.title(), surface, sweep.cell(0, 0)), PlotStyle.LIGHT, png);
        }
        summary(spec, r, seconds, threads, out);
    }

    private static void summary(SweepSpec spec, SweepResult r, double seconds, int threads, PrintStream out) {
        int bi = -1, bj = -1;
        for (int j = 0; j < r.height(); j++) {
            for (int i = 0; i < r.width(); i++) {
                if (!r.diverged(i, j) && (bi < 0 || r.finalLoss(i, j) < r.finalLoss(bi, bj))) {
                    bi = i;
                    bj = j;
                }
            }
        }
        out.printf("%d × %d cells of %,d steps in %.3f s on %d threads; %d diverged%n", r.width(), r.height(),
                spec.scenario().steps(), seconds, threads, r.divergedCount());
        if (bi >= 0) {
            out.println("lowest final loss " + Numbers.format(r.finalLoss(bi, bj)) + " at " + r.x().key() + " = "
                    + Numbers.format(r.x().value(bi)) + ", " + r.y().key() + " = " + Numbers.format(r.y().value(bj)));
        }
    }
}
