package org.losslab.engine.update;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.schedule.ConstantSchedule;
import org.losslab.engine.schedule.ScheduleConfig;

/**
 * Everything that defines one run's updates, for a 2-D point and for a network alike: an immutable
 * value handed to background work. Scenario runs and training runs are both read into it.
 *
 * @param optimizer   the optimizer and its hyperparameters (its lr is the base rate of step 4)
 * @param schedule    the learning-rate schedule after warmup
 * @param warmupSteps W ≥ 0, the linear warmup length
 * @param batchSize   the minibatch size of step 1 on finite sums and training sets; 0 for the full batch
 * @param start       the run's initial parameters; null for the problem's own (a scenario's start,
 *                    a network's initial weights). Copied.
 * @param transforms  the run's other links of the update (SAM, clipping, noise, …): at most one per
 *                    {@link Stage}, kept in stage order, links that change nothing left out
 */
public record RunSettings(OptimizerConfig optimizer, ScheduleConfig schedule, long warmupSteps, int batchSize,
                          double[] start, List<TransformConfig> transforms) {

    public RunSettings {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        if (warmupSteps < 0 || batchSize < 0) {
            throw new IllegalArgumentException("warmupSteps and batchSize must be ≥ 0: " + warmupSteps + ", " + batchSize);
        }
        start = start == null ? null : start.clone();
        transforms = canonical(transforms);
    }

    /**
     * The links without identities, in stage order, at most one per stage. A list that already is
     * so (every wither passes its own) is kept as it is: a sweep builds tens of thousands of runs.
     */
    private static List<TransformConfig> canonical(List<TransformConfig> transforms) {
        boolean ok = true;
        for (int i = 0; i < transforms.size() && ok; i++) {
            TransformConfig c = transforms.get(i);
            ok = !c.isIdentity() && (i == 0 || transforms.get(i - 1).stage().compareTo(c.stage()) < 0);
        }
        if (ok) {
            return List.copyOf(transforms);
        }
        List<TransformConfig> kept = new ArrayList<>();
        for (TransformConfig c : transforms) {
            if (!c.isIdentity()) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparing(TransformConfig::stage));
        for (int i = 1; i < kept.size(); i++) {
            if (kept.get(i).stage() == kept.get(i - 1).stage()) {
                throw new IllegalArgumentException("two " + kept.get(i).stage() + " links in one run");
            }
        }
        return List.copyOf(kept);
    }

    /** A plain run: constant schedule, no warmup, full batch, the problem's start, no other links. */
    public static RunSettings of(OptimizerConfig optimizer) {
        return new RunSettings(optimizer, new ConstantSchedule(), 0, 0, null, List.of());
    }

    /** A plain run from (x, y). */
    public static RunSettings of(OptimizerConfig optimizer, double x, double y) {
        return of(optimizer).withStart(x, y);
    }

    @Override
    public double[] start() {
        return start == null ? null : start.clone();
    }

    /** Whether the run has its own start. */
    public boolean hasStart() {
        return start != null;
    }

    /** The number of coordinates of the run's own start (0 without one). */
    public int dimension() {
        return start == null ? 0 : start.length;
    }

    /** Coordinate c of the run's start (no copy). */
    public double start(int c) {
        return start[c];
    }

    /** The link of this stage, or null if the run has none. */
    public TransformConfig transform(Stage stage) {
        for (TransformConfig c : transforms) {
            if (c.stage() == stage) {
                return c;
            }
        }
        return null;
    }

    /** Langevin temperature T (0 without noise). */
    public double noiseTemperature() {
        return transform(Stage.LANGEVIN_NOISE) instanceof LangevinNoise.Config c ? c.temperature() : 0;
    }

    /** SAM radius ρ (0 without SAM). */
    public double samRho() {
        return transform(Stage.SAM) instanceof Sam.Config c ? c.rho() : 0;
    }

    /** Gradient-norm clip c (+∞ without clipping). */
    public double clipNorm() {
        return transform(Stage.CLIP_NORM) instanceof ClipNorm.Config c ? c.maxNorm() : Double.POSITIVE_INFINITY;
    }

    public boolean clips() {
        return transform(Stage.CLIP_NORM) != null;
    }

    /** This run with {@code link} in place of its link of the same stage (an identity link removes it). */
    public RunSettings with(TransformConfig link) {
        List<TransformConfig> l = new ArrayList<>(transforms.size() + 1);
        for (TransformConfig c : transforms) {
            if (c.stage() != link.stage()) {
                l.add(c);
            }
        }
        l.add(link);
        return new RunSettings(optimizer, schedule, warmupSteps, batchSize, start, l);
    }

    public RunSettings withOptimizer(OptimizerConfig o) {
        return new RunSettings(o, schedule, warmupSteps, batchSize, start, transforms);
    }

    public RunSettings withSchedule(ScheduleConfig s) {
        return new RunSettings(optimizer, s, warmupSteps, batchSize, start, transforms);
    }

    public RunSettings withWarmupSteps(long w) {
        return new RunSettings(optimizer, schedule, w, batchSize, start, transforms);
    }

    public RunSettings withBatchSize(int b) {
        return new RunSettings(optimizer, schedule, warmupSteps, b, start, transforms);
    }

    public RunSettings withStart(double... p) {
        return new RunSettings(optimizer, schedule, warmupSteps, batchSize, p, transforms);
    }

    public RunSettings withNoiseTemperature(double t) {
        return with(new LangevinNoise.Config(t));
    }

    public RunSettings withSamRho(double rho) {
        return with(new Sam.Config(rho));
    }

    public RunSettings withClipNorm(double c) {
        return with(new ClipNorm.Config(c));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunSettings r && optimizer.equals(r.optimizer) && schedule.equals(r.schedule)
                && warmupSteps == r.warmupSteps && batchSize == r.batchSize && Arrays.equals(start, r.start)
                && transforms.equals(r.transforms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(optimizer, schedule, warmupSteps, batchSize, Arrays.hashCode(start), transforms);
    }

    @Override
    public String toString() {
        return "RunSettings[optimizer=" + optimizer + ", schedule=" + schedule + ", warmupSteps=" + warmupSteps
                + ", batchSize=" + batchSize + ", start=" + Arrays.toString(start) + ", transforms=" + transforms + "]";
    }
}
