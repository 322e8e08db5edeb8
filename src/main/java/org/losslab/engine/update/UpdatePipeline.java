package org.losslab.engine.update;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.losslab.engine.optim.Objective;
import org.losslab.engine.optim.Optimizer;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.random.Seeds;

/**
 * Steps 2–6 of the spec's update for a batch of runs that share an optimizer type: the gradient
 * links in {@link Stage} order, the learning rate, the optimizer's step, then the parameter links
 * (see the package documentation). Built from the runs' {@link RunSettings}; a link that no run of
 * the batch uses is not built, so a plain run goes straight from its gradient to the optimizer.
 * Everything is allocated here; {@link #update} allocates nothing. One thread steps a pipeline.
 */
public final class UpdatePipeline {
    private final Update u;
    private final LearningRate rate;
    private final Optimizer optimizer;
    private final Transform[] gradientLinks, parameterLinks;
    private final Stage[] gradientStages, parameterStages;
    /** Links that hold θ in a format of their own: they see θ₀ and the end of every update. */
    private final ParameterFormat[] formats;
    /** No link and a constant learning rate: an update is the optimizer's step alone. */
    private final boolean plain;
    /** The channels of the traced links, in link order, and which link and index each comes from. */
    private final List<String> channels = new ArrayList<>();
    private final Traced[] channelLink;
    private final int[] channelIndex;

    /**
     * @param dim     coordinates per run (2 on a surface, every weight of a network)
     * @param stride  run capacity of the batch
     * @param runs    the runs of slots 0, 1, …, all with one optimizer type. Not modified.
     * @param steps   updates per run (the horizon of cosine, linear and one-cycle schedules)
     * @param streams where each slot draws its randomness
     */
    public UpdatePipeline(int dim, int stride, List<RunSettings> runs, long steps, RandomStreams streams) {
        u = new Update(dim, stride);
        rate = new LearningRate(stride, runs, steps, u.lr);
        long[] seeds = new long[runs.size()];
        for (int r = 0; r < seeds.length; r++) {
            seeds[r] = streams.seed(r, Seeds.OPTIMIZER);
        }
        optimizer = OptimizerConfig.create(dim, stride, runs.stream().map(RunSettings::optimizer).toList(), seeds);
        Map<Stage, List<TransformConfig>> used = new EnumMap<>(Stage.class);
        for (int r = 0; r < runs.size(); r++) {
            for (TransformConfig c : runs.get(r).transforms()) {
                List<TransformConfig> slots = used.computeIfAbsent(c.stage(), s -> new ArrayList<>());
                while (slots.size() < r) {
                    slots.add(null);
                }
                slots.add(c);
            }
        }
        List<Transform> before = new ArrayList<>(), after = new ArrayList<>();
        List<Stage> beforeStages = new ArrayList<>(), afterStages = new ArrayList<>();
        for (Map.Entry<Stage, List<TransformConfig>> e : used.entrySet()) {
            List<TransformConfig> slots = e.getValue();
            TransformConfig any = slots.stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow();
            Transform link = any.newBatch(dim, stride, slots, streams);
            (e.getKey().afterStep() ? after : before).add(link);
            (e.getKey().afterStep() ? afterStages : beforeStages).add(e.getKey());
        }
        boolean rateChanged = false;
        for (Transform link : after) {
            rateChanged |= link.changesRate();
        }
        if (rate.isConstant() && !rateChanged) {
            optimizer.ratesAreConstant();
        }
        List<ParameterFormat> formatLinks = new ArrayList<>();
        for (Transform link : before) {
            if (link instanceof ParameterFormat f) {
                formatLinks.add(f);
            }
            if (link instanceof LowPrecision low) {
                low.configure(optimizer);
            }
        }
        formats = formatLinks.toArray(new ParameterFormat[0]);
        gradientLinks = before.toArray(new Transform[0]);
        parameterLinks = after.toArray(new Transform[0]);
        gradientStages = beforeStages.toArray(new Stage[0]);
        parameterStages = afterStages.toArray(new Stage[0]);
        List<Traced> links = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (Transform link : concat(gradientLinks, parameterLinks)) {
            if (link instanceof Traced traced) {
                List<String> names = traced.channels();
                for (int k = 0; k < names.size(); k++) {
                    channels.add(names.get(k));
                    links.add(traced);
                    index.add(k);
                }
            }
        }
        // The optimizer's own state worth drawing (CMA-ES's σ and C) goes out as channels too.
        Optimizer o = optimizer;
        Traced own = new Traced() {
            @Override
            public List<String> channels() {
                return o.channels();
            }

            @Override
            public double channel(int k, int slot) {
                return o.channel(k, slot);
            }
        };
        for (int k = 0; k < o.channels().size(); k++) {
            channels.add(o.channels().get(k));
            links.add(own);
            index.add(k);
        }
        channelLink = links.toArray(new Traced[0]);
        plain = gradientLinks.length == 0 && parameterLinks.length == 0 && rate.isConstant();
        channelIndex = index.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Transform> concat(Transform[] a, Transform[] b) {
        List<Transform> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l;
    }

    /** The names of the channels the batch's links report (empty when no link is {@link Traced}). */
    public List<String> channels() {
        return List.copyOf(channels);
    }

    /** Channel k of slot r after the last update. */
    public double channel(int k, int slot) {
        return channelLink[k].channel(channelIndex[k], slot);
    }

    /**
     * Update t of runs {@code 0 <= r < n}: θ_t → θ_{t+1}.
     *
     * @param theta     θ_t in the batch layout, updated in place. Modified.
     * @param grad      step 1's gradient at θ_t. Not modified.
     * @param loss      the loss at θ_t on this update's batch, per run (L-BFGS reads it). Not modified.
     * @param batch     the loss of this update elsewhere than θ_t (SAM's probe), per run's minibatch
     * @param objective one run's loss, for methods that need more than the gradient (line searches, Hessians)
     */
    public void update(int n, long t, double[] theta, double[] grad, double[] loss, BatchLoss batch, Objective objective) {
        if (plain) {
            // No links and a constant rate: the update is the optimizer's step alone. A small method,
            // so the JIT inlines this much into the caller's loop.
            optimizer.step(n, theta, grad, loss, u.lr, objective);
            return;
        }
        linkedUpdate(n, t, theta, grad, loss, batch, objective);
    }

    private void linkedUpdate(int n, long t, double[] theta, double[] grad, double[] loss, BatchLoss batch,
                              Objective objective) {
        u.n = n;
        u.t = t;
        u.theta = theta;
        u.loss = loss;
        u.batch = batch;
        double[] g = grad;
        if (gradientLinks.length > 0) {
            copyRuns(n, grad, u.g);
            g = u.g;
            for (Transform link : gradientLinks) {
                link.apply(u);
            }
        }
        if (!rate.isConstant()) {
            rate.set(n, t, u.lr);
        }
        for (Transform link : parameterLinks) {
            link.beforeStep(u);
        }
        optimizer.step(n, theta, g, loss, u.lr, objective);
        for (Transform link : parameterLinks) {
            link.apply(u);
        }
        for (ParameterFormat f : formats) {
            f.finish(u);
        }
    }

    /**
     * The runs' initial parameters as their links hold them (rounded to a low precision, the master
     * copies taken): call once on θ₀, before its first evaluation. Changes nothing for runs without
     * such a link.
     *
     * @param theta θ₀ of slots 0..n−1 in the batch layout. Modified.
     */
    public void start(int n, double[] theta) {
        for (ParameterFormat f : formats) {
            f.start(n, theta);
        }
    }

    /** Copies the first n runs of a batch-layout array (the whole of it when the batch is full). */
    private void copyRuns(int n, double[] from, double[] to) {
        if (n == u.stride) {
            System.arraycopy(from, 0, to, 0, u.dim * u.stride);
        } else {
            for (int c = 0; c < u.dim; c++) {
                System.arraycopy(from, c * u.stride, to, c * u.stride, n);
            }
        }
    }

    /**
     * True when the batch has no link and a constant learning rate: an update is then exactly the
     * optimizer's step with {@link #rates()}, which a caller may call itself.
     */
    public boolean isPlain() {
        return plain;
    }

    /** The learning rate per slot, the array the optimizer is given. Not to be modified. */
    public double[] rates() {
        return u.lr;
    }

    /** True when some run's schedule reacts to losses ({@link #observe} then matters). */
    public boolean observesLoss() {
        return rate.isStateful();
    }

    /** Shows loss-driven schedules the loss of each new point θ_{t+1}, per run. Not modified. */
    public void observe(int n, long t, double[] loss) {
        rate.observe(n, t, loss);
    }

    /** The learning rate per slot of the last update (before the first, the rate of update 0). Read-only. */
    public double lr(int slot) {
        return u.lr[slot];
    }

    /** The optimizer of the batch (read its state, e.g. an adaptive method's denominators). */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The SWA average of slot r's parameters (a network's averaged weights, beyond the two channels
     * of a surface), if the batch averages and r has averaged at least one point.
     *
     * @param out the averaged parameters, {@code dim} of them. Modified only when true is returned.
     */
    public boolean swaAverage(int slot, double[] out) {
        for (Transform link : parameterLinks) {
            if (link instanceof StochasticWeightAveraging swa && swa.averagedPoints(slot) > 0) {
                for (int c = 0; c < u.dim; c++) {
                    out[c] = swa.average(c, slot);
                }
                return true;
            }
        }
        return false;
    }

    /** Which links this batch runs, in order. */
    public List<Stage> stages() {
        List<Stage> all = new ArrayList<>(List.of(gradientStages));
        all.addAll(List.of(parameterStages));
        return all;
    }

    /** Moves run {@code from}'s settings and state to slot {@code to}. */
    public void moveRun(int from, int to) {
        u.lr[to] = u.lr[from];
        rate.moveRun(from, to);
        optimizer.moveRun(from, to);
        for (Transform link : gradientLinks) {
            link.moveRun(from, to);
        }
        for (Transform link : parameterLinks) {
            link.moveRun(from, to);
        }
    }
}
