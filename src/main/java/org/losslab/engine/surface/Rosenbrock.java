package org.losslab.engine.surface;

/**
 * Rosenbrock's banana valley (Rosenbrock, 1960):
 * <pre>
 *   f(x, y) = (a − x)² + b(y − x²)²
 *   ∂f/∂x = −2(a − x) − 4bx(y − x²)        ∂f/∂y = 2b(y − x²)
 *   f_xx = 2 − 4b(y − x²) + 8bx²   f_xy = −4bx   f_yy = 2b
 * </pre>
 * The minimum is at (a, a²); the valley floor y = x² is curved, so the Hessian is ill-conditioned
 * and its eigen-directions turn along the path (κ ≈ 2500 at the minimum for b = 100).
 */
public final class Rosenbrock implements Surface {
    private final double a;
    private final double b;

    public Rosenbrock(double a, double b) {
        this.a = a;
        this.b = b;
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    @Override
    public String type() {
        return "rosenbrock";
    }

    @Override
    public Window defaultView() {
        return new Window(-2, 2, -1, 3);
    }

    @Override
    public void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g) {
        if (n >= Coordinates.VECTOR_FROM) {
            Coordinates.evaluateByCoordinates(this, n, stride, p, t, f, g);
            return;
        }
        for (int i = 0; i < n; i++) {
            f[i] = at(p[i], p[stride + i], g, i, g, stride + i);
        }
    }

    @Override
    public void evaluate(int n, double[] xs, double[] ys, double t, double[] f, double[] gx, double[] gy) {
        evaluate(n, xs, ys, f, gx, gy, a, b);
    }

    /**
     * The formula over coordinate arrays in three loops: C2 (JDK 17) leaves the one loop of all three
     * outputs as scalar code but turns each of these into SIMD code. ∂f/∂x is built as t = 4bx·v,
     * then −2u − t: the same operations in the same order as {@link #at}, so the same values.
     */
    private static void evaluate(int n, double[] xs, double[] ys, double[] f, double[] gx, double[] gy, double a,
                                 double b) {
        for (int i = 0; i < n; i++) {
            double x = xs[i], y = ys[i];
            double u = a - x;
            double v = y - x * x;
            gy[i] = 2 * b * v;
            f[i] = u * u + b * v * v;
        }
        for (int i = 0; i < n; i++) {
            double x = xs[i];
            double v = ys[i] - x * x;
            gx[i] = 4 * b * x * v;
        }
        for (int i = 0; i < n; i++) {
            gx[i] = -2 * (a - xs[i]) - gx[i];
        }
    }

    /** f(x, y), with ∂f/∂x into gx[ix] and ∂f/∂y into gy[iy]: the formula, once for both layouts. */
    private double at(double x, double y, double[] gx, int ix, double[] gy, int iy) {
        double u = a - x;
        double v = y - x * x;
        gx[ix] = -2 * u - 4 * b * x * v;
        gy[iy] = 2 * b * v;
        return u * u + b * v * v;
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double u = a - x;
            double v = y - x * x;
            f[i] = u * u + b * v * v;
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            h[i] = 2 - 4 * b * (y - x * x) + 8 * b * x * x;
            h[stride + i] = -4 * b * x;
            h[2 * stride + i] = 2 * b;
        }
    }
}
