package org.losslab.engine.surface;

/**
 * Booth's function, a quadratic least-squares problem in disguise (standard test problem, see
 * Jamil &amp; Yang 2013, "A literature survey of benchmark functions for global optimisation"):
 * <pre>
 *   A = x + 2y − 7,   B = 2x + y − 5,   f(x, y) = A² + B²
 *   ∂f/∂x = 2A + 4B      ∂f/∂y = 4A + 2B
 *   f_xx = 10   f_xy = 8   f_yy = 10
 * </pre>
 * The minimum is 0 at (1, 3). The Hessian is constant with eigenvalues 18 (along (1, 1)) and 2
 * (along (1, −1)), so κ = 9 with axes at 45°: gradient descent must keep lr &lt; 2/18 and then zigzags
 * slowly down the (1, −1) valley; Newton's method lands on the minimum in one step.
 */
public final class Booth implements Surface {

    @Override
    public String type() {
        return "booth";
    }

    @Override
    public Window defaultView() {
        return Window.square(10);
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
        double a = x + 2 * y - 7;
        double b = 2 * x + y - 5;
        double value = a * a + b * b;
        gx[ix] = 2 * a + 4 * b;
        gy[iy] = 4 * a + 2 * b;
        return value;
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double a = x + 2 * y - 7;
            double b = 2 * x + y - 5;
            f[i] = a * a + b * b;
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        for (int i = 0; i < n; i++) {
            h[i] = 10;
            h[stride + i] = 8;
            h[2 * stride + i] = 10;
        }
    }
}
