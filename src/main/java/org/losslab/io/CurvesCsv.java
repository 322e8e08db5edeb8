package org.losslab.io;

import java.io.Writer;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.mlp.Training;

/**
 * Training curves as CSV: header {@code run,step,epoch,train_loss,test_loss,train_acc,test_acc,grad_norm,lr},
 * one row per run per reported step, numbers as {@link Numbers} prints them (shortest form that
 * reads back to the same double, {@code nan}/{@code inf} for a diverged run). Empty fields: lr at
 * step 0, accuracies for regression, test figures without a test set.
 */
public final class CurvesCsv implements Training.Sink {
    public static final String HEADER = "run,step,epoch,train_loss,test_loss,train_acc,test_acc,grad_norm,lr";

    private final CsvWriter csv;
    private final boolean hasTest;
    private final boolean classify;

    public CurvesCsv(Writer out, boolean hasTest, boolean classify) {
        csv = new CsvWriter(out, HEADER);
        this.hasTest = hasTest;
        this.classify = classify;
    }

    @Override
    public void row(int run, TrainSnapshot s) {
        csv.integer(run).integer(s.step()).number(s.epoch()).number(s.trainLoss()).numberIf(hasTest, s.testLoss())
                .numberIf(classify, s.trainAccuracy()).numberIf(classify && hasTest, s.testAccuracy())
                .number(s.gradNorm()).numberIf(s.step() > 0, s.lr()).end();
    }
}
