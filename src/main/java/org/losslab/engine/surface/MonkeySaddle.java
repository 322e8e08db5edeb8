package org.losslab.engine.surface;

/**
 * The monkey saddle (Hilbert &amp; Cohn-Vossen 1932, "Anschauliche Geometrie"), Re (x + iy)³:
 * <pre>
 *   f(x, y) = x³ − 3xy²
 *   ∂f/∂x = 3x² − 3y²      ∂f/∂y = −6xy
 *   f_xx = 6x   f_xy = −6y   f_yy = −6x
 * </pre>
 * The origin is a degenerate critical point: gradient and Hessian both vanish there, so neither the
 * gradient nor the Hessian's eigenvalues tell a second-order method which way is down. Three valleys
 * (for a monkey's legs and tail) fall away at angles π/3, π, 5π/3; there is no minimum at all.
 */
public final class MonkeySaddle implements Surface {

    @Override
    public String type() {
        return "monkeySaddle";
    }

    @Override
    public Window defaultView() {
        return Window.square(1.5);
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
        double x2 = x * x, y2 = y * y;
        double value = x2 * x - 3 * x * y2;
        gx[ix] = 3 * x2 - 3 * y2;
        gy[iy] = -6 * x * y;
        return value;
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double x2 = x * x, y2 = y * y;
            f[i] = x2 * x - 3 * x * y2;
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            h[i] = 6 * x;
            h[stride + i] = -6 * y;
            h[2 * stride + i] = -6 * x;
        }
    }
}
