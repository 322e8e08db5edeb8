package org.losslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.losslab.engine.Cancellation;
import org.losslab.engine.federated.FederatedPath;
import org.losslab.engine.federated.GlobalObjective;
import org.losslab.format.FilesRead;
import org.losslab.format.InputException;
import org.losslab.format.federated.FederatedSpec;
import org.losslab.io.FederatedCsv;
import org.losslab.io.Numbers;
import org.losslab.render.FederatedPainter;

/**
 * {@code losslab federated SPEC.json [--csv FILE] [--png FILE] [--size WxH]}: runs a federated study
 * headless (every run, each client's K local steps per round, the server averaging) and writes every
 * client step and server step as CSV, the picture as PNG; prints each run's final server point.
 */
final class FederatedCommand {
    static final String USAGE = "losslab federated SPEC.json [--csv FILE] [--png FILE] [--size WxH]";

    private FederatedCommand() {
    }

    static void run(List<String> argv, PrintStream out) throws UsageException, InputException, IOException {
        Args a = Args.parse(argv, Set.of("--csv", "--png", "--size"), USAGE);
        if (a.positional.size() != 1) {
            throw new UsageException("expected one federated file; usage: " + USAGE);
        }
        Path csv = a.output("--csv");
        Path png = a.output("--png");
        if (png == null && a.option("--size") != null) {
            throw new UsageException("--size describes the picture of --png FILE, which is missing");
        }
        int[] size = a.size("--size", 1600, 1000);
        FilesRead.Result<FederatedSpec> read = FilesRead.of(() -> FederatedSpec.read(Path.of(a.positional.get(0))));
        a.checkOutputs(read.files());
        FederatedSpec spec = read.value();
        GlobalObjective problem = spec.problem();
        List<FederatedPath> paths = spec.simulation(problem).run(Runnable::run, Cancellation.NEVER);
        if (csv != null) {
            FederatedCsv.write(paths, spec.runLabels(), csv);
        }
        if (png != null) {
            FederatedPainter.writePng(spec, problem, paths, size[0], size[1], png);
        }
        out.println(spec.title().isEmpty() ? "(untitled federated study)" : spec.title());
        out.printf("%d clients, %d rounds%n", spec.clients().size(), spec.rounds());
        for (int j = 0; j < paths.size(); j++) {
            FederatedPath p = paths.get(j);
            int r = p.rounds();
            out.printf("%2d  %-24s  %s%n", j, spec.runLabels().get(j), p.diverged() ? "diverged in round " + p.divergedAt()
                    : "F " + Numbers.format(p.serverLoss(r)) + " at (" + Numbers.format(p.serverX(r)) + ", "
                    + Numbers.format(p.serverY(r)) + ") after " + r + " rounds of " + p.localSteps() + " local steps");
        }
    }
}
