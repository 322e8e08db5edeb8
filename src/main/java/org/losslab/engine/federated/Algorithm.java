package org.losslab.engine.federated;

/**
 * How the clients' local steps are taken and combined. In every round each client starts from the
 * server point x, takes K local steps on its local objective h_i, and the server moves by the
 * weighted average of the clients' displacements, x ← x + η_g·Σ_i p_i·(y_i − x):
 * <ul>
 * <li>{@link #FEDAVG}: h_i = f_i (McMahan et al., "Communication-Efficient Learning of Deep
 *     Networks from Decentralized Data", AISTATS 2017, Algorithm 1);</li>
 * <li>{@link #FEDPROX}: h_i(θ) = f_i(θ) + (μ/2)·‖θ − x‖², a pull back to the server point (Li et al.,
 *     "Federated Optimization in Heterogeneous Networks", MLSys 2020, eq. 2);</li>
 * <li>{@link #SCAFFOLD}: the gradient is corrected by control variates, ∇h_i = ∇f_i − c_i + c, with
 *     c_i updated by option II (Karimireddy et al., "SCAFFOLD: Stochastic Controlled Averaging for
 *     Federated Learning", ICML 2020, Algorithm 1).</li>
 * </ul>
 */
public enum Algorithm {
    FEDAVG("fedavg"), FEDPROX("fedprox"), SCAFFOLD("scaffold");

    private final String key;

    Algorithm(String key) {
        this.key = key;
    }

    /** The file's name of the algorithm. */
    public String key() {
        return key;
    }

    /** The algorithm named {@code key}, or null. */
    public static Algorithm of(String key) {
        for (Algorithm a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        return null;
    }
}
