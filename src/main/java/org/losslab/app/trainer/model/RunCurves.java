package org.losslab.app.trainer.model;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.sim.Trajectory;

/**
 * The history of one training run as the charts read it: one {@link Trajectory} per curve, point k
 * being step k (value in the loss column; the train curve also carries ‖∇L‖ and the learning rate),
 * and the weights at every {@code recordEvery}-th step for PCA directions and the projected path.
 * Owned by the FX thread: it appends what the training thread published, and the views read it in
 * the same thread, so nothing is shared while it grows.
 */
public final class RunCurves {
    private final Trajectory train, test, trainAccuracy, testAccuracy;
    private final int recordEvery;
    private final List<Long> recordedSteps = new ArrayList<>();
    private final List<double[]> recorded = new ArrayList<>();
    private TrainSnapshot last;

    /**
     * @param steps       the horizon (sizes the arrays)
     * @param recordEvery keep the weights of every such step (and the last)
     */
    public RunCurves(long steps, int recordEvery) {
        long points = Math.min(steps + 1, 1 << 16);
        train = new Trajectory(points);
        test = new Trajectory(points);
        trainAccuracy = new Trajectory(points);
        testAccuracy = new Trajectory(points);
        this.recordEvery = Math.max(1, recordEvery);
    }

    /** Appends the snapshot of the next step; snapshots must come in step order without gaps. */
    public void add(TrainSnapshot s) {
        if (s.step() != train.size()) {
            throw new IllegalStateException("expected step " + train.size() + ", got " + s.step());
        }
        train.point(0, s.step(), 0, 0, s.trainLoss(), s.gradNorm(), s.lr());
        test.point(0, s.step(), 0, 0, s.testLoss(), 0, s.lr());
        trainAccuracy.point(0, s.step(), 0, 0, s.trainAccuracy(), 0, s.lr());
        testAccuracy.point(0, s.step(), 0, 0, s.testAccuracy(), 0, s.lr());
        if (s.step() % recordEvery == 0 && !s.diverged()) {
            recordedSteps.add(s.step());
            recorded.add(s.weights());
        }
        last = s;
    }

    /** Training loss, gradient norm and learning rate per step. */
    public Trajectory train() {
        return train;
    }

    /** Test loss per step. */
    public Trajectory test() {
        return test;
    }

    public Trajectory trainAccuracy() {
        return trainAccuracy;
    }

    public Trajectory testAccuracy() {
        return testAccuracy;
    }

    /** The latest snapshot, or null before the first. */
    public TrainSnapshot last() {
        return last;
    }

    /** Steps done so far. */
    public long step() {
        return last == null ? 0 : last.step();
    }

    /** The recorded weights, oldest first, plus the latest if it was not recorded; never modified. */
    public List<double[]> weightPath() {
        List<double[]> p = new ArrayList<>(recorded);
        if (last != null && !last.diverged() && (recordedSteps.isEmpty() || recordedSteps.get(recordedSteps.size() - 1) != last.step())) {
            p.add(last.weights());
        }
        return p;
    }

    /** The step of each entry of {@link #weightPath()}. */
    public long[] weightPathSteps() {
        List<double[]> p = weightPath();
        long[] s = new long[p.size()];
        for (int i = 0; i < recordedSteps.size() && i < s.length; i++) {
            s[i] = recordedSteps.get(i);
        }
        if (s.length > recordedSteps.size()) {
            s[s.length - 1] = last.step();
        }
        return s;
    }
}
