package org.losslab.app.trainer.model;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.losslab.app.model.Job;
import org.losslab.app.model.JobThreads;
import org.losslab.engine.mlp.Ensemble;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.surface.Window;
import org.losslab.format.train.TrainConfig;
import org.losslab.format.train.TrainConfigReader;

/**
 * A deep ensemble of one run of the trainer's setup ({@link Ensemble}), trained as a long {@link Job}
 * with progress and cancel from the config captured when it starts: its members' mean picture and
 * disagreement, and the ensemble's test figures against its members'.
 */
public final class EnsembleStudy {
    private final Job job;
    private final Consumer<String> report;
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");

    /**
     * A finished ensemble.
     *
     * @param boundary the members' mean picture with their disagreement
     */
    public record Result(int run, int members, long steps, Ensemble.Evaluation evaluation, Boundary boundary) {
    }

    /**
     * @param threads where the job runs
     * @param publish hands results to the FX thread
     * @param report  told why an ensemble was not trained, and "" when one starts
     */
    public EnsembleStudy(JobThreads threads, Consumer<Runnable> publish, Consumer<String> report) {
        this.job = new Job(threads, publish);
        this.report = report;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    /** The latest ensemble, null until one is trained and after {@link #clear}. */
    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /**
     * Trains {@code members} members of run {@code run} of {@code config} for its steps, in the background.
     *
     * @return null if started, else why not
     */
    public String compute(TrainConfig config, int run, int members, Window window) {
        if (members < 2 || members > TrainConfigReader.MAX_MEMBERS) {
            return fail("an ensemble has 2 to " + TrainConfigReader.MAX_MEMBERS + " members, got " + members);
        }
        List<Training> trainings;
        try {
            trainings = new TrainConfig(config.title(), config.description(), config.data(), config.imported(), config.network(),
                    config.init(), config.steps(), config.seed(), config.runs(), config.options().withEnsemble(members)).members();
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        int classes = trainings.get(0).data().train().classes();
        long steps = config.steps();
        report.accept("");
        job.start((pool, threads, cancel, progress) -> {
            Ensemble e = new Ensemble(trainings, run);
            int chunk = (int) Math.max(1, steps / 100);
            for (long done = 0; done < steps; done += chunk) {
                if (!e.step((int) Math.min(chunk, steps - done), cancel)) {
                    return null;
                }
                progress.update((int) (100 * Math.min(steps, done + chunk) / Math.max(1, steps)), 100);
            }
            return new Result(run, members, steps, e.evaluate(trainings.get(0).data().test()),
                    Boundary.ofEnsemble(e, window, classes, steps, run));
        }, () -> { }, result::set, why -> report.accept("Ensemble not trained: " + why));
        return null;
    }

    /** Stops the ensemble being trained, if any (its result is dropped). */
    public void cancel() {
        job.cancel();
    }

    /** Cancels and forgets the ensemble (a new setup). */
    public void clear() {
        job.cancel();
        result.set(null);
    }

    private String fail(String problem) {
        report.accept(problem);
        return problem;
    }
}
