package org.losslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.losslab.engine.Cancellation;
import org.losslab.engine.WorkerThreads;
import org.losslab.engine.analysis.EscapeResult;
import org.losslab.format.FilesRead;
import org.losslab.format.InputException;
import org.losslab.format.escape.EscapeSpec;
import org.losslab.io.EscapeCsv;
import org.losslab.render.PlotStyle;
import org.losslab.render.PngExport;

/**
 * {@code losslab escape SPEC.json [--csv FILE] [--png FILE] [--threads N]}: Langevin runs escaping
 * the double well's minima at several temperatures; writes every run's first passage as CSV, the
 * histograms, end basins and Arrhenius plot as PNG, and prints the fitted and true barriers.
 */
final class EscapeCommand {
    static final String USAGE = "losslab escape SPEC.json [--csv FILE] [--png FILE] [--threads N]";

    private EscapeCommand() {
    }

    static void run(List<String> argv, PrintStream out) throws UsageException, InputException, IOException {
        Args a = Args.parse(argv, Set.of("--csv", "--png", "--threads"), USAGE);
        if (a.positional.size() != 1) {
            throw new UsageException("expected one escape spec file; usage: " + USAGE);
        }
        Path csv = a.output("--csv");
        Path png = a.output("--png");
        int threads = SweepCommand.threads(a);
        FilesRead.Result<EscapeSpec> read = FilesRead.of(() -> EscapeSpec.read(Path.of(a.positional.get(0))));
        a.checkOutputs(read.files());
        EscapeSpec spec = read.value();
        ExecutorService pool = WorkerThreads.pool(threads, "escape");
        List<EscapeResult> results = new ArrayList<>();
        try {
            for (String well : spec.wells()) {
                results.add(spec.escape(well).run(pool, threads, Cancellation.NEVER, (done, total) -> { }));
            }
        } finally {
            pool.shutdown();
        }
        if (csv != null) {
            EscapeCsv.write(spec.wells(), results, csv);
        }
        if (png != null) {
            PngExport.escape(spec, results, PlotStyle.LIGHT, png);
        }
        for (int k = 0; k < results.size(); k++) {
            EscapeResult r = results.get(k);
            out.printf("%s well: barrier %.4f%n", spec.wells().get(k), r.trueBarrier());
            for (int m = 0; m < r.temperatures().size(); m++) {
                EscapeResult.AtTemperature t = r.temperatures().get(m);
                out.printf("  T = %-8s escaped %5.1f%%  mean escape time %-10s  ends: %d here, %d in the other well%s%n",
                        org.losslab.io.Numbers.format(t.temperature()), 100 * t.escapedFraction(),
                        Double.isNaN(r.meanTime(m)) ? "—" : String.format("%.4g", r.meanTime(m)), t.inStart(), t.inOther(),
                        t.diverged() > 0 ? ", " + t.diverged() + " diverged" : "");
            }
            EscapeResult.Arrhenius fit = r.arrhenius();
            out.println(fit == null ? "  Arrhenius fit: too few escapes (need " + EscapeResult.MIN_ESCAPES
                    + " at two temperatures or more)"
                    : String.format("  Arrhenius fit: barrier %.4f (true %.4f, %+.1f%%)", fit.barrier(), r.trueBarrier(),
                    100 * (fit.barrier() / r.trueBarrier() - 1)));
        }
    }
}
