package org.losslab.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.losslab.engine.analysis.SweepResult;

/**
 * A sweep as CSV, one row per cell, rows of the grid in order:
 * {@code ix,iy,X_KEY,Y_KEY,final_loss,final_x,final_y,diverged_at,reached_at}, where X_KEY and
 * Y_KEY are the axes' keys (e.g. {@code optimizer.lr}) and the columns hold the cell's values;
 * {@code diverged_at} and {@code reached_at} are empty when the run never diverged or never reached
 * the tolerance. Numbers as in the trajectory CSV (shortest form that reads back the same double).
 */
public final class SweepCsv {
    private SweepCsv() {
    }

    public static String header(SweepResult r) {
        return "ix,iy," + r.x().key() + "," + r.y().key() + ",final_loss,final_x,final_y,diverged_at,reached_at";
    }

    /** Writes the complete rows of {@code r} atomically. */
    public static void write(SweepResult r, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write(header(r));
            w.write('\n');
            double[] xs = r.x().values(), ys = r.y().values();
            StringBuilder b = new StringBuilder(128);
            for (int j = 0; j < r.height(); j++) {
                if (!r.rowDone(j)) {
                    continue;
                }
                for (int i = 0; i < r.width(); i++) {
                    b.setLength(0);
                    b.append(i).append(',').append(j).append(',').append(Numbers.format(xs[i])).append(',')
                            .append(Numbers.format(ys[j])).append(',').append(Numbers.format(r.finalLoss(i, j))).append(',')
                            .append(Numbers.format(r.finalX(i, j))).append(',').append(Numbers.format(r.finalY(i, j))).append(',');
                    if (r.divergedAt(i, j) >= 0) {
                        b.append(r.divergedAt(i, j));
                    }
                    b.append(',');
                    if (r.reachedAt(i, j) >= 0) {
                        b.append(r.reachedAt(i, j));
                    }
                    b.append('\n');
                    w.append(b);
                }
            }
            w.flush();
        });
    }
}
