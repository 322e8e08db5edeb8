package org.losslab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final Writer out;
    private final String[] quotedLabels;
    private final StringBuilder line = new StringBuilder(160);

    /** Writes the header now; {@code labels.get(i)} names run i. */
    public TrajectoryCsv(Writer out, List<String> labels) {
        this.out = out;
        quotedLabels = labels.stream().map(TrajectoryCsv::quote).toArray(String[]::new);
        write(HEADER + "\n");
    }

    @Override
    public void point(int run, long step, double x, double y, double loss, double gradNorm, double lr) {
        line.setLength(0);
        line.append(run).append(',').append(quotedLabels[run]).append(',').append(step).append(',')
                .append(Numbers.format(x)).append(',').append(Numbers.format(y)).append(',')
                .append(Numbers.format(loss)).append(',').append(Numbers.format(gradNorm)).append(',');
        if (step > 0) {
            line.append(Numbers.format(lr));
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

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
