package org.losslab.app.trainer.model;

import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.losslab.app.model.JobThreads;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.surface.Window;

/**
 * The network trainer's view model, three jobs joined: the {@link SetupEditor} (what to train), the
 * {@link TrainingSession} (training it, live) and the {@link LandscapeSlice} (the loss around the
 * shown run's weights). What ties them is here: an accepted setup starts the training over (still
 * playing if it was), a new or restarted training forgets the slice, a slice goes through the shown
 * run, and the three report problems to one message line.
 */
public final class TrainerModel {
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final TrainingSession session;
    private final LandscapeSlice slice;
    private final SetupEditor setup;
    private final EnsembleStudy ensemble;

    /**
     * @param training steps the trainers (must run one task at a time)
     * @param halves   evaluates the second half of big full batches beside {@code training}
     * @param slices   where landscape slices are computed
     * @param publish  runs results on the FX thread, e.g. {@code Platform::runLater}
     */
    public TrainerModel(Executor training, Executor halves, JobThreads slices, Consumer<Runnable> publish) {
        Consumer<String> report = error::set;
        session = new TrainingSession(training, halves, publish, report);
        slice = new LandscapeSlice(slices, publish, report);
        ensemble = new EnsembleStudy(slices, publish, report);
        setup = new SetupEditor(Setup.DEFAULT, report, this::startOver);
    }

    public SetupEditor setup() {
        return setup;
    }

    public TrainingSession session() {
        return session;
    }

    public LandscapeSlice slice() {
        return slice;
    }

    /** The deep ensemble of the shown run (trained on demand). */
    public EnsembleStudy ensemble() {
        return ensemble;
    }

    /**
     * Trains a deep ensemble of {@code members} of the shown run of the current setup ({@link EnsembleStudy#compute}).
     *
     * @return null if started, else why not
     */
    public String trainEnsemble(int members) {
        return ensemble.compute(setup.config(), session.shownRun(), members, setup.inputWindow());
    }

    /** The last problem of an edit, the training or a slice, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** An edit starts the training over, as in the Playground, and it keeps playing if it was. */
    private void startOver(Training t, Window inputWindow) {
        boolean was = session.playingProperty().get();
        slice.clear();
        ensemble.clear();
        session.start(t, inputWindow);
        if (was) {
            session.play();
        }
    }

    /** Back to step 0: the same initial weights, data and batch order, so a replay is identical. */
    public void reset() {
        slice.clear();
        session.start(setup.training(), setup.inputWindow());
    }

    /** Adds a run like the shown one, trained side by side from the same weights. */
    public String addRun() {
        return setup.addRun(session.shownRun());
    }

    /**
     * A landscape slice through the shown run's current weights ({@link LandscapeSlice#compute}).
     *
     * @return null if started, else why not
     */
    public String computeSlice(int n, double range, boolean pca, long directionSeed) {
        int r = session.shownRun();
        return slice.compute(session.training(), r, session.curves().get(r), n, range, pca, directionSeed);
    }

    @Override
    public String toString() {
        return "TrainerModel[" + setup.config().network() + ", runs " + setup.current().runs().size() + ", step "
                + session.stepProperty().get() + ", hidden " + Arrays.toString(setup.current().hidden()) + "]";
    }
}
