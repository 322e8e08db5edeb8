package org.losslab.engine.mlp;

import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;

/**
 * A network's loss landscape as a {@link Surface}, so the 2-D and 3-D views that show the textbook
 * surfaces show it too: f(x, y) = L(θ* + x·d₁ + y·d₂), the mean training loss on the plane of
 * {@link LossSlice} (x = α, y = β).
 *
 * <p>Value and gradient are exact: ∂f/∂x = ∇L·d₁, ∂f/∂y = ∇L·d₂, from backpropagation. The
 * Hessian is by central differences of those exact gradients (h = 10⁻⁵·max(1, |coordinate|);
 * f_xy the mean of both mixed differences) — exact second derivatives of a network would need
 * a second-order pass that nothing else here uses. Each evaluation is a pass over the whole training
 * set, so views should sample it on a modest grid (or use {@link LossSlice#compute}).
 *
 * <p>Thread-safe: every thread gets its own workspace.
 */
public final class SliceSurface implements Surface {
    private final Architecture arch;
    private final Examples examples;
    private final double[] center, d1, d2;
    private final Window view;
    private final ThreadLocal<Work> work;

    /**
     * @param data   the points the loss is averaged over (usually the training set)
     * @param center θ*. Not modified (copied).
     * @param d1     the x direction. Not modified (copied).
     * @param d2     the y direction. Not modified (copied).
     * @param view   the window to show, e.g. [−1, 1]² for filter-normalized directions
     */
    public SliceSurface(Architecture arch, Dataset data, double[] center, double[] d1, double[] d2, Window view) {
        int p = arch.parameterCount();
        if (center.length != p || d1.length != p || d2.length != p) {
            throw new IllegalArgumentException("center and directions need " + p + " weights each");
        }
        this.arch = arch;
        this.examples = new Examples(arch, data);
        this.center = center.clone();
        this.d1 = d1.clone();
        this.d2 = d2.clone();
        this.view = view;
        this.work = ThreadLocal.withInitial(Work::new);
    }

    private final class Work {
        final Network net = new Network(arch);
        final double[] theta = new double[center.length];
        final double[] grad = new double[center.length];
        final double[] gp = new double[2], gm = new double[2];
    }

    @Override
    public String type() {
        return "networkSlice";
    }

    @Override
    public Window defaultView() {
        return view;
    }

    private double at(Work w, double x, double y, double[] g2) {
        double[] th = w.theta;
        for (int i = 0; i < th.length; i++) {
            th[i] = center[i] + x * d1[i] + y * d2[i];
        }
        double f = w.net.evaluate(th, examples, null, 0, examples.n, g2 == null ? null : w.grad);
        if (g2 != null) {
            double gx = 0, gy = 0;
            for (int i = 0; i < th.length; i++) {
                gx += w.grad[i] * d1[i];
                gy += w.grad[i] * d2[i];
            }
            g2[0] = gx;
            g2[1] = gy;
        }
        return f;
    }

    @Override
    public void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g) {
        Work w = work.get();
        for (int i = 0; i < n; i++) {
            f[i] = at(w, p[i], p[stride + i], w.gp);
            g[i] = w.gp[0];
            g[stride + i] = w.gp[1];
        }
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        Work w = work.get();
        for (int i = 0; i < n; i++) {
            f[i] = at(w, p[i], p[stride + i], null);
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        Work w = work.get();
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double hx = 1e-5 * Math.max(1, Math.abs(x)), hy = 1e-5 * Math.max(1, Math.abs(y));
            at(w, x + hx, y, w.gp);
            at(w, x - hx, y, w.gm);
            double fxx = (w.gp[0] - w.gm[0]) / (2 * hx);
            double fyx = (w.gp[1] - w.gm[1]) / (2 * hx);
            at(w, x, y + hy, w.gp);
            at(w, x, y - hy, w.gm);
            double fyy = (w.gp[1] - w.gm[1]) / (2 * hy);
            double fxy = (w.gp[0] - w.gm[0]) / (2 * hy);
            h[i] = fxx;
            h[stride + i] = 0.5 * (fxy + fyx);
            h[2 * stride + i] = fyy;
        }
    }
}
