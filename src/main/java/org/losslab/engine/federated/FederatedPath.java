package org.losslab.engine.federated;

/**
 * The result of one federated run: the server point x_r after r rounds with the global loss F there
 * (r = 0 is the start), and every client's local path in every round, y_{i,r,k} for k = 0 … K
 * (k = 0 is the server point the client starts from) with the client's own loss f_i. Written by one
 * thread; once handed over it is never written again, so views read it without locking.
 */
public final class FederatedPath {
    private final int clients, localSteps, rounds;
    private final double[] sx, sy, sf;
    private final double[][] cx, cy, cf;
    private int done;
    private int divergedAt = -1;

    FederatedPath(int clients, int localSteps, int rounds) {
        this.clients = clients;
        this.localSteps = localSteps;
        this.rounds = rounds;
        sx = new double[rounds + 1];
        sy = new double[rounds + 1];
        sf = new double[rounds + 1];
        int n = Math.multiplyExact(rounds, localSteps + 1);
        cx = new double[clients][n];
        cy = new double[clients][n];
        cf = new double[clients][n];
    }

    void server(int round, double x, double y, double f) {
        sx[round] = x;
        sy[round] = y;
        sf[round] = f;
    }

    /** Client i's point k of round r (1-based: round r goes from x_{r−1} to x_r). */
    void client(int i, int round, int k, double x, double y, double f) {
        int at = (round - 1) * (localSteps + 1) + k;
        cx[i][at] = x;
        cy[i][at] = y;
        cf[i][at] = f;
    }

    void finish(int roundsDone, int diverged) {
        done = roundsDone;
        divergedAt = diverged;
    }

    public int clients() {
        return clients;
    }

    /** K, local updates per round. */
    public int localSteps() {
        return localSteps;
    }

    /** Rounds asked for. */
    public int plannedRounds() {
        return rounds;
    }

    /** Rounds done: all of them, or up to the one that diverged. */
    public int rounds() {
        return done;
    }

    /** The round whose server point was not finite, or −1. */
    public int divergedAt() {
        return divergedAt;
    }

    public boolean diverged() {
        return divergedAt >= 0;
    }

    /** x_r, for 0 ≤ r ≤ rounds(). */
    public double serverX(int r) {
        return sx[r];
    }

    public double serverY(int r) {
        return sy[r];
    }

    /** F(x_r). */
    public double serverLoss(int r) {
        return sf[r];
    }

    /** Client i's point k (0 … K) of round r (1 … rounds()). */
    public double clientX(int i, int r, int k) {
        return cx[i][(r - 1) * (localSteps + 1) + k];
    }

    public double clientY(int i, int r, int k) {
        return cy[i][(r - 1) * (localSteps + 1) + k];
    }

    /** f_i at client i's point k of round r (its own loss, without FedProx's or SCAFFOLD's terms). */
    public double clientLoss(int i, int r, int k) {
        return cf[i][(r - 1) * (localSteps + 1) + k];
    }
}
