package org.losslab.io;

import java.io.Writer;
import org.losslab.engine.mlp.Darts;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.mlp.Training;

/**
 * Training curves as CSV: header {@code run,step,epoch,train_loss,test_loss,train_acc,test_acc,grad_norm,lr},
 * one row per run per reported step, numbers as {@link Numbers} prints them (shortest form that
 * reads back to the same double, {@code nan}/{@code inf} for a diverged run). Empty fields: lr at
 * step 0, accuracies for regression, test figures without a test set. Columns that a training's
 * options ask for follow, and only then: {@code sharpness} (λmax, empty at steps not measured), and
 * with DARTS {@code w<l>_<candidate>} for each hidden layer l = 1… and candidate (the mixture weights
 * softmax(α)).
 */
public final class CurvesCsv implements Training.Sink {
    public static final String HEADER = "run,step,epoch,train_loss,test_loss,train_acc,test_acc,grad_norm,lr";

    private final CsvWriter csv;
    private final boolean hasTest;
    private final boolean classify;
    private final boolean sharpness;
    private final int mixture;

    public CurvesCsv(Writer out, boolean hasTest, boolean classify) {
        this(out, hasTest, classify, false, 0);
    }

    /** The curves of {@code t}: test and accuracy columns as its data has them, and the columns its options ask for. */
    public static CurvesCsv of(Writer out, Training t) {
        return new CurvesCsv(out, t.data().test().size() > 0, t.data().train().classes() > 0, t.options().sharpness() != null,
                t.options().darts() == null ? 0 : t.architecture().layerCount() - 1);
    }

    private CurvesCsv(Writer out, boolean hasTest, boolean classify, boolean sharpness, int mixtureLayers) {
        csv = new CsvWriter(out, header(sharpness) + mixtureHeader(mixtureLayers));
        this.hasTest = hasTest;
        this.classify = classify;
        this.sharpness = sharpness;
        this.mixture = mixtureLayers * Darts.CANDIDATES.size();
    }

    /** ",w1_tanh,w1_relu,…": the DARTS mixture columns of {@code layers} hidden layers. */
    public static String mixtureHeader(int layers) {
        StringBuilder s = new StringBuilder();
        for (int l = 1; l <= layers; l++) {
            for (var c : Darts.CANDIDATES) {
                s.append(",w").append(l).append('_').append(c.id());
            }
        }
        return s.toString();
    }

    /** The header with the optional columns asked for. */
    public static String header(boolean sharpness) {
        return HEADER + (sharpness ? ",sharpness" : "");
    }

    @Override
    public void row(int run, TrainSnapshot s) {
        csv.integer(run).integer(s.step()).number(s.epoch()).number(s.trainLoss()).numberIf(hasTest, s.testLoss())
                .numberIf(classify, s.trainAccuracy()).numberIf(classify && hasTest, s.testAccuracy())
                .number(s.gradNorm()).numberIf(s.step() > 0, s.lr());
        if (sharpness) {
            csv.numberIf(!Double.isNaN(s.sharpness()), s.sharpness());
        }
        double[] w = mixture == 0 ? null : s.mixture();
        for (int k = 0; k < mixture; k++) {
            csv.number(w[k]);
        }
        csv.end();
    }
}
