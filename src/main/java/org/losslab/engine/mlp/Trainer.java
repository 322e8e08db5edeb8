package org.losslab.engine.mlp;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Objective;
import org.losslab.engine.random.Minibatches;
import org.losslab.engine.random.Seeds;
import org.losslab.engine.update.BatchLoss;
import org.losslab.engine.update.RandomStreams;
import org.losslab.engine.update.RunSettings;
import org.losslab.engine.update.UpdatePipeline;

/**
 * Trains one run of a {@link Training}: play is {@link #step(int)} in a loop on a background
 * thread, pause is not calling it, step is {@code step(1)}, reset is {@link #reset()}; the UI reads
 * {@link #snapshot()}s, which are immutable. Deterministic: the same training and run index give
 * the same weights after every update, bit for bit.
 *
 * <p>Update t goes exactly as the spec's "One update, exactly" does for a point, with θ all weights:
 * step 1 here, g = ∇L_B(θ_t), the mean loss over the next minibatch B (torch's DataLoader with
 * shuffle: a new permutation each epoch, last batch smaller) or over the whole training set; steps
 * 2–6 (SAM on the same batch, clipping over all weights, the learning rate, the optimizer's step,
 * Langevin noise one variate per weight in θ's order) by the same {@link UpdatePipeline} as a point
 * on a surface. ReduceLROnPlateau is shown the full training loss of each new θ after warmup. L-BFGS's line
 * search evaluates the loss on the update's batch. Newton's method gets the Hessian of the batch
 * loss by central differences of exact gradients, column p = (∇L(θ + h·e_p) − ∇L(θ − h·e_p))/2h with
 * h = 10⁻⁵·max(1, |θ_p|), symmetrized: 2·P gradient passes per update, so it is refused for networks
 * over {@link #MAX_NEWTON_WEIGHTS} weights.
 *
 * <p>A network with normalization or dropout ({@link HiddenBlock}) is a {@link BlockNetwork}, in
 * training mode for each update's passes (the first draws the dropout masks and updates the
 * running statistics; SAM, a line search and Newton's differences reuse them) and in evaluation mode
 * otherwise: the snapshot's losses, accuracies and gradient norm, ReduceLROnPlateau's loss and the
 * predictions are those of {@code model.eval()}. Its full batch is one pass (no halves), and it has
 * no Hessian-vector products.
 *
 * <p>Not thread-safe: one thread steps a trainer; snapshots go to others.
 */
public final class Trainer {
    public static final int MAX_NEWTON_WEIGHTS = 2000;

    private final Training training;
    private final int runIndex;
    private final RunSettings run;
    /** The network's passes: {@link #plain} or {@link #blocks}, whichever this architecture has. */
    private final NetworkPasses net;
    private final Network plain;
    private final BlockNetwork blocks;
    /**
     * Full batches of at least {@link #HALVES_FROM} examples are evaluated in two halves on two cores
     * (PyTorch's CPU kernels use every core too); the second half's network and gradient buffer,
     * and where the second half runs.
     */
    private final Network halves;
    private final double[] gHalf;
    private final SecondHalf second;
    private final Executor halvesOn;
    static final int HALVES_FROM = 2 * Network.CHUNK;
    private final Examples train, test;
    private final int dim;
    private final boolean minibatch;

    private final double[] theta, grad, batchGrad, gPlus, gMinus, hTheta;
    private final double[] lossArr = new double[1];
    private final Objective objective;
    private final BatchLoss batchLoss;
    /** The training loss's Hessian-vector products and the warm-started sharpness tracker, made at first use. */
    private HessianVector hvp;
    private Sharpness tracker;
    private long sharpnessStep = -1;
    private double sharpnessValue = Double.NaN;

    /** K-FAC's preconditioner and its output, or null when the run uses the plain gradient. */
    private final Kfac kfac;
    private final double[] natural;
    /** DARTS: the mixture weights and, when searching, α's own updates; null without DARTS. */
    private final DartsSearch search;
    /** The curriculum's batches, or null when they come in random order. */
    private final Curriculum curriculum;

    private UpdatePipeline pipeline;
    private Minibatches batches;
    private long t;
    private long seen;
    /** Early stopping's state (null without it), and whether it has ended the run. */
    private EarlyStopping.Monitor stopper;
    private boolean stopped;
    private double lastLr = Double.NaN;
    private boolean diverged;

    // Full training loss and gradient at the current θ, when known.
    private boolean fullValid;
    private double fullLoss;
    private int fullCorrect;

    // The batch of the current update: indices[from..to), or everything when indices is null.
    private int[] bIdx;
    private int bFrom, bTo;

    Trainer(Training training, int runIndex, Executor halvesOn) {
        this.training = training;
        this.runIndex = runIndex;
        this.halvesOn = halvesOn;
        this.run = training.runs().get(runIndex);
        Architecture arch = training.architecture();
        dim = arch.parameterCount();
        if (run.optimizer().type().equals("newton") && dim > MAX_NEWTON_WEIGHTS) {
            throw new IllegalArgumentException("Newton's method needs the Hessian of all " + dim
                    + " weights; it is offered for networks of at most " + MAX_NEWTON_WEIGHTS);
        }
        Darts darts = training.options().darts();
        Darts.check(training.options());
        if (darts != null && !arch.block().isPlain()) {
            throw new IllegalArgumentException("DARTS mixes the activations of a plain MLP; it does not combine with "
                    + "normalization or dropout");
        }
        Dataset trainSet = training.data().train();
        if (darts != null && darts.searching()) {
            // DARTS trains θ on the first part of the training set and α on the rest.
            int nVal = DartsSearch.validationSize(trainSet.size(), darts.validationFraction());
            int[] all = new int[trainSet.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            search = new DartsSearch(arch, darts, new Examples(arch, trainSet.subset(all, all.length - nVal, all.length)),
                    run.batchSize(), training, runIndex);
            trainSet = trainSet.subset(all, 0, all.length - nVal);
        } else {
            search = darts == null ? null : new DartsSearch(arch, darts, null, 0, training, runIndex);
        }
        plain = arch.block().isPlain() ? new Network(arch) : null;
        blocks = plain == null ? new BlockNetwork(arch, dropoutSeed()) : null;
        net = plain != null ? plain : blocks;
        train = new Examples(arch, trainSet);
        test = new Examples(arch, training.data().test());
        minibatch = run.batchSize() > 0 && run.batchSize() < train.n;
        boolean split = train.n >= HALVES_FROM && plain != null;
        halves = split ? new Network(arch) : null;
        if (search != null) {
            search.mixInto(plain);
            if (halves != null) {
                search.mixInto(halves);
            }
        }
        theta = new double[dim];
        grad = new double[dim];
        gHalf = halves != null ? new double[dim] : null;
        second = halves != null ? new SecondHalf(halves, gHalf) : null;
        batchGrad = new double[dim];
        gPlus = new double[dim];
        gMinus = new double[dim];
        hTheta = new double[dim];
        objective = new BatchObjective();
        Kfac.Settings k = training.options().kfac(runIndex);
        if (k != null) {
            checkKfac(run);
            checkKfac(arch);
        }
        kfac = k == null ? null : new Kfac(arch, k);
        natural = k == null ? null : new double[dim];
        Curriculum.Settings cs = training.options().curriculum(runIndex);
        curriculum = cs == null ? null
                : new Curriculum(training, cs, minibatch ? run.batchSize() : 0, Seeds.of(training.seed(), runIndex, Seeds.BATCHES));
        batchLoss = (count, p, f, g) -> f[0] = net.evaluate(p, train, bIdx, bFrom, bTo, g);
        reset();
    }

    /** Back to the initial weights and a fresh optimizer, schedule, batch order and noise. */
    public void reset() {
        System.arraycopy(training.initial(), 0, theta, 0, dim);
        RandomStreams streams = new RandomStreams(training.seed(), new int[] {runIndex});
        pipeline = new UpdatePipeline(dim, 1, List.of(run), training.steps(), streams);
        pipeline.start(1, theta);
        batches = minibatch ? new Minibatches(train.n, run.batchSize(), streams.seed(0, Seeds.BATCHES)) : null;
        t = 0;
        seen = 0;
        lastLr = Double.NaN;
        diverged = false;
        fullValid = false;
        tracker = null;
        sharpnessStep = -1;
        if (blocks != null) {
            blocks.reset(dropoutSeed());
            blocks.train(false);
        }
        if (kfac != null) {
            kfac.reset();
        }
        if (curriculum != null) {
            curriculum.reset();
        }
        if (search != null) {
            search.reset();
        }
        stopped = false;
        EarlyStopping rule = training.options().earlyStopping();
        if (rule != null) {
            stopper = new EarlyStopping.Monitor(rule, dim, blocks == null ? 0 : blocks.runningStatisticsCount());
            stopper.check(0, net.evaluate(theta, test, null, 0, test.n, null), theta, blocks);
        }
    }

    /** Purpose tag of the dropout masks' random stream (see {@link Seeds}). */
    static final int DROPOUT_STREAM = 21;

    private long dropoutSeed() {
        return Seeds.of(training.seed(), runIndex, DROPOUT_STREAM);
    }

    /**
     * K-FAC hands the optimizer a preconditioned gradient; methods that ask the loss for gradients
     * of their own (SAM's ascent step, L-BFGS's line search and history, Newton's Hessian, CMA-ES's
     * samples) would mix it with plain ones, so they are refused.
     */
    public static void checkKfac(RunSettings run) {
        String type = run.optimizer().type();
        if (type.equals("lbfgs") || type.equals("newton") || type.equals("cmaes")) {
            throw new IllegalArgumentException("K-FAC preconditions the gradient of a first-order optimizer; "
                    + type + " uses gradients of its own");
        }
        if (run.samRho() > 0) {
            throw new IllegalArgumentException("K-FAC does not combine with SAM (samRho): SAM's ascent step takes a plain gradient");
        }
    }

    /**
     * K-FAC's Kronecker factors are those of a plain MLP's layers (inputs a and output gradients g of
     * each affine map); batch or layer norm and dropout between the layers change both, so such a
     * network is refused, in words that name what to remove (the training file's reader says the
     * same in the file's keys).
     */
    public static void checkKfac(Architecture arch) {
        if (!arch.block().isPlain()) {
            throw new IllegalArgumentException("K-FAC's Kronecker factors are those of a plain MLP; remove "
                    + arch.block().describe() + " from the network or remove K-FAC");
        }
    }

    public Training training() {
        return training;
    }

    public int runIndex() {
        return runIndex;
    }

    /** Updates done since the start or the last reset. */
    public long step() {
        return t;
    }

    public boolean diverged() {
        return diverged;
    }

    /** Whether early stopping has ended this run (its weights are then the restored best ones). */
    public boolean stoppedEarly() {
        return stopped;
    }

    /**
     * Up to {@code k} updates; stops early once the run diverges.
     *
     * @return updates done
     */
    public int step(int k) {
        return step(k, Cancellation.NEVER);
    }

    /** As {@link #step(int)}, polling {@code cancel} before each update. */
    public int step(int k, Cancellation cancel) {
        int done = 0;
        while (done < k && !diverged && !stopped && !cancel.isCancelled()) {
            if (update()) {
                done++;
            }
        }
        return done;
    }

    /** One update; false if the run diverged at θ_t instead. */
    private boolean update() {
        double loss;
        double[] g;
        if (blocks != null) {
            blocks.train(true);
            blocks.beginUpdate();
        }
        if (search != null && search.searching()) {
            // DARTS's step 1: α on the validation part at the current θ; the mixture changed, so must the cached loss.
            search.step(theta, t);
            fullValid = false;
        }
        if (curriculum != null) {
            curriculum.next(t);
            bIdx = curriculum.indices();
            bFrom = curriculum.from();
            bTo = curriculum.to();
            loss = net.evaluate(theta, train, bIdx, bFrom, bTo, batchGrad);
            g = batchGrad;
        } else if (minibatch) {
            batches.next();
            bIdx = batches.indices();
            bFrom = batches.from();
            bTo = batches.to();
            loss = net.evaluate(theta, train, bIdx, bFrom, bTo, batchGrad);
            g = batchGrad;
        } else if (blocks != null) {
            // The training-mode pass over the full batch; the snapshot's full loss is the evaluation mode's.
            bIdx = null;
            bFrom = 0;
            bTo = train.n;
            loss = net.evaluate(theta, train, null, 0, train.n, batchGrad);
            g = batchGrad;
        } else {
            bIdx = null;
            bFrom = 0;
            bTo = train.n;
            ensureFull();
            loss = fullLoss;
            g = grad;
        }
        if (!Double.isFinite(loss) || !Double.isFinite(norm(g))) {
            diverged = true;
            if (blocks != null) {
                blocks.train(false);
            }
            return false;
        }
        seen += bTo - bFrom;
        lossArr[0] = loss;
        if (kfac != null) {
            kfac.precondition(theta, train, bIdx, bFrom, bTo, g, natural);
            g = natural;
        }
        pipeline.update(1, t, theta, g, lossArr, batchLoss, objective);
        if (blocks != null) {
            blocks.train(false);
        }
        fullValid = false;
        lastLr = pipeline.lr(0);
        t++;
        for (int i = 0; i < dim; i++) {
            if (!Double.isFinite(theta[i])) {
                diverged = true;
                break;
            }
        }
        if (pipeline.observesLoss() && t - 1 >= run.warmupSteps() && !diverged) {
            ensureFull();
            lossArr[0] = fullLoss;
            pipeline.observe(1, t - 1, lossArr);
        }
        if (stopper != null && !diverged && training.options().earlyStopping().at(t)
                && stopper.check(t, net.evaluate(theta, test, null, 0, test.n, null), theta, blocks)) {
            stopper.restore(theta, blocks);
            fullValid = false;
            stopped = true;
        }
        return true;
    }

    private void ensureFull() {
        if (!fullValid) {
            if (halves == null) {
                fullLoss = net.evaluate(theta, train, null, 0, train.n, grad);
                fullCorrect = net.correct();
            } else {
                fullHalves();
            }
            fullValid = true;
        }
    }

    /**
     * The full-batch loss and gradient as two halves, the second on another core: each half adds
     * its examples' share (scaled by 1/n) into its own buffer, then the buffers are added, always
     * split at the same chunk boundary so the result does not depend on the number of cores (nor on
     * which thread computes the second half: {@link SecondHalf}).
     */
    private void fullHalves() {
        int n = train.n;
        int mid = ((n / Network.CHUNK + 1) / 2) * Network.CHUNK;
        double scale = 1.0 / n;
        Arrays.fill(grad, 0.0);
        Arrays.fill(gHalf, 0.0);
        second.start(halvesOn, theta, train, mid, n, scale);
        double first = plain.accumulate(theta, train, null, 0, mid, scale, grad);
        double rest = second.join();
        for (int i = 0; i < dim; i++) {
            grad[i] += gHalf[i];
        }
        fullLoss = (first + rest) / n;
        fullCorrect = plain.correct() + second.correct();
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** The metrics at the current weights (costs a full pass over the training and test sets). */
    public TrainSnapshot snapshot() {
        ensureFull();
        double gn = norm(grad);
        if (!Double.isFinite(fullLoss) || !Double.isFinite(gn)) {
            diverged = true;
        }
        boolean classify = train.classes > 0;
        double testLoss = net.evaluate(theta, test, null, 0, test.n, null);
        double testAcc = classify && test.n > 0 ? (double) net.correct() / test.n : Double.NaN;
        double trainAcc = classify && train.n > 0 ? (double) fullCorrect / train.n : Double.NaN;
        return new TrainSnapshot(t, train.n == 0 ? 0 : (double) seen / train.n, fullLoss, testLoss, trainAcc, testAcc, gn,
                lastLr, diverged, theta, recordedSharpness(), search == null ? NO_MIXTURE : search.weights(), stopped,
                stopper == null ? -1 : stopper.bestStep());
    }

    /**
     * The sharpness recorded at this step: measured once per step that the training's
     * {@link TrainingOptions.SharpnessRecording} names (warm-started from the last measurement), NaN
     * at other steps, without recording, and once the weights are not finite.
     */
    private double recordedSharpness() {
        TrainingOptions.SharpnessRecording rec = training.options().sharpness();
        if (rec == null || !rec.at(t)) {
            return Double.NaN;
        }
        if (sharpnessStep != t) {
            if (tracker == null) {
                tracker = new Sharpness(hessianVector(), rec.iterations(), rec.tolerance(),
                        Seeds.of(training.seed(), runIndex, SHARPNESS_STREAM));
            }
            sharpnessValue = diverged ? Double.NaN : tracker.estimate(theta).lambda();
            sharpnessStep = t;
        }
        return sharpnessValue;
    }

    private static final double[] NO_MIXTURE = new double[0];

    /** Purpose tag of the sharpness start vector's random stream (see {@link Seeds}). */
    static final int SHARPNESS_STREAM = 5;

    private HessianVector hessianVector() {
        if (hvp == null) {
            if (plain == null) {
                throw new IllegalStateException("Hessian-vector products are offered for plain networks, not with "
                        + training.architecture().block().describe());
            }
            hvp = new HessianVector(plain, train);
        }
        return hvp;
    }

    /** {@link Sharpness#of(Trainer, int, double)}: a cold-start estimate at the current weights. */
    Sharpness.Estimate sharpnessNow(int maxIterations, double tolerance) {
        return new Sharpness(hessianVector(), maxIterations, tolerance, Seeds.of(training.seed(), runIndex, SHARPNESS_STREAM))
                .estimate(theta);
    }

    /**
     * The exact Hessian-vector product of the full training loss at the current weights,
     * H(θ)·v (see {@link HessianVector}). Call from the training thread.
     *
     * @param v  the direction. Not modified.
     * @param hv H·v. Modified.
     * @return the training loss
     */
    public double hessianVector(double[] v, double[] hv) {
        return hessianVector().product(theta, v, hv);
    }

    /** A copy of the current weights. */
    public double[] weights() {
        return theta.clone();
    }

    /**
     * The run's SWA model (torch.optim.swa_utils.AveragedModel's weights): the equal average of the
     * weights it has averaged so far, or null when the run has no {@code swa} or has not reached its
     * start yet. Evaluate it with a {@link Network} of your own.
     */
    public double[] swaWeights() {
        double[] w = new double[dim];
        return pipeline != null && pipeline.swaAverage(0, w) ? w : null;
    }

    /**
     * The network's output at the current weights, as {@link Network#predict}. Uses this trainer's
     * workspace: call from the training thread, or predict from a snapshot's weights with a
     * {@link Network} of your own.
     */
    public void predict(int n, double[] x1, double[] x2, double[] out) {
        net.predict(theta, n, x1, x2, out);
    }

    /**
     * This trainer's network as a {@link Predictor} (with its running statistics, if any), for
     * predictions at weights of this run from the training thread.
     */
    public Predictor predictor() {
        return net;
    }

    /** Purpose tag of the MC-dropout masks' random stream (see {@link Seeds}). */
    static final int MC_DROPOUT_STREAM = 22;

    /**
     * MC dropout at the current weights ({@link McDropout}): {@code passes} stochastic passes at n
     * points, their masks from a stream seeded by the training's seed and the run index afresh at
     * each call, so the same weights always give the same map. Call from the training thread.
     *
     * @throws IllegalStateException if the network has no dropout
     */
    public PredictiveSpread mcDropout(int n, double[] x1, double[] x2, int passes) {
        if (blocks == null || training.architecture().block().dropout() == 0) {
            throw new IllegalStateException("MC dropout needs a network with dropout");
        }
        return McDropout.predict(blocks, theta, n, x1, x2, passes,
                new java.util.SplittableRandom(Seeds.of(training.seed(), runIndex, MC_DROPOUT_STREAM)));
    }

    /**
     * The batch-normalization running statistics of this run (as {@link BlockNetwork#runningStatistics}),
     * empty without batch normalization. Call from the training thread.
     */
    public double[] runningStatistics() {
        if (blocks == null) {
            return new double[0];
        }
        double[] r = new double[blocks.runningStatisticsCount()];
        blocks.runningStatistics(r);
        return r;
    }

    /** The loss on the current update's batch, for L-BFGS's line search and Newton's Hessian. */
    private final class BatchObjective implements Objective {
        @Override
        public double valueAndGradient(int r, double[] th, double[] g) {
            return net.evaluate(th, train, bIdx, bFrom, bTo, g);
        }

        @Override
        public void hessian(int r, double[] th, double[] hess) {
            System.arraycopy(th, 0, hTheta, 0, dim);
            for (int p = 0; p < dim; p++) {
                double h = 1e-5 * Math.max(1, Math.abs(th[p]));
                hTheta[p] = th[p] + h;
                net.evaluate(hTheta, train, bIdx, bFrom, bTo, gPlus);
                hTheta[p] = th[p] - h;
                net.evaluate(hTheta, train, bIdx, bFrom, bTo, gMinus);
                hTheta[p] = th[p];
                for (int q = 0; q < dim; q++) {
                    hess[q * dim + p] = (gPlus[q] - gMinus[q]) / (2 * h);
                }
            }
            for (int p = 0; p < dim; p++) {
                for (int q = p + 1; q < dim; q++) {
                    double m = 0.5 * (hess[p * dim + q] + hess[q * dim + p]);
                    hess[p * dim + q] = m;
                    hess[q * dim + p] = m;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Trainer[run " + runIndex + ", step " + t + ", " + Arrays.toString(training.architecture().widths()) + "]";
    }

    /**
     * The value of the update's channel {@code name} after the last step (a low precision's
     * {@code precision.stalled} and {@code precision.frozen}, …); NaN when the run's update has none.
     */
    public double updateChannel(String name) {
        int k = pipeline.channels().indexOf(name);
        return k < 0 ? Double.NaN : pipeline.channel(k, 0);
    }
}
