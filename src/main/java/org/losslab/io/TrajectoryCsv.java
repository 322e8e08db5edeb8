package org.losslab.io;

import java.io.Writer;
import java.util.List;
import org.losslab.engine.sim.TrajectorySink;

/**
 * The spec's trajectory CSV: header {@code run,label,step,x,y,loss,grad_norm,lr}, one row per run
 * per point, {@code lr} empty at step 0, labels quoted as RFC 4180 says, numbers by {@link Numbers}.
 * Rows are written as they arrive, so a 10-million-step run never sits in memory.
 */
public final class TrajectoryCsv implements TrajectorySink {
    public static final String HEADER = "run,label,step,x,y,loss,grad_norm,lr";

    private final CsvWriter csv;
    private final String[] quotedLabels;

    /** Writes the header now; {@code labels.get(i)} names run i. */
    public TrajectoryCsv(Writer out, List<String> labels) {
        csv = new CsvWriter(out, HEADER);
        quotedLabels = labels.stream().map(CsvWriter::quote).toArray(String[]::new);
    }

    @Override
    public void point(int run, long step, double x, double y, double loss, double gradNorm, double lr) {
        csv.integer(run).raw(quotedLabels[run]).integer(step).number(x).number(y).number(loss).number(gradNorm)
                .numberIf(step > 0, lr).end();
    }
}
