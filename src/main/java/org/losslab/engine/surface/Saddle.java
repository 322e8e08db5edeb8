package org.losslab.engine.surface;

/**
 * A saddle point with an optional quartic wall along the falling direction:
 * <pre>
 *   f(x, y) = ½a x² − ½b y² + ¼c y⁴
 *   ∂f/∂x = a x            ∂f/∂y = −b y + c y³
 *   f_xx = a   f_xy = 0   f_yy = −b + 3c y²
 * </pre>
 * The origin is a critical point with Hessian eigenvalues a and −b: a strict saddle for a, b &gt; 0.
 * Started exactly on the x-axis, gradient descent converges to the saddle; any offset in y grows
 * like (1 + lr·b)^t, so escape time is logarithmic in the offset (Dauphin et al. 2014, "Identifying
 * and attacking the saddle point problem"). With c = 0 the fall is unbounded; with c &gt; 0 there are
 * two minima at (0, ±√(b/c)) with value −b²/(4c), the classic symmetric double well in y.
 */
public final class Saddle implements Surface {
    private final double a;
    private final double b;
    private final double c;

    public Saddle(double a, double b, double c) {
        this.a = a;
        this.b = b;
        this.c = c;
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    public double c() {
        return c;
    }

    /** The spec's defaults: a = b = 1, c = 0. */
    public static Saddle defaults() {
        return new Saddle(1, 1, 0);
    }

    @Override
    public String type() {
        return "saddle";
    }

    @Override
    public Window defaultView() {
        return Window.square(2);
    }

    @Override
    public void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            f[i] = at(p[i], p[stride + i], g, i, g, stride + i, a, b, c);
        }
    }

    @Override
    public void evaluate(int n, double[] xs, double[] ys, double t, double[] f, double[] gx, double[] gy) {
        for (int i = 0; i < n; i++) {
            f[i] = at(xs[i], ys[i], gx, i, gy, i, a, b, c);
        }
    }

    /**
     * f(x, y), with ∂f/∂x into gx[ix] and ∂f/∂y into gy[iy]: the formula once for both layouts;
     * static, with the constants as arguments, so that C2 turns the coordinate loop into SIMD code.
     */
    private static double at(double x, double y, double[] gx, int ix, double[] gy, int iy, double a, double b,
                             double c) {
        double y2 = y * y;
        double value = 0.5 * a * x * x - 0.5 * b * y2 + 0.25 * c * y2 * y2;
        gx[ix] = a * x;
        gy[iy] = -b * y + c * y2 * y;
        return value;
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        final double a = this.a, b = this.b, c = this.c;
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double y2 = y * y;
            f[i] = 0.5 * a * x * x - 0.5 * b * y2 + 0.25 * c * y2 * y2;
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        final double a = this.a, b = this.b, c = this.c;
        for (int i = 0; i < n; i++) {
            double y = p[stride + i];
            h[i] = a;
            h[stride + i] = 0;
            h[2 * stride + i] = -b + 3 * c * y * y;
        }
    }
}
