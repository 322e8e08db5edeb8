package org.losslab.engine.mlp;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.Cancellation;

/**
 * A deep ensemble (Lakshminarayanan, Pritzel &amp; Blundell 2017, "Simple and scalable predictive
 * uncertainty estimation using deep ensembles"): M copies of one run, each from its own initial
 * weights and its own minibatch order, trained side by side on the same data. The ensemble predicts
 * the mean of its members' outputs (probabilities, or values for regression), p̄ = (1/M) Σ_m p_m, and
 * their disagreement is the spread of the members about that mean ({@link PredictiveSpread}).
 *
 * <p>Its loss is the loss of p̄: −log p̄_y for classification (the binary form with a sigmoid output;
 * logarithms clamped at −100 as {@code torch.nn.BCELoss} and {@code NLLLoss} on probabilities do),
 * the mean squared error of p̄ for regression. The loss is convex in the prediction, so by Jensen's
 * inequality the ensemble's loss is at most the mean of its members' losses, example by example;
 * averaging helps most where the members disagree.
 *
 * <p>Not thread-safe: one thread steps an ensemble (its members are {@link Trainer}s).
 */
public final class Ensemble {
    private final List<Trainer> members = new ArrayList<>();
    private final Architecture arch;

    /**
     * @param memberTrainings one training per member, differing only in their initial weights and seed
     * @param run             the run of each training that the members train
     */
    public Ensemble(List<Training> memberTrainings, int run) {
        if (memberTrainings.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 members, got " + memberTrainings.size());
        }
        arch = memberTrainings.get(0).architecture();
        for (Training t : memberTrainings) {
            if (!t.architecture().equals(arch)) {
                throw new IllegalArgumentException("ensemble members must share their architecture");
            }
            members.add(t.trainer(run));
        }
    }

    public int size() {
        return members.size();
    }

    /** Member m's trainer. */
    public Trainer member(int m) {
        return members.get(m);
    }

    /**
     * Up to {@code k} updates of every member (each stops by itself on divergence or early stopping).
     *
     * @return false if cancelled
     */
    public boolean step(int k, Cancellation cancel) {
        for (Trainer t : members) {
            t.step(k, cancel);
            if (cancel.isCancelled()) {
                return false;
            }
        }
        return true;
    }

    /** The members' mean prediction and disagreement at n points. Call from the ensemble's thread. */
    public PredictiveSpread predict(int n, double[] x1, double[] x2) {
        PredictiveSpread.Accumulator acc = new PredictiveSpread.Accumulator(n, arch.outputs());
        for (Trainer t : members) {
            t.predict(n, x1, x2, acc.buffer());
            acc.add();
        }
        return acc.result();
    }

    /**
     * The ensemble against its members on a dataset.
     *
     * @param loss               the loss of the mean prediction
     * @param accuracy           accuracy of the mean prediction (NaN for regression)
     * @param memberLoss         the members' mean loss (each in evaluation mode, as their snapshots)
     * @param memberAccuracy     the members' mean accuracy (NaN for regression)
     * @param meanDisagreement   the members' spread, averaged over the points
     */
    public record Evaluation(double loss, double accuracy, double memberLoss, double memberAccuracy,
                             double meanDisagreement) {
    }

    /** Evaluates on {@code d} (the members' test set, for their snapshot figures to match). Call from the ensemble's thread. */
    public Evaluation evaluate(Dataset d) {
        int n = d.size();
        double[] x1 = new double[n], x2 = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = d.x1(i);
            x2[i] = d.x2(i);
        }
        PredictiveSpread p = predict(n, x1, x2);
        double loss = 0, spread = 0;
        int right = 0;
        for (int i = 0; i < n; i++) {
            loss += loss(p, i, d);
            spread += p.spreadAt(i);
            if (d.classes() > 0 && p.predicted(i, arch.output()) == d.label(i)) {
                right++;
            }
        }
        double memberLoss = 0, memberAcc = 0;
        for (Trainer t : members) {
            TrainSnapshot s = t.snapshot();
            memberLoss += s.testLoss() / members.size();
            memberAcc += s.testAccuracy() / members.size();
        }
        boolean classify = d.classes() > 0;
        return new Evaluation(loss / n, classify ? (double) right / n : Double.NaN, memberLoss, classify ? memberAcc : Double.NaN,
                spread / n);
    }

    private static final double LOG_FLOOR = -100;

    private double loss(PredictiveSpread p, int i, Dataset d) {
        double y = d.y(i);
        int units = arch.outputs();
        switch (arch.output()) {
            case SIGMOID: {
                double q = p.meanAt(0, i);
                return -(y * Math.max(Math.log(q), LOG_FLOOR) + (1 - y) * Math.max(Math.log(1 - q), LOG_FLOOR));
            }
            case SOFTMAX:
                return -Math.max(Math.log(p.meanAt(d.label(i), i)), LOG_FLOOR);
            case LINEAR: {
                if (units == 1) {
                    double e = p.meanAt(0, i) - y;
                    return e * e;
                }
                double s = 0;
                for (int c = 0; c < units; c++) {
                    double e = p.meanAt(c, i) - (c == d.label(i) ? 1 : 0);
                    s += e * e;
                }
                return s / units;
            }
            default:
                throw new AssertionError(arch.output());
        }
    }
}
