package org.losslab.engine.federated;

import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;

/**
 * One client's loss: the base surface shifted by (dx, dy) and scaled by s &gt; 0,
 * <pre>
 *   f_i(θ) = s·f(θ − d),   ∇f_i(θ) = s·∇f(θ − d),   ∇²f_i(θ) = s·∇²f(θ − d)
 * </pre>
 * so the client's minima are the base's moved by d and its curvature is s times the base's: the
 * simplest model of clients whose data differ (a shift of the optimum, a different amount or
 * spread of data). Thread-safe: the shifted points go to a scratch array per thread, which grows
 * once and is then reused, so stepping a client allocates nothing.
 */
public final class ClientSurface implements Surface {
    private final Surface base;
    private final double dx, dy, scale;
    private final ThreadLocal<double[][]> scratch = ThreadLocal.withInitial(() -> new double[][] {new double[2]});

    /**
     * @param base  the surface before the transform
     * @param dx    the shift of x
     * @param dy    the shift of y
     * @param scale s &gt; 0
     */
    public ClientSurface(Surface base, double dx, double dy, double scale) {
        if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(dx) || !Double.isFinite(dy)) {
            throw new IllegalArgumentException("a client needs a finite shift and a scale > 0, got " + dx + ", " + dy + ", " + scale);
        }
        this.base = base;
        this.dx = dx;
        this.dy = dy;
        this.scale = scale;
    }

    public Surface base() {
        return base;
    }

    @Override
    public String type() {
        return base.type();
    }

    @Override
    public Window defaultView() {
        return base.defaultView();
    }

    @Override
    public boolean dependsOnTime() {
        return base.dependsOnTime();
    }

    /** The points moved back by d, in a per-thread array of at least 2·stride entries. */
    private double[] shifted(int n, int stride, double[] p) {
        double[][] holder = scratch.get();
        if (holder[0].length < 2 * stride) {
            holder[0] = new double[2 * stride];
        }
        double[] q = holder[0];
        for (int i = 0; i < n; i++) {
            q[i] = p[i] - dx;
            q[stride + i] = p[stride + i] - dy;
        }
        return q;
    }

    @Override
    public void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g) {
        base.evaluate(n, stride, shifted(n, stride, p), t, f, g);
        if (scale != 1) {
            for (int i = 0; i < n; i++) {
                f[i] *= scale;
                g[i] *= scale;
                g[stride + i] *= scale;
            }
        }
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        base.value(n, stride, shifted(n, stride, p), t, f);
        if (scale != 1) {
            for (int i = 0; i < n; i++) {
                f[i] *= scale;
            }
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        base.hessian(n, stride, shifted(n, stride, p), t, h);
        if (scale != 1) {
            for (int i = 0; i < n; i++) {
                h[i] *= scale;
                h[stride + i] *= scale;
                h[2 * stride + i] *= scale;
            }
        }
    }
}
