package org.losslab.format.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.federated.Algorithm;
import org.losslab.engine.federated.FederatedPath;
import org.losslab.engine.federated.GlobalObjective;
import org.losslab.format.InputException;

/** Reading federated files, and the story of the sample in sample-landscapes/. */
public class FederatedSpecTest {
    /** A small valid file: two clients, three runs (the second with its own K). */
    public static final String GOOD = """
            {
              "format": "losslab-federated/1",
              "title": "two bowls",
              "surface": { "type": "quadratic", "kappa": 4 },
              "clients": [
                { "shift": [1, 0] },
                { "label": "far", "shift": [-1, 1], "scale": 2, "weight": 3 }
              ],
              "start": [1, -1],
              "rounds": 6,
              "localSteps": 3,
              "runs": [
                { "label": "FedAvg", "algorithm": "fedavg", "optimizer": { "type": "sgd", "lr": 0.05 } },
                { "algorithm": "fedprox", "mu": 0.5, "localSteps": 1, "optimizer": { "type": "sgd", "lr": 0.05 } },
                { "label": "SCAFFOLD", "algorithm": "scaffold", "serverLr": 0.5, "optimizer": { "type": "adam", "lr": 0.05 },
                  "schedule": { "type": "cosine" } }
              ]
            }
            """;

    @Test
    void readsClientsRunsAndDefaults() throws Exception {
        FederatedSpec s = FederatedSpec.read(GOOD, "good");
        assertEquals(List.of("client 1", "far"), s.clientLabels());
        assertEquals(List.of("FedAvg", "fedprox", "SCAFFOLD"), s.runLabels());
        assertEquals(Algorithm.FEDPROX, s.runs().get(1).algorithm());
        assertEquals(0.5, s.runs().get(1).mu());
        assertEquals(1, s.localSteps(1));
        assertEquals(3, s.localSteps(2));
        assertEquals(0.5, s.runs().get(2).serverLr());
        assertEquals(1.0, s.runs().get(0).serverLr());
        assertNull(s.view());
        GlobalObjective f = s.problem();
        assertEquals(0.25, f.weight(0));
        assertEquals(0.75, f.weight(1));
        // f_2(θ) = 2·q(θ − (−1, 1)): 0 at its shifted minimum.
        assertEquals(0, f.client(1).value(-1, 1, 0));
        List<FederatedPath> paths = s.simulation(f).run(Runnable::run, Cancellation.NEVER);
        assertEquals(3, paths.size());
        assertEquals(6, paths.get(2).rounds());
    }

    @Test
    void refusesWhatTheFormatForbids() {
        String[][] cases = {
            {GOOD.replace("\"localSteps\": 3,", ""), "$: missing required key \"localSteps\""},
            {GOOD.replace("\"clients\": [", "\"clients\": [ { \"shift\": [0, 0], \"colour\": 1 },"), "$.clients[0].colour: unknown key"},
            {GOOD.replace("\"fedavg\",", "\"fedavg\", \"mu\": 1,"), "$.runs[0].mu: μ is FedProx's proximal weight; \"fedavg\" has none"},
            {GOOD.replace("\"cosine\"", "\"plateau\""), "$.runs[2].schedule.type: a loss-driven schedule"},
            {GOOD.replace("\"FedAvg\", \"algorithm\"", "\"FedAvg\", \"batchSize\": 2, \"algorithm\""), "$.runs[0].batchSize: clients take full-batch steps"},
            {GOOD.replace("\"rounds\": 6", "\"rounds\": 100000").replace("\"localSteps\": 3", "\"localSteps\": 100"),
                "$.rounds: rounds × clients × (localSteps + 1) = 20,200,000 client points; at most 4,000,000"},
            {GOOD.replace("\"kappa\": 4 }", "\"kappa\": 4 }, \"steps\": 3"), "$.steps: unknown key"},
            {GOOD.replace("\"surface\": { \"type\": \"quadratic\", \"kappa\": 4 }", "\"surface\": { \"type\": \"expression\", \"f\": \"x +\" }"),
                "$.surface.f, column"},
        };
        for (String[] c : cases) {
            InputException e = assertThrows(InputException.class, () -> FederatedSpec.read(c[0], "bad.json"), c[1]);
            assertTrue(e.getMessage().startsWith("bad.json: " + c[1]), e.getMessage());
        }
    }

    /**
     * The sample's story: FedAvg with 20 local steps settles away from F's minimum, FedProx nearer,
     * SCAFFOLD at it; the clients' own minima are spread out (they disagree).
     */
    @Test
    void clientDriftSample() throws Exception {
        FederatedSpec s = FederatedSpec.read(Path.of("sample-landscapes/federated-client-drift.json"));
        assertFalse(s.title().isBlank());
        assertFalse(s.description().isBlank());
        GlobalObjective f = s.problem();
        double[] min = f.lowestPoint();
        List<FederatedPath> p = s.simulation(f).run(Runnable::run, Cancellation.NEVER);
        double[] d = new double[3];
        for (int j = 0; j < 3; j++) {
            FederatedPath r = p.get(j);
            assertFalse(r.diverged());
            int last = r.rounds();
            d[j] = Math.hypot(r.serverX(last) - min[0], r.serverY(last) - min[1]);
            // Every run has settled: its last rounds barely move.
            assertTrue(Math.hypot(r.serverX(last) - r.serverX(last - 1), r.serverY(last) - r.serverY(last - 1)) < 0.01,
                    s.runLabels().get(j) + " still moving");
            for (int k = 0; k <= last; k++) {
                assertTrue(Math.abs(r.serverX(k)) <= 3 && Math.abs(r.serverY(k)) <= 3, "server path stays in view");
            }
        }
        assertTrue(d[0] > 0.4, "FedAvg drifts: " + d[0]);
        assertTrue(d[1] < d[0] && d[1] > 0.1, "FedProx drifts less: " + d[1]);
        assertTrue(d[2] < 1e-3, "SCAFFOLD reaches F's minimum: " + d[2]);
        assertTrue(p.get(2).serverLoss(s.rounds()) < p.get(1).serverLoss(s.rounds())
                && p.get(1).serverLoss(s.rounds()) < p.get(0).serverLoss(s.rounds()));
    }
}
