package org.losslab.engine.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.update.Lookahead;
import org.losslab.engine.update.RunSettings;

/** The run options in the clients' local updates: each round's pipeline starts its links afresh. */
class FederatedMethodsTest {

    @Test
    void lookaheadOverTheLocalStepsScalesEachRoundsMoveByAlpha() {
        // With k = K, every client ends its round on x + α(θ_K − x), θ_K its plain K-step end point, so
        // the server's FedAvg move is α times the plain one, round after round (from the same x).
        GlobalObjective f = FederatedTrainingTest.clients();
        RunSettings sgd = RunSettings.of(new Sgd.Config(0.05, 0, 0, false, 0));
        FederatedPath plain = new FederatedTraining(f, new FederatedRun(sgd, Algorithm.FEDAVG, 0, 1, 6), 0, 2, -2, 1, 0)
                .run(Cancellation.NEVER);
        FederatedPath la = new FederatedTraining(f, new FederatedRun(sgd.with(new Lookahead.Config(6, 0.5)), Algorithm.FEDAVG,
                0, 1, 6), 0, 2, -2, 3, 0).run(Cancellation.NEVER);
        assertEquals(2 + 0.5 * (plain.serverX(1) - 2), la.serverX(1), 1e-12);
        assertEquals(-2 + 0.5 * (plain.serverY(1) + 2), la.serverY(1), 1e-12);
        // Later rounds too (their pipelines start at t = 6, 12): the slow weights start at each round's server point.
        FederatedPath plainFrom1 = new FederatedTraining(f, new FederatedRun(sgd, Algorithm.FEDAVG, 0, 1, 6), 0, la.serverX(1),
                la.serverY(1), 1, 0).run(Cancellation.NEVER);
        assertEquals(la.serverX(1) + 0.5 * (plainFrom1.serverX(1) - la.serverX(1)), la.serverX(2), 1e-12);
        assertEquals(la.serverY(1) + 0.5 * (plainFrom1.serverY(1) - la.serverY(1)), la.serverY(2), 1e-12);
    }
}
