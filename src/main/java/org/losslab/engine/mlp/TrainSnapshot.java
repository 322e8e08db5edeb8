package org.losslab.engine.mlp;

/**
 * The state of one training run after {@code step} updates, immutable: safe to hand from the
 * training thread to the UI. Losses are the data loss without weight decay (what torch's loss
 * function returns); the gradient norm is that of the full training loss; accuracies are NaN for
 * regression and test figures NaN when there is no test set.
 *
 * @param step          updates done
 * @param epoch         passes over the training set (examples seen / training-set size)
 * @param trainLoss     mean loss over the training set
 * @param testLoss      mean loss over the test set
 * @param trainAccuracy share of training points classified correctly
 * @param testAccuracy  share of test points classified correctly
 * @param gradNorm      ‖∇L_train(θ)‖
 * @param lr            learning rate of the update that led here (NaN at step 0)
 * @param diverged      whether θ, the loss or the gradient is no longer finite
 * @param sharpness     λmax of the Hessian of the training loss, measured at the steps the training's
 *                      {@link TrainingOptions.SharpnessRecording} says; NaN at others
 * @param mixture       with {@link Darts}, each hidden layer's mixture weights softmax(α), layer l's
 *                      candidate k at [l·4 + k]; empty otherwise
 * @param stoppedEarly  whether early stopping ended the run at this step (the weights are then the restored best)
 * @param bestStep      with early stopping, the step of the best test loss so far (−1 before the first check or
 *                      without early stopping)
 */
public record TrainSnapshot(long step, double epoch, double trainLoss, double testLoss, double trainAccuracy,
                            double testAccuracy, double gradNorm, double lr, boolean diverged, double[] weights,
                            double sharpness, double[] mixture, boolean stoppedEarly, long bestStep) {

    public TrainSnapshot {
        weights = weights.clone();
        mixture = mixture.clone();
    }

    /** A copy of the DARTS mixture weights (empty without DARTS). */
    @Override
    public double[] mixture() {
        return mixture.clone();
    }

    /** A snapshot of a run without DARTS and without early stopping. */
    public TrainSnapshot(long step, double epoch, double trainLoss, double testLoss, double trainAccuracy,
                         double testAccuracy, double gradNorm, double lr, boolean diverged, double[] weights,
                         double sharpness) {
        this(step, epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, gradNorm, lr, diverged, weights, sharpness,
                new double[0], false, -1);
    }

    /** A snapshot of a run with early stopping, without DARTS. */
    public TrainSnapshot(long step, double epoch, double trainLoss, double testLoss, double trainAccuracy,
                         double testAccuracy, double gradNorm, double lr, boolean diverged, double[] weights,
                         double sharpness, boolean stoppedEarly, long bestStep) {
        this(step, epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, gradNorm, lr, diverged, weights, sharpness,
                new double[0], stoppedEarly, bestStep);
    }

    /** A snapshot of a run with DARTS, without early stopping. */
    public TrainSnapshot(long step, double epoch, double trainLoss, double testLoss, double trainAccuracy,
                         double testAccuracy, double gradNorm, double lr, boolean diverged, double[] weights,
                         double sharpness, double[] mixture) {
        this(step, epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, gradNorm, lr, diverged, weights, sharpness,
                mixture, false, -1);
    }

    /** A copy of the weights θ, in {@link Architecture}'s layout. */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Weight i of θ, without copying. */
    public double weight(int i) {
        return weights[i];
    }

    public int weightCount() {
        return weights.length;
    }
}
