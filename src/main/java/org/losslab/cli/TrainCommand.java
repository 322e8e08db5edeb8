package org.losslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.losslab.engine.Cancellation;
import org.losslab.engine.mlp.Dataset;
import org.losslab.engine.mlp.Ensemble;
import org.losslab.engine.mlp.McDropout;
import org.losslab.engine.mlp.Darts;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.mlp.Trainer;
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
        boolean search = training.options().darts() != null && training.options().darts().searching();
        if (csv != null) {
            long n = every;
            AtomicFiles.writeText(csv, w -> {
                CurvesCsv rows = CurvesCsv.of(w, training);
                List<TrainSnapshot> searched = new ArrayList<>(java.util.Collections.nCopies(training.runs().size(), (TrainSnapshot) null));
                training.run((run, s) -> {
                    searched.set(run, s);
                    rows.row(run, s);
                }, n, Cancellation.NEVER);
                if (search) {
                    Darts.retrainAll(training, searched, rows, n);
                }
            });
            return;
        }
        List<TrainSnapshot> last = new ArrayList<>();
        List<TrainSnapshot> sharp = new ArrayList<>();
        for (int r = 0; r < training.runs().size(); r++) {
            last.add(null);
            sharp.add(null);
        }
        List<McDropout.Summary> mc = new ArrayList<>();
        int passes = training.options().mcDropout();
        if (passes > 0) {
            // The final trainers themselves: MC dropout needs the run's weights and running statistics.
            Dataset test = training.data().test();
            double[] x1 = new double[test.size()], x2 = new double[test.size()];
            for (int i = 0; i < x1.length; i++) {
                x1[i] = test.x1(i);
                x2[i] = test.x2(i);
            }
            for (int r = 0; r < training.runs().size(); r++) {
                Trainer t = training.trainer(r);
                t.step((int) training.steps()); // stops early by itself
                last.set(r, t.snapshot());
                mc.add(McDropout.summarize(t.mcDropout(x1.length, x1, x2, passes), test, training.architecture().output()));
            }
        } else {
            training.run((run, s) -> {
                last.set(run, s);
                if (Double.isFinite(s.sharpness())) {
                    sharp.set(run, s);
                }
            }, Math.max(1, training.steps()), Cancellation.NEVER);
        }
        out.println(config.title().isEmpty() ? "(untitled training)" : config.title());
        out.println(training.architecture() + ", " + training.architecture().parameterCount() + " weights, "
                + training.data().train().size() + " training and " + training.data().test().size() + " test points");
        List<String> labels = new ArrayList<>(config.labels());
        List<TrainSnapshot> retrainedRows = new ArrayList<>(last);
        if (search) {
            List<TrainSnapshot> retrained = retrainedRows;
            List<List<Integer>> chosen = Darts.retrainAll(training, last, (run, s) -> {
                if (retrained.size() <= run) {
                    retrained.add(null);
                }
                retrained.set(run, s);
            }, Math.max(1, training.steps()));
            for (int r = 0; r < chosen.size(); r++) {
                labels.add(labels.get(r) + " retrained");
                labels.set(r, labels.get(r) + " searched");
                sharp.add(null);
            }
            for (int r = 0; r < chosen.size(); r++) {
                out.println("DARTS run " + r + " chose " + Darts.describe(chosen.get(r)));
            }
        }
        List<TrainSnapshot> shown = search ? retrainedRows : last;
        for (int i = 0; i < shown.size(); i++) {
            TrainSnapshot s = shown.get(i);
            out.printf("%2d  %-24s  %s%n", i, labels.get(i), s.diverged()
                    ? "diverged at step " + s.step()
                    : "step " + s.step() + ": train loss " + Numbers.format(s.trainLoss()) + ", test loss "
                    + Numbers.format(s.testLoss()) + (Double.isNaN(s.testAccuracy()) && Double.isNaN(s.trainAccuracy()) ? ""
                    : ", train acc " + Numbers.format(s.trainAccuracy()) + ", test acc " + Numbers.format(s.testAccuracy()))
                    + (sharp.get(i) == null ? "" : ", sharpness " + Numbers.format(sharp.get(i).sharpness()) + " at step "
                    + sharp.get(i).step() + " (2/lr " + Numbers.format(2 / s.lr()) + ")")
                    + (s.bestStep() < 0 ? "" : s.stoppedEarly() ? ", stopped early; best test loss at step " + s.bestStep()
                    + " (these are its restored weights)" : ", best test loss at step " + s.bestStep())
                    + (mc.isEmpty() || s.diverged() ? "" : mcText(mc.get(i), passes)));
        }
        int members = training.options().ensemble();
        for (int r = 0; members > 0 && r < training.runs().size(); r++) {
            Ensemble e = new Ensemble(config.members(), r);
            e.step((int) training.steps(), Cancellation.NEVER);
            Ensemble.Evaluation ev = e.evaluate(training.data().test());
            out.printf("%2d  %-24s  ensemble of %d: test loss %s (members' mean %s)%s, mean disagreement %s%n", r,
                    config.labels().get(r), members, Numbers.format(ev.loss()), Numbers.format(ev.memberLoss()),
                    Double.isNaN(ev.accuracy()) ? "" : ", test acc " + Numbers.format(ev.accuracy()) + " (members' mean "
                            + Numbers.format(ev.memberAccuracy()) + ")", Numbers.format(ev.meanDisagreement()));
        }
    }

    /** ", MC dropout (T passes): test acc a, spread s (wrong w, right r)" — accuracy and the split for classification only. */
    private static String mcText(McDropout.Summary m, int passes) {
        String acc = Double.isNaN(m.accuracy()) ? "" : "test acc " + Numbers.format(m.accuracy()) + ", ";
        String split = Double.isNaN(m.accuracy()) ? "" : " (misclassified " + Numbers.format(m.spreadWrong()) + ", correct "
                + Numbers.format(m.spreadRight()) + ")";
        return ", MC dropout (" + passes + " passes): " + acc + "mean spread " + Numbers.format(m.meanSpread()) + split;
    }
}
