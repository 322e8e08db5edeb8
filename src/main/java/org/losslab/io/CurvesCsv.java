package org.losslab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final Writer out;
    private final boolean hasTest;
    private final boolean classify;
    private final StringBuilder line = new StringBuilder(160);

    public CurvesCsv(Writer out, boolean hasTest, boolean classify) {
        this.out = out;
        this.hasTest = hasTest;
        this.classify = classify;
        write(HEADER + "\n");
    }

    @Override
    public void row(int run, TrainSnapshot s) {
        line.setLength(0);
        line.append(run).append(',').append(s.step()).append(',').append(Numbers.format(s.epoch())).append(',')
                .append(Numbers.format(s.trainLoss())).append(',');
        if (hasTest) {
            line.append(Numbers.format(s.testLoss()));
        }
        line.append(',');
        if (classify) {
            line.append(Numbers.format(s.trainAccuracy()));
        }
        line.append(',');
        if (classify && hasTest) {
            line.append(Numbers.format(s.testAccuracy()));
        }
        line.append(',').append(Numbers.format(s.gradNorm())).append(',');
        if (s.step() > 0) {
            line.append(Numbers.format(s.lr()));
        }
        line.append('\n');
        write(line);
    }

    private void write(CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
