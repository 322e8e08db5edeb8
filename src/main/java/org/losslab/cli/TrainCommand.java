package org.losslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.losslab.engine.Cancellation;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.mlp.Training;
import org.losslab.format.FilesRead;
import org.losslab.format.InputException;
import org.losslab.format.train.TrainConfig;
import org.losslab.format.train.TrainConfigReader;
import org.losslab.io.AtomicFiles;
import org.losslab.io.CurvesCsv;
import org.losslab.io.Numbers;

/**
 * {@code losslab train CONFIG.json [--csv FILE] [--every N]}: trains every run of a training config
 * headless. With {@code --csv}, writes the curves of all runs (every N-th step, default every step);
 * without, prints each run's final figures.
 */
final class TrainCommand {
    static final String USAGE = "losslab train CONFIG.json [--csv FILE] [--every N]";

    private TrainCommand() {
    }

    static void run(List<String> argv, PrintStream out) throws UsageException, InputException, IOException {
        Args a = Args.parse(argv, Set.of("--csv", "--every"), USAGE);
        if (a.positional.size() != 1) {
            throw new UsageException("expected one training config file; usage: " + USAGE);
        }
        long every = 1;
        if (a.option("--every") != null) {
            try {
                every = Long.parseLong(a.option("--every"));
            } catch (NumberFormatException e) {
                every = 0;
            }
            if (every < 1) {
                throw new UsageException("--every " + a.option("--every") + ": must be a whole number ≥ 1");
            }
        }
        Path csv = a.output("--csv");
        FilesRead.Result<TrainConfig> read = FilesRead.of(() -> TrainConfigReader.read(Path.of(a.positional.get(0))));
        a.checkOutputs(read.files());
        TrainConfig config = read.value();
        Training training = config.training();
        if (csv != null) {
            long n = every;
            AtomicFiles.writeText(csv, w -> training.run(CurvesCsv.of(w, training), n, Cancellation.NEVER));
            return;
        }
        List<TrainSnapshot> last = new ArrayList<>();
        List<TrainSnapshot> sharp = new ArrayList<>();
        for (int r = 0; r < training.runs().size(); r++) {
            last.add(null);
            sharp.add(null);
        }
        training.run((run, s) -> {
            last.set(run, s);
            if (Double.isFinite(s.sharpness())) {
                sharp.set(run, s);
            }
        }, Math.max(1, training.steps()), Cancellation.NEVER);
        out.println(config.title().isEmpty() ? "(untitled training)" : config.title());
        out.println(training.architecture() + ", " + training.architecture().parameterCount() + " weights, "
                + training.data().train().size() + " training and " + training.data().test().size() + " test points");
        for (int i = 0; i < last.size(); i++) {
            TrainSnapshot s = last.get(i);
            out.printf("%2d  %-24s  %s%n", i, config.labels().get(i), s.diverged()
                    ? "diverged at step " + s.step()
                    : "step " + s.step() + ": train loss " + Numbers.format(s.trainLoss()) + ", test loss "
                    + Numbers.format(s.testLoss()) + (Double.isNaN(s.testAccuracy()) && Double.isNaN(s.trainAccuracy()) ? ""
                    : ", train acc " + Numbers.format(s.trainAccuracy()) + ", test acc " + Numbers.format(s.testAccuracy()))
                    + (sharp.get(i) == null ? "" : ", sharpness " + Numbers.format(sharp.get(i).sharpness()) + " at step "
                    + sharp.get(i).step() + " (2/lr " + Numbers.format(2 / s.lr()) + ")"));
        }
    }
}
