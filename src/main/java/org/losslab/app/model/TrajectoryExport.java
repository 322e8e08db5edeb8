package org.losslab.app.model;

import java.io.IOException;
import java.nio.file.Path;
import org.losslab.engine.Cancellation;
import org.losslab.engine.Progress;
import org.losslab.engine.sim.TrajectorySink;
import org.losslab.format.scenario.Scenario;
import org.losslab.io.AtomicFiles;
import org.losslab.io.TrajectoryCsv;

/**
 * The spec's trajectory CSV of a scenario, every row exactly as {@code losslab run --csv} writes it.
 * The app keeps a run longer than {@link LabModel#KEPT_POINTS} thinned, so the file is never written
 * from what it keeps: the scenario is run again (the engine is deterministic: the same bits), one
 * run after another on the calling thread, each row streamed to the file as it is computed, through
 * the atomic writer, so memory does not grow with the steps and a cancelled or failed export leaves
 * no file (and an existing one as it was). Progress is told every 2¹⁶ rows, in thousandths of the
 * runs × (steps + 1) rows.
 */
public final class TrajectoryExport {
    /** Rows between two progress reports: the count is one mask test per row. */
    private static final long REPORT_EVERY = 1 << 16;
    /** Progress is told in these units. */
    static final int UNITS = 1000;

    private TrajectoryExport() {
    }

    /**
     * Writes {@code file}; call off the FX thread.
     *
     * @return false when cancelled (nothing written)
     */
    public static boolean write(Scenario sc, Path file, Cancellation cancel, Progress progress) throws IOException {
        long total = Math.max(1, sc.runs().size() * (sc.steps() + 1));
        try {
            AtomicFiles.writeText(file, w -> {
                TrajectoryCsv csv = new TrajectoryCsv(w, sc.labels());
                TrajectorySink counted = new TrajectorySink() {
                    private long rows;

                    @Override
                    public void point(int run, long step, double x, double y, double loss, double gradNorm, double lr) {
                        csv.point(run, step, x, y, loss, gradNorm, lr);
                        if ((++rows & (REPORT_EVERY - 1)) == 0) {
                            progress.update((int) (rows * UNITS / total), UNITS);
                        }
                    }

                    @Override
                    public void channels(int run, java.util.List<String> names) {
                        csv.channels(run, names);
                    }

                    @Override
                    public void channelValues(int run, long step, double[] values) {
                        csv.channelValues(run, step, values);
                    }
                };
                if (!sc.simulation().runSequentially(counted, cancel)) {
                    // Out of the atomic writer without completing it: the temporary file is deleted.
                    throw new Cancelled();
                }
            });
        } catch (Cancelled e) {
            return false;
        }
        progress.update(UNITS, UNITS);
        return true;
    }

    /** Leaves the atomic writer when the export is cancelled. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
