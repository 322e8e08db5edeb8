package org.losslab.engine.mlp;

import java.util.List;

/**
 * A small first-order DARTS (Liu, Simonyan and Yang 2019, "DARTS: Differentiable architecture
 * search"): every hidden layer's activation is a softmax(α_l)-weighted mix of tanh, ReLU, sigmoid and
 * identity ({@link MixedActivation}), and the architecture weights α are learnt alongside the network
 * weights θ, by alternating steps on two halves of the training set (the paper's Algorithm 1 with
 * its first-order approximation ξ = 0):
 * <pre>
 *   1. α ← α − η_α·∇_α L_val(θ, α)      (Adam, on the validation part)
 *   2. θ ← θ − η·∇_θ L_train(θ, α)      (the run's optimizer, on the rest)
 * </pre>
 * The chosen architecture is the argmax of each layer's α; retraining it means training the same
 * network from the same initial weights with each mixture fixed one-hot on the chosen candidate
 * (which is exactly the discrete network) on the whole training set.
 *
 * @param alphaLr            Adam's learning rate for α (torch's other Adam defaults)
 * @param validationFraction the share of the training set, taken from its end, that α is trained on
 * @param fixed              null to search; else the chosen candidate of each hidden layer (indices into
 *                           {@link #CANDIDATES}), to retrain that architecture
 */
public record Darts(double alphaLr, double validationFraction, List<Integer> fixed) {
    /** The candidate activations, in the order of each layer's α. */
    public static final List<Activation> CANDIDATES = MixedActivation.CANDIDATES;
    public static final double DEFAULT_ALPHA_LR = 0.01, DEFAULT_VALIDATION_FRACTION = 0.5;

    public Darts {
        if (fixed != null) {
            fixed = List.copyOf(fixed);
            for (int k : fixed) {
                if (k < 0 || k >= CANDIDATES.size()) {
                    throw new IllegalArgumentException("no candidate activation " + k);
                }
            }
        } else if (!(alphaLr > 0 && Double.isFinite(alphaLr)) || !(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("DARTS needs alphaLr > 0 and 0 < validationFraction < 1: " + alphaLr + ", "
                    + validationFraction);
        }
    }

    /**
     * Refuses what DARTS's mixed activations do not carry: the sharpness (its Hessian-vector products
     * know one activation per network), K-FAC (its factors likewise), and during a search a curriculum
     * (it ranks the training set the search splits).
     *
     * @throws IllegalArgumentException naming the conflict
     */
    public static void check(TrainingOptions o) {
        if (o.darts() != null && o.sharpness() != null) {
            throw new IllegalArgumentException("the sharpness is measured with one activation per network; it does not combine with DARTS");
        }
        if (o.darts() != null && !o.kfac().isEmpty()) {
            throw new IllegalArgumentException("K-FAC's factors are made for one activation per network; it does not combine with DARTS");
        }
        if (o.darts() != null && o.darts().searching() && !o.curriculum().isEmpty()) {
            throw new IllegalArgumentException("a curriculum ranks the whole training set, which a DARTS search splits in two; "
                    + "they do not combine (a retraining does)");
        }
    }

    /** A search. */
    public static Darts search(double alphaLr, double validationFraction) {
        return new Darts(alphaLr, validationFraction, null);
    }

    /** The retraining of the architecture {@code chosen} (one candidate index per hidden layer). */
    public Darts retrain(List<Integer> chosen) {
        return new Darts(alphaLr, validationFraction, chosen);
    }

    public boolean searching() {
        return fixed == null;
    }

    /** The argmax candidate of each hidden layer from mixture weights {@code w[l·K + k]} (ties: the first). */
    public static List<Integer> chosen(double[] w) {
        int layers = w.length / MixedActivation.K;
        Integer[] c = new Integer[layers];
        for (int l = 0; l < layers; l++) {
            int best = 0;
            for (int k = 1; k < MixedActivation.K; k++) {
                if (w[l * MixedActivation.K + k] > w[l * MixedActivation.K + best]) {
                    best = k;
                }
            }
            c[l] = best;
        }
        return List.of(c);
    }

    /** "tanh, relu": the candidates' names, layer by layer. */
    public static String describe(List<Integer> chosen) {
        StringBuilder s = new StringBuilder();
        for (int k : chosen) {
            s.append(s.length() == 0 ? "" : ", ").append(CANDIDATES.get(k).id());
        }
        return s.toString();
    }

    /** The training that retrains {@code chosen} with {@code search}'s data, network, initial weights and runs. */
    public static Training retraining(Training search, List<Integer> chosen) {
        Darts d = search.options().darts();
        return search.withOptions(search.options().withDarts(d.retrain(chosen)));
    }

    /**
     * After a search, retrains each run's chosen architecture (the argmax of its mixture weights in
     * {@code searched}, the run's last snapshot) from the same initial weights for the same number of
     * steps, reporting run r's rows as run {@code runs + r}, at the steps {@link Training#run} would.
     *
     * @return the chosen architecture of each run
     */
    public static List<List<Integer>> retrainAll(Training search, List<TrainSnapshot> searched, Training.Sink sink, long every) {
        int runs = search.runs().size();
        List<List<Integer>> chosen = new java.util.ArrayList<>();
        for (int r = 0; r < runs; r++) {
            List<Integer> c = chosen(searched.get(r).mixture());
            chosen.add(c);
            Trainer t = retraining(search, c).trainer(r);
            sink.row(runs + r, t.snapshot());
            long last = 0;
            while (!t.diverged() && t.step() < search.steps()) {
                t.step(1);
                long k = t.step();
                if ((k % every == 0 || k == search.steps() || t.diverged()) && k != last) {
                    sink.row(runs + r, t.snapshot());
                    last = k;
                }
            }
        }
        return chosen;
    }

    /** w = softmax(α) for each layer's K entries, shifted by the largest α so no exponential overflows. */
    static void softmax(double[] alpha, double[] w) {
        int k = MixedActivation.K;
        for (int l = 0; l < alpha.length / k; l++) {
            double max = Double.NEGATIVE_INFINITY, s = 0;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, alpha[l * k + j]);
            }
            for (int j = 0; j < k; j++) {
                w[l * k + j] = Math.exp(alpha[l * k + j] - max);
                s += w[l * k + j];
            }
            for (int j = 0; j < k; j++) {
                w[l * k + j] /= s;
            }
        }
    }

    /** ∂ℓ/∂α from ∂ℓ/∂w through the softmax: g_α,m = w_m·(g_w,m − Σ_k w_k·g_w,k), layer by layer. */
    static void softmaxBackward(double[] w, double[] gw, double[] gAlpha) {
        int k = MixedActivation.K;
        for (int l = 0; l < w.length / k; l++) {
            double dot = 0;
            for (int j = 0; j < k; j++) {
                dot += w[l * k + j] * gw[l * k + j];
            }
            for (int j = 0; j < k; j++) {
                gAlpha[l * k + j] = w[l * k + j] * (gw[l * k + j] - dot);
            }
        }
    }
}
