package org.losslab.engine.federated;

import java.util.Objects;
import org.losslab.engine.schedule.PlateauSchedule;
import org.losslab.engine.update.RunSettings;

/**
 * One federated training: the algorithm and its settings, and the local update every client
 * makes (any optimizer with its schedule and links, as a run's).
 *
 * @param local      the clients' local update: optimizer, schedule (over all R·K local updates),
 *                   warmup, SAM, clipping, noise; its start is ignored (clients start at the server point)
 * @param algorithm  FedAvg, FedProx or SCAFFOLD
 * @param mu         FedProx's μ ≥ 0 (0 for the others)
 * @param serverLr   η_g &gt; 0, the server's step along the averaged displacement (1: plain averaging)
 * @param localSteps K ≥ 1, local updates per client per round
 */
public record FederatedRun(RunSettings local, Algorithm algorithm, double mu, double serverLr, int localSteps) {
    public FederatedRun {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(algorithm, "algorithm");
        if (!(mu >= 0) || !Double.isFinite(mu) || !(serverLr > 0) || !Double.isFinite(serverLr) || localSteps < 1) {
            throw new IllegalArgumentException("need μ ≥ 0, server lr > 0 and K ≥ 1, got " + mu + ", " + serverLr + ", " + localSteps);
        }
        if (algorithm != Algorithm.FEDPROX && mu != 0) {
            throw new IllegalArgumentException("μ is FedProx's; " + algorithm.key() + " has none");
        }
        if (local.schedule() instanceof PlateauSchedule) {
            throw new IllegalArgumentException("a loss-driven schedule has no single loss to watch across clients");
        }
        if (local.batchSize() != 0) {
            throw new IllegalArgumentException("clients take full-batch steps on their surfaces");
        }
    }
}
