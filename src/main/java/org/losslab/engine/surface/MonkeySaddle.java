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
            double x = p[i], y = p[stride + i];
            double x2 = x * x, y2 = y * y;
            f[i] = x2 * x - 3 * x * y2;
            g[i] = 3 * x2 - 3 * y2;
            g[stride + i] = -6 * x * y;
        }
    }

    @Override
    public void evaluate(int n, double[] xs, double[] ys, double t, double[] f, double[] gx, double[] gy) {
        evaluate(n, xs, ys, f, gx, gy);
    }

    /**
     * The flat loop's formula over coordinate arrays, which C2 turns into SIMD code: the same
     * operations in the same order, so the same values (SurfaceLayoutsTest).
     */
    private static void evaluate(int n, double[] xs, double[] ys, double[] f, double[] gx, double[] gy) {
        for (int i = 0; i < n; i++) {
            double x = xs[i], y = ys[i];
            double x2 = x * x, y2 = y * y;
            f[i] = x2 * x - 3 * x * y2;
            gx[i] = 3 * x2 - 3 * y2;
            gy[i] = -6 * x * y;
        }
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
