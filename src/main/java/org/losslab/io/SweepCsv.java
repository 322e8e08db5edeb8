package org.losslab.io;

import java.io.IOException;
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
        AtomicFiles.writeText(file, w -> {
            CsvWriter csv = new CsvWriter(w, header(r));
            double[] xs = r.x().values(), ys = r.y().values();
            for (int j = 0; j < r.height(); j++) {
                if (!r.rowDone(j)) {
                    continue;
                }
                for (int i = 0; i < r.width(); i++) {
                    csv.integer(i).integer(j).number(xs[i]).number(ys[j]).number(r.finalLoss(i, j)).number(r.finalX(i, j))
                            .number(r.finalY(i, j)).countOrEmpty(r.divergedAt(i, j)).countOrEmpty(r.reachedAt(i, j)).end();
                }
            }
        });
    }
}
