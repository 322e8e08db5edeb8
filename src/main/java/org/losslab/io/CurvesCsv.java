package org.losslab.io;

import java.io.Writer;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.mlp.Training;

/**
 * Training curves as CSV: header {@code run,step,epoch,train_loss,test_loss,train_acc,test_acc,grad_norm,lr},
 * one row per run per reported step, numbers as {@link Numbers} prints them (shortest form that
 * reads back to the same double, {@code nan}/{@code inf} for a diverged run). Empty fields: lr at
 * step 0, accuracies for regression, test figures without a test set. Columns that a training's
 * options ask for follow, and only then: {@code sharpness} (λmax, empty at steps not measured).
 */
public final class CurvesCsv implements Training.Sink {
    public static final String HEADER = "run,step,epoch,train_loss,test_loss,train_acc,test_acc,grad_norm,lr";

    private final CsvWriter csv;
    private final boolean hasTest;
    private final boolean classify;
    private final boolean sharpness;

    public CurvesCsv(Writer out, boolean hasTest, boolean classify) {
        this(out, hasTest, classify, false);
    }

    /** The curves of {@code t}: test and accuracy columns as its data has them, and the columns its options ask for. */
    public static CurvesCsv of(Writer out, Training t) {
        return new CurvesCsv(out, t.data().test().size() > 0, t.data().train().classes() > 0, t.options().sharpness() != null);
    }

    private CurvesCsv(Writer out, boolean hasTest, boolean classify, boolean sharpness) {
        csv = new CsvWriter(out, header(sharpness));
        this.hasTest = hasTest;
        this.classify = classify;
        this.sharpness = sharpness;
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
        csv.end();
    }
}
