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

    /**
     * The lowest point of F in its window, for marking F's minimum: the lowest node of a 121 × 121
     * grid, refined by Newton steps that are kept only while they lower F (halved otherwise, and a
     * gradient step where the Hessian is not positive definite). Allocates; not for hot loops.
     */
    public double[] lowestPoint() {
        int n = 121;
        double bx = 0, by = 0, bf = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = view.xMin() + view.width() * i / (n - 1), y = view.yMin() + view.height() * j / (n - 1);
                double f = value(x, y, 0);
                if (f < bf) {
                    bf = f;
                    bx = x;
                    by = y;
                }
            }
        }
        double[] g = new double[2], h = new double[3];
        for (int it = 0; it < 100; it++) {
            valueAndGradient(bx, by, 0, g);
            hessian(bx, by, 0, h);
            double det = h[0] * h[2] - h[1] * h[1];
            double dx, dy;
            if (h[0] > 0 && det > 0) {
                dx = -(h[2] * g[0] - h[1] * g[1]) / det;
                dy = -(-h[1] * g[0] + h[0] * g[1]) / det;
            } else {
                double scale = 1e-3 * Math.max(view.width(), view.height()) / Math.max(1e-300, Math.hypot(g[0], g[1]));
                dx = -scale * g[0];
                dy = -scale * g[1];
            }
            boolean moved = false;
            for (double step = 1; step > 1e-6; step /= 2) {
                double nx = bx + step * dx, ny = by + step * dy, f = value(nx, ny, 0);
                if (f < bf) {
                    bx = nx;
                    by = ny;
                    bf = f;
                    moved = true;
                    break;
                }
            }
            if (!moved) {
                break;
            }
        }
        return new double[] {bx, by, bf};
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
