package org.losslab.engine.mlp;

/**
 * What a training does besides its runs' updates, the same for every run: an immutable value.
 *
 * @param sharpness record the sharpness λmax of the training loss during training, or null
 * @param whiten    the input points are PCA-whitened, fitted on the training set ({@link Whitening}):
 *                  the maker of the {@link Training} whitens its split, as {@code TrainConfig.training()} does
 */
public record TrainingOptions(SharpnessRecording sharpness,
                              boolean whiten) {
    /** Nothing besides the updates. */
    public static final TrainingOptions NONE = new TrainingOptions(null);

    /** Only sharpness recording (or nothing, with null). */
    public TrainingOptions(SharpnessRecording sharpness) {
        this(sharpness, false);
    }

    public TrainingOptions withSharpness(SharpnessRecording s) {
        return new TrainingOptions(s, whiten);
    }

    public TrainingOptions withWhiten(boolean w) {
        return new TrainingOptions(sharpness, w);
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
