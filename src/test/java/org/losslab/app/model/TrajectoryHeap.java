package org.losslab.app.model;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;

/**
 * Measures the heap the app's trajectories take: {@code runs} runs of {@code steps} steps on
 * Rosenbrock (none diverges), kept as the app keeps them ({@code kept}: {@link LabModel} with its
 * bound) or every point ({@code all}: {@code Simulation.run} without a bound, as the app stored
 * them before). Prints the heap in use after a full GC with the result held, against the same
 * before the run.
 *
 * <pre>
 * java -Xmx12g -cp "target/classes:target/test-classes:target/lib/*:target/javafx/*" \
 *     org.losslab.app.model.TrajectoryHeap kept 8 10000000
 * </pre>
 */
public final class TrajectoryHeap {
    private TrajectoryHeap() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int runs = Integer.parseInt(args[1]);
        long steps = Long.parseLong(args[2]);
        StringBuilder json = new StringBuilder("{ \"format\": \"losslab-scenario/1\", \"surface\": { \"type\": \"rosenbrock\" }, "
                + "\"start\": [-1.5, 2], \"steps\": " + steps + ", \"runs\": [ ");
        String[] optimizers = {"{ \"type\": \"sgd\", \"lr\": 0.0002 }", "{ \"type\": \"sgd\", \"lr\": 0.0002, \"momentum\": 0.9 }",
            "{ \"type\": \"adam\", \"lr\": 0.01 }", "{ \"type\": \"rmsprop\", \"lr\": 0.001 }"};
        for (int i = 0; i < runs; i++) {
            json.append(i == 0 ? "" : ", ").append("{ \"optimizer\": ").append(optimizers[i % optimizers.length]).append(" }");
        }
        Scenario s = ScenarioReader.read(json.append(" ] }").toString(), "heap.json");
        long before = used();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Trajectory> kept;
        try {
            if (mode.equals("all")) {
                kept = s.simulation().run(pool, Cancellation.NEVER);
            } else {
                LabModel model = new LabModel(Runnable::run, pool, Runnable::run);
                model.show(s);
                kept = model.snapshot().trajectories();
            }
        } finally {
            pool.shutdown();
        }
        long nanos = System.nanoTime() - t0;
        long after = used();
        long points = 0, diverged = 0;
        for (Trajectory t : kept) {
            points += t.size();
            diverged += t.diverged() ? 1 : 0;
        }
        System.out.printf("%s: %d runs × %d steps: %d points kept (%d per run at most, %d diverged), heap %.1f MB with them, %.1f MB before"
                + " (max heap %.0f MB), %.1f s%n", mode, runs, steps, points, kept.stream().mapToInt(Trajectory::size).max().orElse(0),
                diverged, after / 1e6, before / 1e6, Runtime.getRuntime().maxMemory() / 1e6, nanos / 1e9);
        if (kept.isEmpty()) {
            throw new AssertionError();
        }
    }

    private static long used() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
