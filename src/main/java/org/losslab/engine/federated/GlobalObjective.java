package org.losslab.engine.federated;

import java.util.List;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;

/**
 * The federated objective, the weighted average of the clients' losses (McMahan et al. 2017, eq. 1):
 * <pre>
 *   F(θ) = Σ_i p_i·f_i(θ),   p_i = w_i / Σ_j w_j
 * </pre>
 * with its gradient and Hessian summed the same way, client by client in order. A {@link Surface},
 * so its contours are drawn and plain gradient descent runs on it like on any surface. Thread-safe
 * (per-thread scratch).
 */
public final class GlobalObjective implements Surface {
    private final List<Surface> clients;
    private final double[] p;
    private final Window view;
    private final ThreadLocal<double[][]> scratch = ThreadLocal.withInitial(() -> new double[][] {new double[1], new double[3]});

    /**
     * @param clients the clients' losses f_i
     * @param weights w_i &gt; 0 (any scale). Not modified.
     * @param view    the plot window
     */
    public GlobalObjective(List<? extends Surface> clients, double[] weights, Window view) {
        if (clients.isEmpty() || clients.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per client");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("client weights must be > 0, got " + w);
            }
            sum += w;
        }
        this.clients = List.copyOf(clients);
        p = new double[weights.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = weights[i] / sum;
        }
        this.view = view;
    }

    public int size() {
        return clients.size();
    }

    public Surface client(int i) {
        return clients.get(i);
    }

    /** The normalized weight p_i. */
    public double weight(int i) {
        return p[i];
    }

    @Override
    public String type() {
        return "federated";
    }

    @Override
    public Window defaultView() {
        return view;
    }

    @Override
    public boolean dependsOnTime() {
        return clients.stream().anyMatch(Surface::dependsOnTime);
    }

    private double[][] scratch(int stride) {
        double[][] s = scratch.get();
        if (s[0].length < stride) {
            s[0] = new double[stride];
            s[1] = new double[3 * stride];
        }
        return s;
    }

    @Override
    public void evaluate(int n, int stride, double[] pts, double t, double[] f, double[] g) {
        double[][] s = scratch(stride);
        double[] fi = s[0], gi = s[1];
        for (int k = 0; k < n; k++) {
            f[k] = 0;
            g[k] = 0;
            g[stride + k] = 0;
        }
        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).evaluate(n, stride, pts, t, fi, gi);
            double w = p[i];
            for (int k = 0; k < n; k++) {
                f[k] += w * fi[k];
                g[k] += w * gi[k];
                g[stride + k] += w * gi[stride + k];
            }
        }
    }

    @Override
    public void value(int n, int stride, double[] pts, double t, double[] f) {
        double[] fi = scratch(stride)[0];
        for (int k = 0; k < n; k++) {
            f[k] = 0;
        }
        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).value(n, stride, pts, t, fi);
            for (int k = 0; k < n; k++) {
                f[k] += p[i] * fi[k];
            }
        }
    }

    @Override
    public void hessian(int n, int stride, double[] pts, double t, double[] h) {
        double[] hi = scratch(stride)[1];
        for (int k = 0; k < 3 * stride; k++) {
            h[k] = 0;
        }
        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).hessian(n, stride, pts, t, hi);
            for (int k = 0; k < n; k++) {
                h[k] += p[i] * hi[k];
                h[stride + k] += p[i] * hi[stride + k];
                h[2 * stride + k] += p[i] * hi[2 * stride + k];
            }
        }
    }
}
