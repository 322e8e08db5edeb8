package org.losslab.engine.federated;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.losslab.engine.Cancellation;

/**
 * Several federated runs on the same clients from the same start, side by side (a scenario's runs
 * for federated learning): each run in its own {@link FederatedTraining}, seeded by its index.
 *
 * @param problem the clients and their weights
 * @param runs    the algorithms to compare
 * @param startX  the first server point
 * @param rounds  R, communication rounds per run
 * @param seed    seeds every run's random streams
 */
public record FederatedSimulation(GlobalObjective problem, List<FederatedRun> runs, double startX, double startY, int rounds,
                                  long seed) {
    public FederatedSimulation {
        runs = List.copyOf(runs);
    }

    /** Run i alone; null if cancelled. */
    public FederatedPath runOne(int i, Cancellation cancel) {
        return new FederatedTraining(problem, runs.get(i), i, startX, startY, rounds, seed).run(cancel);
    }

    /** Every run, each a task on {@code executor}; null if cancelled. */
    public List<FederatedPath> run(Executor executor, Cancellation cancel) {
        List<CompletableFuture<FederatedPath>> tasks = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            int run = i;
            tasks.add(CompletableFuture.supplyAsync(() -> runOne(run, cancel), executor));
        }
        List<FederatedPath> out = new ArrayList<>();
        for (CompletableFuture<FederatedPath> t : tasks) {
            FederatedPath p = t.join();
            if (p == null) {
                return null;
            }
            out.add(p);
        }
        return List.copyOf(out);
    }
}
