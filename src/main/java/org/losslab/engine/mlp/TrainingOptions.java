package org.losslab.engine.mlp;

/**
 * What a training does besides its runs' updates, the same for every run: an immutable value.
 *
 * @param sharpness record the sharpness λmax of the training loss during training, or null
 * @param mcDropout predict by MC dropout with this many passes ({@link McDropout}), or 0 for the plain
 *                  evaluation-mode prediction
 * @param earlyStopping stop each run when its test loss stops improving, or null
 * @param ensemble  train each run as a deep ensemble of this many members ({@link Ensemble}), or 0
 */
public record TrainingOptions(SharpnessRecording sharpness, int mcDropout, EarlyStopping earlyStopping, int ensemble) {
    /** Nothing besides the updates. */
    public static final TrainingOptions NONE = new TrainingOptions(null, 0, null, 0);

    public TrainingOptions {
        if (mcDropout < 0) {
            throw new IllegalArgumentException("MC dropout passes must be ≥ 0, got " + mcDropout);
        }
        if (ensemble < 0 || ensemble == 1) {
            throw new IllegalArgumentException("an ensemble has 0 (none) or at least 2 members, got " + ensemble);
        }
    }

    /** Only sharpness recording (or nothing). */
    public TrainingOptions(SharpnessRecording sharpness) {
        this(sharpness, 0, null, 0);
    }

    public TrainingOptions withSharpness(SharpnessRecording s) {
        return new TrainingOptions(s, mcDropout, earlyStopping, ensemble);
    }

    /** MC dropout with {@code passes} stochastic passes (0: off). */
    public TrainingOptions withMcDropout(int passes) {
        return new TrainingOptions(sharpness, passes, earlyStopping, ensemble);
    }

    /** Early stopping by this rule (null: off). */
    public TrainingOptions withEarlyStopping(EarlyStopping e) {
        return new TrainingOptions(sharpness, mcDropout, e, ensemble);
    }

    /** Deep ensembles of {@code members} (0: off). */
    public TrainingOptions withEnsemble(int members) {
        return new TrainingOptions(sharpness, mcDropout, earlyStopping, members);
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
