package org.losslab.engine.federated;

import java.util.Collections;
import java.util.List;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Objective;
import org.losslab.engine.random.Seeds;
import org.losslab.engine.update.BatchLoss;
import org.losslab.engine.update.RandomStreams;
import org.losslab.engine.update.RunSettings;
import org.losslab.engine.update.UpdatePipeline;

/**
 * One federated run over clients f_1 … f_M with weights p_i (full participation). Round r = 1 … R,
 * from the server point x (and, for SCAFFOLD, the server control variate c and the clients' c_i,
 * all 0 at the start):
 * <pre>
 *   every client i:  y_i ← x;  for k = 0 … K−1 (local update t = (r−1)·K + k):
 *                        g = ∇h_i(y_i);  y_i ← local_update(y_i, g, η_t)      (any optimizer, its links)
 *     FedAvg:    h_i = f_i
 *     FedProx:   h_i(θ) = f_i(θ) + (μ/2)·‖θ − x‖²,          ∇h_i = ∇f_i + μ(θ − x)
 *     SCAFFOLD:  h_i(θ) = f_i(θ) + ⟨c − c_i, θ − x⟩,         ∇h_i = ∇f_i − c_i + c
 *   server:          x ← x + η_g·Σ_i p_i·(y_i − x)
 *   SCAFFOLD, option II:  c_i⁺ = c_i − c + (x − y_i)/Σ_k η_k;   c ← c + Σ_i p_i·(c_i⁺ − c_i);  c_i ← c_i⁺
 * </pre>
 * (Karimireddy et al. 2020, Algorithm 1, with the server's averages weighted by p_i as FedAvg's are;
 * Σ_k η_k is the paper's K·η_l, the sum of the local rates of the round, so schedules and warmup are
 * allowed.) The local objective h_i is also what line searches, Newton's Hessian (∇²f_i + μI), SAM's
 * probe and CMA-ES's samples see, so every optimizer minimizes the same h_i.
 *
 * <p>Each round the clients start afresh: a new local optimizer (no momentum or moments carried over,
 * as stateless clients), with the random streams of that round, {@code Seeds.of(seed, run, ROUNDS) + r}
 * per round and the client index within it. The schedule runs over all R·K local updates. With K = 1,
 * η_g = 1 and SGD, FedAvg is gradient descent on F = Σ p_i f_i (the same real numbers; the rounding
 * differs because the server averages the points x − ηg_i instead of stepping by η·Σp_i g_i).
 */
public final class FederatedTraining implements Objective, BatchLoss {
    private final GlobalObjective problem;
    private final FederatedRun run;
    private final int m, localSteps, rounds, runIndex;
    private final long seed;
    private final double startX, startY;
    private final List<RunSettings> locals;
    private final int[] slots;
    private final boolean prox, scaffold;
    private final double mu;

    // The clients' points, gradients and local objective values in the batch layout (stride m).
    private final double[] y, g, h;
    // SCAFFOLD's control variates: the server's c and the clients' c_i (batch layout), and Σ_k η_k.
    private final double[] c = new double[2], ci, etaSum;
    private final double[] x = new double[2];
    private final double[] p1 = new double[2], f1 = new double[1], g1 = new double[2], h1 = new double[3];
    private double t;

    /**
     * @param problem  the clients and their weights
     * @param run      the algorithm and the local update
     * @param runIndex this run's index in its file (seeds its streams)
     * @param rounds   R ≥ 0
     * @param seed     the file's seed
     */
    public FederatedTraining(GlobalObjective problem, FederatedRun run, int runIndex, double startX, double startY,
                             int rounds, long seed) {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be ≥ 0, got " + rounds);
        }
        this.problem = problem;
        this.run = run;
        this.m = problem.size();
        this.localSteps = run.localSteps();
        this.rounds = rounds;
        this.runIndex = runIndex;
        this.seed = seed;
        this.startX = startX;
        this.startY = startY;
        locals = Collections.nCopies(m, run.local());
        slots = new int[m];
        for (int i = 0; i < m; i++) {
            slots[i] = i;
        }
        prox = run.algorithm() == Algorithm.FEDPROX;
        scaffold = run.algorithm() == Algorithm.SCAFFOLD;
        mu = run.mu();
        y = new double[2 * m];
        g = new double[2 * m];
        h = new double[m];
        ci = new double[2 * m];
        etaSum = new double[m];
    }

    /** Runs every round; null if cancelled (polled once per round). */
    public FederatedPath run(Cancellation cancel) {
        FederatedPath path = new FederatedPath(m, localSteps, rounds);
        x[0] = startX;
        x[1] = startY;
        c[0] = c[1] = 0;
        java.util.Arrays.fill(ci, 0);
        path.server(0, x[0], x[1], globalLoss(0));
        long base = Seeds.of(seed, runIndex, Seeds.ROUNDS);
        long horizon = (long) rounds * localSteps;
        for (int r = 1; r <= rounds; r++) {
            if (cancel.isCancelled()) {
                return null;
            }
            UpdatePipeline pipeline = new UpdatePipeline(2, m, locals, horizon, new RandomStreams(base + r, slots));
            for (int i = 0; i < m; i++) {
                y[i] = x[0];
                y[m + i] = x[1];
                etaSum[i] = 0;
            }
            for (int k = 0; k < localSteps; k++) {
                long step = (long) (r - 1) * localSteps + k;
                t = step;
                for (int i = 0; i < m; i++) {
                    h[i] = local(i, y[i], y[m + i]);
                    g[i] = g1[0];
                    g[m + i] = g1[1];
                    path.client(i, r, k, y[i], y[m + i], f1[0]);
                }
                pipeline.update(m, step, y, g, h, this, this);
                for (int i = 0; i < m; i++) {
                    etaSum[i] += pipeline.lr(i);
                }
            }
            t = (long) r * localSteps;
            double sumX = 0, sumY = 0;
            for (int i = 0; i < m; i++) {
                local(i, y[i], y[m + i]);
                path.client(i, r, localSteps, y[i], y[m + i], f1[0]);
                double w = problem.weight(i);
                sumX += w * (y[i] - x[0]);
                sumY += w * (y[m + i] - x[1]);
            }
            if (scaffold) {
                double dcx = 0, dcy = 0;
                for (int i = 0; i < m; i++) {
                    double nx = ci[i] - c[0] + (x[0] - y[i]) / etaSum[i];
                    double ny = ci[m + i] - c[1] + (x[1] - y[m + i]) / etaSum[i];
                    dcx += problem.weight(i) * (nx - ci[i]);
                    dcy += problem.weight(i) * (ny - ci[m + i]);
                    ci[i] = nx;
                    ci[m + i] = ny;
                }
                c[0] += dcx;
                c[1] += dcy;
            }
            x[0] += run.serverLr() * sumX;
            x[1] += run.serverLr() * sumY;
            double f = globalLoss(r);
            path.server(r, x[0], x[1], f);
            if (!(Double.isFinite(x[0]) && Double.isFinite(x[1]) && Double.isFinite(f))) {
                path.finish(r, r);
                return path;
            }
        }
        path.finish(rounds, -1);
        return path;
    }

    private double globalLoss(long round) {
        p1[0] = x[0];
        p1[1] = x[1];
        problem.evaluate(1, 1, p1, (double) round * localSteps, f1, g1);
        return f1[0];
    }

    /**
     * The local objective h_i at (px, py) at the current t: returns h_i, leaves ∇h_i in {@link #g1}
     * and the client's own loss f_i in {@code f1[0]}. FedAvg adds nothing, so its steps are f_i's exactly.
     */
    private double local(int i, double px, double py) {
        p1[0] = px;
        p1[1] = py;
        problem.client(i).evaluate(1, 1, p1, t, f1, g1);
        double v = f1[0];
        if (prox) {
            double dx = px - x[0], dy = py - x[1];
            v += 0.5 * mu * (dx * dx + dy * dy);
            g1[0] += mu * dx;
            g1[1] += mu * dy;
        } else if (scaffold) {
            double ux = c[0] - ci[i], uy = c[1] - ci[m + i];
            v += ux * (px - x[0]) + uy * (py - x[1]);
            g1[0] += ux;
            g1[1] += uy;
        }
        return v;
    }

    // --- Objective: one client's local objective, for line searches, Newton and CMA-ES. ---

    @Override
    public double valueAndGradient(int slot, double[] theta, double[] grad) {
        double v = local(slot, theta[0], theta[1]);
        grad[0] = g1[0];
        grad[1] = g1[1];
        return v;
    }

    @Override
    public void hessian(int slot, double[] theta, double[] hess) {
        p1[0] = theta[0];
        p1[1] = theta[1];
        problem.client(slot).hessian(1, 1, p1, t, h1);
        double d = prox ? mu : 0;
        hess[0] = h1[0] + d;
        hess[1] = h1[1];
        hess[2] = h1[1];
        hess[3] = h1[2] + d;
    }

    // --- BatchLoss: every client's local objective at its SAM probe point. ---

    @Override
    public void valueAndGradient(int count, double[] p, double[] f, double[] grad) {
        for (int i = 0; i < count; i++) {
            f[i] = local(i, p[i], p[m + i]);
            grad[i] = g1[0];
            grad[m + i] = g1[1];
        }
    }
}
