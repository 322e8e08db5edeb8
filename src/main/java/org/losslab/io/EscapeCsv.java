package org.losslab.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.losslab.engine.analysis.EscapeResult;

/**
 * An escape study as CSV, one row per run: {@code well,temperature,run,escaped_at,ends_in}.
 * {@code well} is where the run started ({@code sharp} or {@code flat}); {@code escaped_at} is its
 * first-passage time in updates, empty if it never left the well; {@code ends_in} is the basin of
 * its last point ({@code sharp}, {@code flat}) or {@code diverged}.
 */
public final class EscapeCsv {
    public static final String HEADER = "well,temperature,run,escaped_at,ends_in";

    private EscapeCsv() {
    }

    /** Writes the results of each well ({@code wells[i]} names {@code results[i]}) atomically. */
    public static void write(List<String> wells, List<EscapeResult> results, Path file) throws IOException {
        AtomicFiles.writeText(file, w -> {
            CsvWriter csv = new CsvWriter(w, HEADER);
            for (int k = 0; k < wells.size(); k++) {
                String well = wells.get(k), other = well.equals("sharp") ? "flat" : "sharp";
                for (EscapeResult.AtTemperature t : results.get(k).temperatures()) {
                    int[] passage = t.passage();
                    EscapeResult.End[] end = t.end();
                    for (int r = 0; r < passage.length; r++) {
                        csv.text(well).number(t.temperature()).integer(r).countOrEmpty(passage[r]).text(switch (end[r]) {
                            case START_BASIN -> well;
                            case OTHER_BASIN -> other;
                            case DIVERGED -> "diverged";
                        }).end();
                    }
                }
            }
        });
    }
}
