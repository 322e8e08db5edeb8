package org.losslab.app.trainer.model;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.losslab.app.model.Job;
import org.losslab.app.model.JobThreads;
import org.losslab.engine.mlp.Architecture;
import org.losslab.engine.mlp.LossSlice;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.sim.Trajectory;
import org.losslab.render.ContourField;
import org.losslab.render.PlotScenes;

/**
 * The network's own landscape (Li et al. 2018): the training loss on a plane through one run's
 * weights, computed as a long {@link Job} with progress and cancel. Everything the job reads is
 * copied from the run when it starts, so training may go on meanwhile; the slice shows the
 * weights of the step it was started at.
 */
public final class LandscapeSlice {
    private final Job job;
    private final Consumer<String> report;
    private final ReadOnlyObjectWrapper<SliceResult> slice = new ReadOnlyObjectWrapper<>(this, "slice");

    /**
     * @param threads where the rows of the grid are computed
     * @param publish hands results to the FX thread
     * @param report  told why a slice was not computed, and "" when one starts
     */
    public LandscapeSlice(JobThreads threads, Consumer<Runnable> publish, Consumer<String> report) {
        this.job = new Job(threads, publish);
        this.report = report;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    /** The latest slice, null until one is computed and after {@link #clear}. */
    public ReadOnlyObjectProperty<SliceResult> sliceProperty() {
        return slice.getReadOnlyProperty();
    }

    /**
     * Computes the training loss on an n × n grid over [−range, range]² of the plane through the
     * current weights of run {@code run}, in the background.
     *
     * @param curves the run's curves so far (its weights and recorded path)
     * @param pca    the top two PCA directions of the run's recorded weights instead of random
     *               filter-normalized ones
     * @return null if started, else why not (e.g. PCA before two steps are recorded)
     */
    public String compute(Training training, int run, RunCurves curves, int n, double range, boolean pca,
                          long directionSeed) {
        if (n < 2 || n > 400) {
            return fail("grid size must be 2 to 400, got " + n);
        }
        if (!(range > 0) || !Double.isFinite(range)) {
            return fail("range must be a positive number, got " + range);
        }
        if (training.architecture().block().normalization() == org.losslab.engine.mlp.Normalization.BATCH) {
            return fail("no landscape slice with batch normalization: its evaluation loss needs running statistics, "
                    + "which exist only along the run");
        }
        TrainSnapshot last = curves.last();
        if (last == null) {
            return fail("the run has not started yet");
        }
        if (last.diverged()) {
            return fail("run " + (run + 1) + " diverged: its weights are not finite, so there is no plane through them");
        }
        List<double[]> path = curves.weightPath();
        long[] pathSteps = curves.weightPathSteps();
        if (pca && path.size() < 3) {
            return fail("PCA directions need a weight path: train a few steps first");
        }
        double[] trainLoss = curves.weightPathLosses();
        double[] center = last.weights();
        report.accept("");
        job.start((pool, threads, cancel, progress) -> {
            Architecture arch = training.architecture();
            double[] d1, d2;
            double[] explained = null;
            if (pca) {
                double[][] p = LossSlice.pca(path, center);
                d1 = p[0];
                d2 = p[1];
                explained = p[2];
            } else {
                d1 = LossSlice.filterNormalized(arch, center, directionSeed);
                d2 = LossSlice.filterNormalized(arch, center, directionSeed + 1);
            }
            LossSlice.Grid grid = LossSlice.compute(arch, training.data().train(), center, d1, d2, -range, range, -range,
                    range, n, pool, progress::update, cancel);
            if (grid == null) {
                return null;
            }
            GridSurface surface = new GridSurface(grid);
            ContourField field = ContourField.compute(surface, surface.defaultView(), n, n, 0, PlotScenes.BANDS, cancel);
            if (field == null) {
                return null;
            }
            Trajectory projected = new Trajectory(path.size());
            for (int i = 0; i < path.size(); i++) {
                double[] ab = LossSlice.project(center, d1, d2, path.get(i));
                projected.point(0, i, ab[0], ab[1], trainLoss[i], 0, 0);
            }
            return new SliceResult(run, last.step(), pca, explained, surface, field, projected);
        }, () -> { }, slice::set, why -> report.accept("Landscape not computed: " + why));
        return null;
    }

    /** Stops the slice being computed, if any (its result is dropped). */
    public void cancel() {
        job.cancel();
    }

    /** Cancels and forgets the slice: the weights it went through are gone (a new or restarted training). */
    public void clear() {
        job.cancel();
        slice.set(null);
    }

    private String fail(String problem) {
        report.accept(problem);
        return problem;
    }
}
