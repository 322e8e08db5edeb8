package org.losslab.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.losslab.engine.federated.FederatedPath;

/**
 * Federated runs as CSV, {@code run,label,round,client,step,x,y,loss}: for each run in order, the
 * server row of round 0 (the start), then for each round r = 1 … R every client's local path (client
 * 0's steps k = 0 … K, then client 1's, …; step 0 is the server point x_{r−1} the client starts
 * from) followed by the server row of round r (x_r). Server rows leave {@code client} and
 * {@code step} empty and give the global loss F; client rows give the client's own loss f_i. A run
 * that diverged stops after the round whose server point was not finite. Numbers as in the
 * trajectory CSV.
 */
public final class FederatedCsv {
    public static final String HEADER = "run,label,round,client,step,x,y,loss";

    private FederatedCsv() {
    }

    /** Writes every run atomically; {@code labels} names run j. */
    public static void write(List<FederatedPath> runs, List<String> labels, Path file) throws IOException {
        AtomicFiles.writeText(file, w -> {
            CsvWriter csv = new CsvWriter(w, HEADER);
            for (int j = 0; j < runs.size(); j++) {
                FederatedPath p = runs.get(j);
                String label = CsvWriter.quote(labels.get(j));
                server(csv, j, label, p, 0);
                for (int r = 1; r <= p.rounds(); r++) {
                    for (int i = 0; i < p.clients(); i++) {
                        for (int k = 0; k <= p.localSteps(); k++) {
                            csv.integer(j).raw(label).integer(r).integer(i).integer(k).number(p.clientX(i, r, k))
                                    .number(p.clientY(i, r, k)).number(p.clientLoss(i, r, k)).end();
                        }
                    }
                    server(csv, j, label, p, r);
                }
            }
        });
    }

    private static void server(CsvWriter csv, int j, String label, FederatedPath p, int r) {
        csv.integer(j).raw(label).integer(r).raw("").raw("").number(p.serverX(r)).number(p.serverY(r)).number(p.serverLoss(r)).end();
    }
}
