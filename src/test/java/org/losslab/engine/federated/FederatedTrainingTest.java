package org.losslab.engine.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.CmaEs;
import org.losslab.engine.optim.Lbfgs;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.schedule.PlateauSchedule;
import org.losslab.engine.sim.Stepper;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.engine.update.RunSettings;
import org.losslab.io.Numbers;

/**
 * FedAvg, FedProx and SCAFFOLD on heterogeneous quadratics: against a NumPy float64 transcription of
 * the papers' equations ({@code federated_reference.py}), FedAvg with K = 1 against gradient descent
 * on the average objective, client drift (FedAvg with K &gt; 1 settles away from the global minimum,
 * SCAFFOLD reaches it), and FedProx's pull towards the server point.
 */
class FederatedTrainingTest {
    /** The reference's clients: κ, angle, shift, scale; weights 1, 2, 1. */
    static GlobalObjective clients() {
        List<Surface> c = List.of(new ClientSurface(new Quadratic(10, 0), 1, 1, 1),
                new ClientSurface(new Quadratic(10, 60), -1, 0.5, 2), new ClientSurface(new Quadratic(4, 120), 0.5, -1.5, 0.5));
        return new GlobalObjective(c, new double[] {1, 2, 1}, Window.square(3));
    }

    private static FederatedRun run(Algorithm a, double mu, double serverLr, int k, double lr) {
        return new FederatedRun(RunSettings.of(new Sgd.Config(lr, 0, 0, false, 0)), a, mu, serverLr, k);
    }

    /** The global minimizer of a quadratic F: one Newton step from anywhere. */
    static double[] globalMinimum(GlobalObjective f) {
        double[] g = new double[2], h = new double[3];
        f.valueAndGradient(0, 0, 0, g);
        f.hessian(0, 0, 0, h);
        double det = h[0] * h[2] - h[1] * h[1];
        return new double[] {-(h[2] * g[0] - h[1] * g[1]) / det, -(-h[1] * g[0] + h[0] * g[1]) / det};
    }

    @Test
    void matchesTheFloat64ReferenceOfThePapersEquations() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("federated-reference.csv")) {
            lines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        assertEquals("algorithm,who,round,step,x,y", lines.get(0));
        GlobalObjective f = clients();
        java.util.Map<String, FederatedPath> paths = new java.util.HashMap<>();
        paths.put("fedavg", new FederatedTraining(f, run(Algorithm.FEDAVG, 0, 1, 5, 0.04), 0, 2, -2, 25, 0).run(Cancellation.NEVER));
        paths.put("fedprox", new FederatedTraining(f, run(Algorithm.FEDPROX, 0.5, 1, 5, 0.04), 0, 2, -2, 25, 0).run(Cancellation.NEVER));
        paths.put("scaffold", new FederatedTraining(f, run(Algorithm.SCAFFOLD, 0, 0.8, 5, 0.04), 0, 2, -2, 25, 0).run(Cancellation.NEVER));
        double worst = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            FederatedPath p = paths.get(c[0]);
            int r = Integer.parseInt(c[2]), k = Integer.parseInt(c[3]);
            double x, y;
            if (c[1].equals("server")) {
                x = p.serverX(r);
                y = p.serverY(r);
            } else {
                int i = Integer.parseInt(c[1]);
                x = p.clientX(i, r, k);
                y = p.clientY(i, r, k);
            }
            double ex = Numbers.parse(c[4]), ey = Numbers.parse(c[5]);
            worst = Math.max(worst, Math.max(Math.abs(x - ex), Math.abs(y - ey)));
            assertEquals(ex, x, 1e-9, line);
            assertEquals(ey, y, 1e-9, line);
        }
        assertEquals(1 + 3 * (1 + 25 * (1 + 3 * 6)), lines.size(), "every point of every round compared");
        System.out.printf("federated reference: %d points, worst error %.3g%n", lines.size() - 1, worst);
    }

    /**
     * With one local step, FedAvg's server point is Σ p_i(x − ηg_i) = x − η·Σ p_i g_i = x − η∇F(x):
     * gradient descent on the average. Equal as real numbers, not bit for bit (the server averages
     * points where gradient descent averages gradients, which rounds differently), so to 1e-12.
     */
    @Test
    void fedAvgWithOneLocalStepIsGradientDescentOnTheAverage() {
        GlobalObjective f = clients();
        FederatedPath p = new FederatedTraining(f, run(Algorithm.FEDAVG, 0, 1, 1, 0.05), 0, 2, -2, 200, 0).run(Cancellation.NEVER);
        Trajectory gd = new Trajectory(201);
        new Stepper(f, List.of(RunSettings.of(new Sgd.Config(0.05, 0, 0, false, 0), 2, -2)), new int[] {0}, 200, 0)
                .run(gd, Cancellation.NEVER);
        assertEquals(200, p.rounds());
        double worst = 0;
        for (int r = 0; r <= 200; r++) {
            worst = Math.max(worst, Math.hypot(p.serverX(r) - gd.x(r), p.serverY(r) - gd.y(r)));
            assertEquals(gd.x(r), p.serverX(r), 1e-12, "round " + r);
            assertEquals(gd.y(r), p.serverY(r), 1e-12, "round " + r);
            assertEquals(gd.loss(r), p.serverLoss(r), 1e-12, "round " + r);
        }
        System.out.printf("FedAvg K = 1 against gradient descent: worst distance %.3g%n", worst);
        double[] min = globalMinimum(f);
        assertEquals(0, Math.hypot(p.serverX(200) - min[0], p.serverY(200) - min[1]), 1e-6, "and converges to the minimum");
    }

    @Test
    void fedAvgDriftsWithManyLocalStepsWhileScaffoldReachesTheMinimum() {
        GlobalObjective f = clients();
        double[] min = globalMinimum(f);
        FederatedPath avg = new FederatedTraining(f, run(Algorithm.FEDAVG, 0, 1, 20, 0.04), 0, 2, -2, 300, 0).run(Cancellation.NEVER);
        FederatedPath scaffold = new FederatedTraining(f, run(Algorithm.SCAFFOLD, 0, 1, 20, 0.04), 1, 2, -2, 300, 0)
                .run(Cancellation.NEVER);
        double dAvg = Math.hypot(avg.serverX(300) - min[0], avg.serverY(300) - min[1]);
        double dScaffold = Math.hypot(scaffold.serverX(300) - min[0], scaffold.serverY(300) - min[1]);
        // FedAvg has converged, to the wrong point: its last rounds no longer move.
        assertTrue(Math.hypot(avg.serverX(300) - avg.serverX(299), avg.serverY(300) - avg.serverY(299)) < 1e-10);
        assertTrue(dAvg > 0.1, "client drift: FedAvg stops " + dAvg + " from the minimum");
        assertTrue(dScaffold < 1e-9, "SCAFFOLD reaches it: " + dScaffold);
        assertTrue(scaffold.serverLoss(300) < avg.serverLoss(300));
    }

    /**
     * FedProx's local minimizer is x − (A_i + μI)⁻¹∇f_i(x) on a quadratic, and with η(λ_max + μ) &lt; 1
     * the local steps approach it without overshooting: every client point of every round stays
     * within ‖∇f_i(x)‖/μ of the server point x it started from. FedAvg's clients wander far further.
     */
    @Test
    void fedProxWithLargeMuKeepsClientsNearTheServerPoint() {
        GlobalObjective f = clients();
        double mu = 200, lr = 0.004;
        FederatedPath prox = new FederatedTraining(f, run(Algorithm.FEDPROX, mu, 1, 10, lr), 0, 2, -2, 30, 0).run(Cancellation.NEVER);
        FederatedPath avg = new FederatedTraining(f, run(Algorithm.FEDAVG, 0, 1, 10, lr), 0, 2, -2, 30, 0).run(Cancellation.NEVER);
        double proxMax = 0, avgMax = 0;
        double[] g = new double[2];
        for (int r = 1; r <= 30; r++) {
            for (int i = 0; i < 3; i++) {
                double bound = 0;
                f.client(i).valueAndGradient(prox.serverX(r - 1), prox.serverY(r - 1), 0, g);
                bound = Math.hypot(g[0], g[1]) / mu;
                for (int k = 0; k <= 10; k++) {
                    double d = Math.hypot(prox.clientX(i, r, k) - prox.serverX(r - 1), prox.clientY(i, r, k) - prox.serverY(r - 1));
                    assertTrue(d <= bound * (1 + 1e-12), "round " + r + " client " + i + " step " + k + ": " + d + " > " + bound);
                    proxMax = Math.max(proxMax, d);
                    avgMax = Math.max(avgMax, Math.hypot(avg.clientX(i, r, k) - avg.serverX(r - 1), avg.clientY(i, r, k) - avg.serverY(r - 1)));
                }
            }
        }
        assertTrue(proxMax < 0.35 && avgMax > 3 * proxMax, "FedProx " + proxMax + ", FedAvg " + avgMax);
    }

    @Test
    void anyLocalOptimizerRunsAndOneSeedReplays() {
        GlobalObjective f = clients();
        for (var o : List.of(new Adam.Config(0.05, 0.9, 0.999, 1e-8, 0, false, false), Lbfgs.Config.defaults(),
                new CmaEs.Config(1, 0, 0.3))) {
            FederatedRun r = new FederatedRun(RunSettings.of(o), Algorithm.SCAFFOLD, 0, 1, 5);
            FederatedPath a = new FederatedTraining(f, r, 2, 2, -2, 40, 7).run(Cancellation.NEVER);
            FederatedPath b = new FederatedTraining(f, r, 2, 2, -2, 40, 7).run(Cancellation.NEVER);
            assertFalse(a.diverged(), o.type());
            assertTrue(a.serverLoss(40) < a.serverLoss(0), o.type() + " lowers F");
            assertEquals(a.serverX(40), b.serverX(40), 0, o.type() + " replays");
        }
        assertNull(new FederatedTraining(f, run(Algorithm.FEDAVG, 0, 1, 5, 0.01), 0, 0, 0, 5, 0).run(() -> true));
    }

    @Test
    void divergenceStopsTheRunAtThatRound() {
        FederatedPath p = new FederatedTraining(clients(), run(Algorithm.FEDAVG, 0, 1, 5, 1.5), 0, 2, -2, 1000, 0)
                .run(Cancellation.NEVER);
        assertTrue(p.diverged());
        assertEquals(p.divergedAt(), p.rounds());
        assertTrue(p.rounds() < 1000);
    }

    @Test
    void settingsAreChecked() {
        RunSettings sgd = RunSettings.of(Sgd.Config.defaults());
        assertThrows(IllegalArgumentException.class, () -> new FederatedRun(sgd, Algorithm.FEDAVG, 0.1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new FederatedRun(sgd, Algorithm.FEDPROX, 0.1, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new FederatedRun(sgd, Algorithm.SCAFFOLD, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FederatedRun(sgd.withSchedule(
                new PlateauSchedule(0.1, 10, 1e-4, 0, 0, 1e-8)), Algorithm.FEDAVG, 0, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new ClientSurface(new Quadratic(1, 0), 0, 0, 0));
    }
}
