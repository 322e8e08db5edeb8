package org.losslab.engine.mlp;

import java.util.HashMap;
import java.util.Map;

/**
 * What a training does besides its runs' updates, the same for every run: an immutable value.
 *
 * @param sharpness record the sharpness λmax of the training loss during training, or null
 * @param mcDropout predict by MC dropout with this many passes ({@link McDropout}), or 0 for the plain
 *                  evaluation-mode prediction
 * @param whiten    the input points are PCA-whitened, fitted on the training set ({@link Whitening}):
 *                  the maker of the {@link Training} whitens its split, as {@code TrainConfig.training()} does
 * @param kfac      the runs (by index) whose gradients K-FAC preconditions, with its settings ({@link Kfac})
 * @param curriculum the runs (by index) whose batches follow a curriculum, easy to hard ({@link Curriculum})
 * @param darts     a DARTS search or retraining of the hidden layers' activations ({@link Darts}), or null
 * @param earlyStopping stop each run when its test loss stops improving, or null
 * @param ensemble  train each run as a deep ensemble of this many members ({@link Ensemble}), or 0
 */
public record TrainingOptions(SharpnessRecording sharpness,
                              int mcDropout,
                              boolean whiten,
                              Map<Integer, Kfac.Settings> kfac,
                              Map<Integer, Curriculum.Settings> curriculum,
                              Darts darts,
                              EarlyStopping earlyStopping,
                              int ensemble) {
    /** Nothing besides the updates. */
    public static final TrainingOptions NONE = new TrainingOptions(null);

    public TrainingOptions {
        if (mcDropout < 0) {
            throw new IllegalArgumentException("MC dropout passes must be ≥ 0, got " + mcDropout);
        }
        kfac = Map.copyOf(kfac);
        curriculum = Map.copyOf(curriculum);
        if (ensemble < 0 || ensemble == 1) {
            throw new IllegalArgumentException("an ensemble has 0 (none) or at least 2 members, got " + ensemble);
        }
    }

    /** Only sharpness recording (or nothing, with null). */
    public TrainingOptions(SharpnessRecording sharpness) {
        this(sharpness, 0, false, Map.of(), Map.of(), null, null, 0);
    }

    public TrainingOptions withSharpness(SharpnessRecording s) {
        return new TrainingOptions(s, mcDropout, whiten, kfac, curriculum, darts, earlyStopping, ensemble);
    }

    /** MC dropout with {@code passes} stochastic passes (0: off). */
    public TrainingOptions withMcDropout(int passes) {
        return new TrainingOptions(sharpness, passes, whiten, kfac, curriculum, darts, earlyStopping, ensemble);
    }

    public TrainingOptions withWhiten(boolean w) {
        return new TrainingOptions(sharpness, mcDropout, w, kfac, curriculum, darts, earlyStopping, ensemble);
    }

    /** K-FAC's settings for run {@code run}, or null when the run uses its plain gradient. */
    public Kfac.Settings kfac(int run) {
        return kfac.get(run);
    }

    /** These options with run {@code run} preconditioned by K-FAC with {@code s} (null: not at all). */
    public TrainingOptions withKfac(int run, Kfac.Settings s) {
        Map<Integer, Kfac.Settings> k = new HashMap<>(kfac);
        if (s == null) {
            k.remove(run);
        } else {
            k.put(run, s);
        }
        return new TrainingOptions(sharpness, mcDropout, whiten, k, curriculum, darts, earlyStopping, ensemble);
    }

    /** The per-run options after run {@code removed} is taken out of the list (later runs move up one). */
    public TrainingOptions withRunRemoved(int removed) {
        return new TrainingOptions(sharpness, mcDropout, whiten, shifted(kfac, removed), shifted(curriculum, removed), darts, earlyStopping, ensemble);
    }

    /** The per-run options with run {@code to} a copy of run {@code from}'s. */
    public TrainingOptions withRunCopied(int from, int to) {
        return withKfac(to, kfac(from)).withCurriculum(to, curriculum(from));
    }

    /** These options with a DARTS search or retraining (null: the architecture's own activation). */
    public TrainingOptions withDarts(Darts d) {
        return new TrainingOptions(sharpness, mcDropout, whiten, kfac, curriculum, d, earlyStopping, ensemble);
    }

    /** The curriculum of run {@code run}, or null when its batches come in random order. */
    public Curriculum.Settings curriculum(int run) {
        return curriculum.get(run);
    }

    /** These options with run {@code run}'s batches following {@code c} (null: random order). */
    public TrainingOptions withCurriculum(int run, Curriculum.Settings c) {
        Map<Integer, Curriculum.Settings> m = new HashMap<>(curriculum);
        if (c == null) {
            m.remove(run);
        } else {
            m.put(run, c);
        }
        return new TrainingOptions(sharpness, mcDropout, whiten, kfac, m, darts, earlyStopping, ensemble);
    }

    private static <T> Map<Integer, T> shifted(Map<Integer, T> m, int removed) {
        Map<Integer, T> r = new HashMap<>();
        m.forEach((i, v) -> {
            if (i != removed) {
                r.put(i > removed ? i - 1 : i, v);
            }
        });
        return r;
    }

    /** Early stopping by this rule (null: off). */
    public TrainingOptions withEarlyStopping(EarlyStopping e) {
        return new TrainingOptions(sharpness, mcDropout, whiten, kfac, curriculum, darts, e, ensemble);
    }

    /** Deep ensembles of {@code members} (0: off). */
    public TrainingOptions withEnsemble(int members) {
        return new TrainingOptions(sharpness, mcDropout, whiten, kfac, curriculum, darts, earlyStopping, members);
    }

    /**
     * Measure the sharpness at step 0 and every {@code every}-th step by {@link Sharpness}, warm
     * started from the previous measurement.
     *
     * @param every      steps between measurements, ≥ 1
     * @param iterations the most Hessian-vector products of one measurement, ≥ 1
     * @param tolerance  relative change of the Rayleigh quotient at which a measurement stops, ≥ 0
     */
    public record SharpnessRecording(long every, int iterations, double tolerance) {
        public SharpnessRecording {
            if (every < 1 || iterations < 1 || !(tolerance >= 0)) {
                throw new IllegalArgumentException("sharpness needs every ≥ 1, iterations ≥ 1 and tolerance ≥ 0: "
                        + every + ", " + iterations + ", " + tolerance);
            }
        }

        /** Every {@code every} steps with the default budget and tolerance of {@link Sharpness}. */
        public static SharpnessRecording every(long every) {
            return new SharpnessRecording(every, Sharpness.DEFAULT_ITERATIONS, Sharpness.DEFAULT_TOLERANCE);
        }

        /** Is step {@code k} one that is measured? */
        public boolean at(long k) {
            return k % every == 0;
        }
    }
}
