package org.losslab.engine.surface;

/**
 * Himmelblau's function (Himmelblau 1972, "Applied Nonlinear Programming", McGraw-Hill):
 * <pre>
 *   A = x² + y − 11,   B = x + y² − 7,   f(x, y) = A² + B²
 *   ∂f/∂x = 4xA + 2B          ∂f/∂y = 2A + 4yB
 *   f_xx = 12x² + 4y − 42   f_xy = 4(x + y)   f_yy = 4x + 12y² − 26
 * </pre>
 * Four global minima, all with value 0: (3, 2), (−2.805118, 3.131312), (−3.779310, −3.283186)
 * and (3.584428, −1.848126); one local maximum 181.617 at (−0.270845, −0.923039) and four saddles
 * between them. Which minimum a run ends in depends on where it starts and on the optimizer's
 * momentum: the surface teaches basins of attraction.
 */
public final class Himmelblau implements Surface {

    @Override
    public String type() {
        return "himmelblau";
    }

    @Override
    public Window defaultView() {
        return Window.square(5);
    }

    @Override
    public void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            f[i] = at(p[i], p[stride + i], g, i, g, stride + i);
        }
    }

    @Override
    public void evaluate(int n, double[] xs, double[] ys, double t, double[] f, double[] gx, double[] gy) {
        for (int i = 0; i < n; i++) {
            f[i] = at(xs[i], ys[i], gx, i, gy, i);
        }
    }

    /**
     * f(x, y), with ∂f/∂x into gx[ix] and ∂f/∂y into gy[iy]: the formula once for both layouts;
     * static, with the constants as arguments, so that C2 turns the coordinate loop into SIMD code.
     */
    private static double at(double x, double y, double[] gx, int ix, double[] gy, int iy) {
        double a = x * x + y - 11;
        double b = x + y * y - 7;
        double value = a * a + b * b;
        gx[ix] = 4 * x * a + 2 * b;
        gy[iy] = 2 * a + 4 * y * b;
        return value;
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double a = x * x + y - 11;
            double b = x + y * y - 7;
            f[i] = a * a + b * b;
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            h[i] = 12 * x * x + 4 * y - 42;
            h[stride + i] = 4 * (x + y);
            h[2 * stride + i] = 4 * x + 12 * y * y - 26;
        }
    }
}
