package org.losslab.engine.mlp;

import java.util.List;
import java.util.SplittableRandom;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.update.RunSettings;

/**
 * Curriculum learning (Bengio, Louradour, Collobert and Weston 2009, "Curriculum learning"): the
 * training examples are ranked from easy to hard once, and update t draws its batch only from the
 * easiest n·f(t) of them, the pool growing by a linear pacing function (Hacohen and Weinshall 2019,
 * "On the power of curriculum learning in training deep networks"),
 * <pre>
 *   f(t) = min(1, f₀ + (1 − f₀)·t/T),   pool(t) = max(1, ⌈n·f(t)⌉)
 * </pre>
 * so from step T on every example is in play and the order is random again. Within the pool the
 * batches go as a shuffling DataLoader's: a random permutation of the pool, cut into batches; when
 * it is used up, or the pool has grown, a new permutation of the (new) pool starts.
 *
 * <p>How hard an example is:
 * <ul>
 *   <li>{@link Score#CENTRE_DISTANCE}: its distance from the mean of its class's training points in
 *       the input plane (x₁, x₂): typical examples first, the outskirts last (classification only);</li>
 *   <li>{@link Score#MARGIN}: the margin of a reference model, the same network trained from the same
 *       initial weights by full-batch Adam (lr 0.01) for {@code referenceSteps} updates: p_y − max_{k≠y} p_k
 *       for softmax, 2p_y − 1 for the sigmoid, −|ŷ − y| for regression (the teacher's confident,
 *       correct examples first, its mistakes last).</li>
 * </ul>
 * Ties keep the training set's order. The ranking is made once per trainer; a batch allocates
 * nothing.
 */
public final class Curriculum {
    /** The reference model's learning rate (Adam). */
    static final double REFERENCE_LR = 0.01;

    /** How an example's difficulty is scored. */
    public enum Score {
        CENTRE_DISTANCE("centreDistance"), MARGIN("margin");

        private final String id;

        Score(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Score of(String id) {
            for (Score s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown curriculum score " + id);
        }
    }

    /**
     * @param by             how difficulty is scored
     * @param start          f₀, the share of the training set (easiest first) in the pool at step 0, 0 &lt; f₀ ≤ 1
     * @param rampSteps      T, the step from which the pool is the whole training set, ≥ 1
     * @param referenceSteps updates of the reference model of {@link Score#MARGIN} (0 for the other scores)
     */
    public record Settings(Score by, double start, long rampSteps, long referenceSteps) {
        public static final double DEFAULT_START = 0.2;
        public static final long DEFAULT_REFERENCE_STEPS = 300;

        public Settings {
            java.util.Objects.requireNonNull(by);
            if (!(start > 0 && start <= 1) || rampSteps < 1 || referenceSteps < 0) {
                throw new IllegalArgumentException("a curriculum needs 0 < start ≤ 1, rampSteps ≥ 1, referenceSteps ≥ 0: "
                        + start + ", " + rampSteps + ", " + referenceSteps);
            }
        }

        /** The pool size at step t of a training set of n examples. */
        public int poolAt(long t, int n) {
            double f = Math.min(1, start + (1 - start) * ((double) t / rampSteps));
            return Math.max(1, Math.min(n, (int) Math.ceil(n * f - 1e-9)));
        }
    }

    private final Settings settings;
    private final int[] order;
    private final int[] perm;
    private final int n, batchSize;
    private SplittableRandom random;
    private final long seed;
    private int pool, pos, from, to;

    /**
     * @param training  the training whose training set is ranked
     * @param settings  the curriculum
     * @param batchSize examples per batch (0: the whole pool)
     * @param seed      seed of the permutations
     */
    Curriculum(Training training, Settings settings, int batchSize, long seed) {
        this.settings = settings;
        Dataset train = training.data().train();
        n = train.size();
        this.batchSize = batchSize;
        this.seed = seed;
        order = rank(scores(training, settings));
        perm = new int[n];
        reset();
    }

    /** Back to step 0: the first pool and a fresh permutation stream. */
    void reset() {
        random = new SplittableRandom(seed);
        pool = 0;
        pos = 0;
    }

    /** The training examples, easiest first (a copy). */
    public int[] order() {
        return order.clone();
    }

    /** The difficulty of each training example (higher is harder), as the settings score it. */
    public static double[] scores(Training training, Settings settings) {
        Dataset d = training.data().train();
        int n = d.size();
        double[] hard = new double[n];
        if (settings.by() == Score.CENTRE_DISTANCE) {
            int k = d.classes();
            if (k == 0) {
                throw new IllegalArgumentException("a curriculum by distance from the class centre needs class labels");
            }
            double[] c1 = new double[k], c2 = new double[k];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                c1[d.label(i)] += d.x1(i);
                c2[d.label(i)] += d.x2(i);
                count[d.label(i)]++;
            }
            for (int i = 0; i < n; i++) {
                int y = d.label(i);
                hard[i] = Math.hypot(d.x1(i) - c1[y] / count[y], d.x2(i) - c2[y] / count[y]);
            }
            return hard;
        }
        Training reference = new Training(training.architecture(), training.data(), training.initial(),
                settings.referenceSteps(), training.seed(), List.of(RunSettings.of(Adam.Config.adam().withLr(REFERENCE_LR))));
        Trainer teacher = reference.trainer(0, Runnable::run);
        teacher.step((int) Math.min(Integer.MAX_VALUE, settings.referenceSteps()));
        double[] x1 = new double[n], x2 = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = d.x1(i);
            x2[i] = d.x2(i);
        }
        Architecture arch = training.architecture();
        double[] out = new double[arch.outputs() * n];
        teacher.predict(n, x1, x2, out);
        for (int i = 0; i < n; i++) {
            hard[i] = -margin(arch.output(), arch.outputs(), d, out, i, n);
        }
        return hard;
    }

    /** The reference model's margin at example i from its outputs {@code out[c·n + i]} (see the class comment). */
    private static double margin(Output output, int units, Dataset d, double[] out, int i, int n) {
        if (d.isRegression()) {
            return -Math.abs(out[i] - d.y(i));
        }
        int y = d.label(i);
        if (output == Output.SIGMOID) {
            double p = y == 1 ? out[i] : 1 - out[i];
            return 2 * p - 1;
        }
        if (output == Output.LINEAR && units == 1) {
            // MSE on the label: the prediction's signed distance from the ½ threshold, toward y.
            return y == 1 ? out[i] - 0.5 : 0.5 - out[i];
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < units; c++) {
            if (c != y) {
                best = Math.max(best, out[c * n + i]);
            }
        }
        return out[y * n + i] - best;
    }

    /** Indices sorted by increasing score, ties in index order. */
    private static int[] rank(double[] hard) {
        Integer[] idx = new Integer[hard.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(hard[a], hard[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] r = new int[idx.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = idx[i];
        }
        return r;
    }

    /** Advances to the batch of update t (drawn from the pool of step t). */
    void next(long t) {
        int now = settings.poolAt(t, n);
        if (now != pool || pos >= pool) {
            pool = now;
            System.arraycopy(order, 0, perm, 0, pool);
            for (int i = pool - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
            pos = 0;
        }
        from = pos;
        to = batchSize > 0 ? Math.min(pos + batchSize, pool) : pool;
        pos = to;
    }

    /** The current pool size. */
    public int pool() {
        return pool;
    }

    int[] indices() {
        return perm;
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }
}
