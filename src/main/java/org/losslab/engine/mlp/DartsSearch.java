package org.losslab.engine.mlp;

import java.util.List;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.Objective;
import org.losslab.engine.random.Minibatches;
import org.losslab.engine.random.Seeds;
import org.losslab.engine.update.BatchLoss;
import org.losslab.engine.update.RandomStreams;
import org.losslab.engine.update.RunSettings;
import org.losslab.engine.update.UpdatePipeline;

/**
 * One trainer's side of {@link Darts}: the mixture weights w = softmax(α) that its networks read,
 * and, when searching, α's own update on the validation part (step 1 of DARTS's alternation): the
 * validation loss's gradient ∂L_val/∂w at the current θ (backpropagated through the mixtures), then
 * ∂L_val/∂α through the softmax, then Adam on α through the same {@link UpdatePipeline} as any run.
 * α starts at 0 (every candidate weighted ¼), as in the paper up to its small random start. When
 * retraining, w is fixed one-hot on the chosen candidates. Allocation-free per step.
 */
final class DartsSearch {
    /** Purpose tag of the validation minibatches' random stream (see {@link Seeds}). */
    static final int VALIDATION_STREAM = 6;

    private final Darts darts;
    private final int hidden;
    private final double[] alpha, w, gAlpha, thetaGrad;
    private final double[] lossArr = new double[1];
    private final Examples val;
    private final Network valNet;
    private final MixedActivation valMix;
    private final int width, batchSize;
    private final long seed, steps;
    private final int runIndex;
    private UpdatePipeline pipeline;
    private Minibatches batches;

    /**
     * @param val       the validation part (null when retraining)
     * @param batchSize the run's minibatch size (0: the whole validation part each step)
     */
    DartsSearch(Architecture arch, Darts darts, Examples val, int batchSize, Training training, int runIndex) {
        this.darts = darts;
        hidden = arch.layerCount() - 1;
        int m = hidden * MixedActivation.K;
        alpha = new double[m];
        w = new double[m];
        gAlpha = new double[m];
        int widest = 1;
        for (int l = 0; l < hidden; l++) {
            widest = Math.max(widest, arch.unitsOf(l));
        }
        width = widest;
        this.val = val;
        this.batchSize = batchSize;
        this.seed = training.seed();
        this.steps = training.steps();
        this.runIndex = runIndex;
        if (darts.searching()) {
            valNet = new Network(arch);
            valMix = new MixedActivation(w, width);
            valNet.mix(valMix);
            thetaGrad = new double[arch.parameterCount()];
        } else {
            if (darts.fixed().size() != hidden) {
                throw new IllegalArgumentException("the architecture to retrain names " + darts.fixed().size()
                        + " activations for " + hidden + " hidden layers");
            }
            valNet = null;
            valMix = null;
            thetaGrad = null;
        }
        reset();
    }

    /** The validation part's size: round(n·fraction), leaving at least one example on each side. */
    static int validationSize(int n, double fraction) {
        if (n < 2) {
            throw new IllegalArgumentException("a DARTS search needs at least 2 training points, got " + n);
        }
        return (int) Math.max(1, Math.min(n - 1, Math.round(n * fraction)));
    }

    /** Makes {@code net}'s hidden layers mixtures with these weights. */
    void mixInto(Network net) {
        net.mix(new MixedActivation(w, width));
    }

    boolean searching() {
        return darts.searching();
    }

    void reset() {
        java.util.Arrays.fill(alpha, 0.0);
        if (darts.searching()) {
            Darts.softmax(alpha, w);
            RandomStreams streams = new RandomStreams(seed, new int[] {runIndex});
            pipeline = new UpdatePipeline(alpha.length, 1, List.of(RunSettings.of(Adam.Config.adam().withLr(darts.alphaLr()))),
                    steps, streams);
            batches = batchSize > 0 && batchSize < val.n ? new Minibatches(val.n, batchSize, Seeds.of(seed, runIndex, VALIDATION_STREAM)) : null;
        } else {
            java.util.Arrays.fill(w, 0.0);
            for (int l = 0; l < hidden; l++) {
                w[l * MixedActivation.K + darts.fixed().get(l)] = 1;
            }
        }
    }

    /** DARTS's step 1 at update t: α ← Adam(α, ∇_α L_val(θ, α)), then w = softmax(α). */
    void step(double[] theta, long t) {
        int[] idx = null;
        int from = 0, to = val.n;
        if (batches != null) {
            batches.next();
            idx = batches.indices();
            from = batches.from();
            to = batches.to();
        }
        valMix.clearGradient();
        lossArr[0] = valNet.evaluate(theta, val, idx, from, to, thetaGrad);
        Darts.softmaxBackward(w, valMix.gradient(), gAlpha);
        pipeline.update(1, t, alpha, gAlpha, lossArr, NO_BATCH_LOSS, NO_OBJECTIVE);
        Darts.softmax(alpha, w);
    }

    /** A copy of the mixture weights, hidden layer l's candidate k at [l·K + k]. */
    double[] weights() {
        return w.clone();
    }

    /** Adam on α asks the loss for nothing more. */
    private static final BatchLoss NO_BATCH_LOSS = (count, p, f, g) -> {
        throw new IllegalStateException("α's update asks for no loss evaluations");
    };
    private static final Objective NO_OBJECTIVE = new Objective() {
        @Override
        public double valueAndGradient(int r, double[] th, double[] g) {
            throw new IllegalStateException("α's update asks for no loss evaluations");
        }

        @Override
        public void hessian(int r, double[] th, double[] hess) {
            throw new IllegalStateException("α's update asks for no Hessian");
        }
    };
}
