package org.losslab.app.trainer.model;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.analysis.EdgeOfStability;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Trajectory;

/**
 * The history of one training run as the charts read it: one {@link Trajectory} per curve, point k
 * being step k (value in the loss column; the train curve also carries ‖∇L‖ and the learning rate),
 * and the weights at every {@code recordEvery}-th step for PCA directions and the projected path.
 * A curve keeps at most {@link #KEPT_POINTS} points: a longer training is kept through a stride
 * that doubles when full ({@link Trajectory#bounded}; step 0 and the latest step always kept, each
 * point at its own {@link Trajectory#step}), so a ten-million-step training holds a few megabytes
 * per curve, not gigabytes; a shorter one keeps every step, as before.
 * Owned by the FX thread: it appends what the training thread published, and the views read it in
 * the same thread, so nothing is shared while it grows.
 */
public final class RunCurves {
    private final Trajectory train, test, trainAccuracy, testAccuracy;
    private final int recordEvery;
    private final List<Long> recordedSteps = new ArrayList<>();
    private final List<double[]> recorded = new ArrayList<>();
    /** The measured sharpness: step, λmax and the learning rate of the update that led there. */
    private long[] sharpSteps = new long[16];
    private double[] sharpValues = new double[16], sharpLr = new double[16];
    private int sharpCount;
    private TrainSnapshot last;
    /** The training loss at each recorded weight vector (the curves may have thinned those steps out). */
    private final List<Double> recordedLoss = new ArrayList<>();
    /** Snapshots appended so far: the step the next one must have. */
    private long added;

    /**
     * The most points a curve keeps: 2¹⁷, as the surfaces' runs ({@code LabModel.KEPT_POINTS}):
     * more than 16 per pixel column of a 4K-wide chart, 48 bytes each.
     */
    public static final int KEPT_POINTS = 1 << 17;
    /** DARTS: each mixture weight's curve (hidden layer l, candidate k at [l·4 + k]), made at the first snapshot that has them. */
    private Trajectory[] mixture;
    private final long points;

    /**
     * @param steps       the horizon (sizes the arrays)
     * @param recordEvery keep the weights of every such step (and the last)
     */
    public RunCurves(long steps, int recordEvery) {
        this.points = steps + 1;
        train = curve(points);
        test = curve(points);
        trainAccuracy = curve(points);
        testAccuracy = curve(points);
        this.recordEvery = Math.max(1, recordEvery);
    }

    /** A curve of {@code points} points: every one when they fit the bound, else thinned by a doubling stride. */
    private static Trajectory curve(long points) {
        return points <= KEPT_POINTS ? new Trajectory(Math.min(points, 1 << 16)) : Trajectory.bounded(points, KEPT_POINTS);
    }

    /** The step the next snapshot must have (steps come in order without gaps). */
    public long nextStep() {
        return added;
    }

    /** Appends the snapshot of the next step; snapshots must come in step order without gaps. */
    public void add(TrainSnapshot s) {
        if (s.step() != added) {
            throw new IllegalStateException("expected step " + added + ", got " + s.step());
        }
        added++;
        train.point(0, s.step(), 0, 0, s.trainLoss(), s.gradNorm(), s.lr());
        test.point(0, s.step(), 0, 0, s.testLoss(), 0, s.lr());
        trainAccuracy.point(0, s.step(), 0, 0, s.trainAccuracy(), 0, s.lr());
        testAccuracy.point(0, s.step(), 0, 0, s.testAccuracy(), 0, s.lr());
        if (Double.isFinite(s.sharpness())) {
            if (sharpCount == sharpSteps.length) {
                sharpSteps = java.util.Arrays.copyOf(sharpSteps, 2 * sharpCount);
                sharpValues = java.util.Arrays.copyOf(sharpValues, 2 * sharpCount);
                sharpLr = java.util.Arrays.copyOf(sharpLr, 2 * sharpCount);
            }
            sharpSteps[sharpCount] = s.step();
            sharpValues[sharpCount] = s.sharpness();
            sharpLr[sharpCount] = s.lr();
            sharpCount++;
        }
        if (s.mixture().length > 0) {
            double[] w = s.mixture();
            if (mixture == null) {
                mixture = new Trajectory[w.length];
                for (int k = 0; k < w.length; k++) {
                    mixture[k] = curve(points);
                }
            }
            for (int k = 0; k < w.length; k++) {
                mixture[k].point(0, s.step(), 0, 0, w[k], 0, s.lr());
            }
        }
        if (s.step() % recordEvery == 0 && !s.diverged()) {
            recordedSteps.add(s.step());
            recorded.add(s.weights());
            recordedLoss.add(s.trainLoss());
        }
        last = s;
    }

    /**
     * DARTS's mixture weights per step, one curve per hidden layer and candidate (layer l's candidate
     * k at [l·4 + k], the value in the loss column); empty without DARTS.
     */
    public List<Trajectory> mixture() {
        return mixture == null ? List.of() : List.of(mixture);
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

    /** How many sharpness measurements there are. */
    public int sharpnessCount() {
        return sharpCount;
    }

    /** The steps of the sharpness measurements, oldest first (a copy). */
    public long[] sharpnessSteps() {
        return java.util.Arrays.copyOf(sharpSteps, sharpCount);
    }

    /** λmax at each measured step (a copy). */
    public double[] sharpness() {
        return java.util.Arrays.copyOf(sharpValues, sharpCount);
    }

    /** The learning rate of the update that led to each measured step, NaN at step 0 (a copy). */
    public double[] sharpnessLr() {
        return java.util.Arrays.copyOf(sharpLr, sharpCount);
    }

    /**
     * The measured sharpness as the edge-of-stability chart draws it, point k at step
     * {@link #sharpnessSteps()}[k], against the stability limit of gradient descent for the run's
     * optimizer: 2/η, or SGD's with momentum 2(1 + β)/η (Nesterov (2 + 2β)/((1 + 2β)η)), see
     * {@link EdgeOfStability#limit}. Adaptive methods are shown against 2/η too: their own limit
     * bounds the preconditioned sharpness, which a network's chart does not measure.
     */
    public EdgeOfStability.Series sharpnessSeries(OptimizerConfig optimizer) {
        double[] limit = new double[sharpCount], pre = new double[sharpCount];
        for (int k = 0; k < sharpCount; k++) {
            double lr = sharpLr[k];
            limit[k] = optimizer instanceof Sgd.Config ? EdgeOfStability.limit(optimizer, lr, sharpSteps[k]) : 2 / lr;
            pre[k] = Double.NaN;
        }
        return new EdgeOfStability.Series(sharpness(), pre, limit, sharpnessLr(), false,
                last != null && last.diverged() ? last.step() : -1);
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

    /** The training loss at each entry of {@link #weightPath()}. */
    public double[] weightPathLosses() {
        List<double[]> p = weightPath();
        double[] l = new double[p.size()];
        for (int i = 0; i < recordedLoss.size() && i < l.length; i++) {
            l[i] = recordedLoss.get(i);
        }
        if (l.length > recordedLoss.size()) {
            l[l.length - 1] = last.trainLoss();
        }
        return l;
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
