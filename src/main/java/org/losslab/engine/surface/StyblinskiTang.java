package org.losslab.engine.surface;

/**
 * The Styblinski–Tang function in two dimensions (Styblinski &amp; Tang 1990, "Experiments in
 * nonconvex optimization: stochastic approximation with function smoothing and simulated
 * annealing", Neural Networks 3(4)):
 * <pre>
 *   f(x, y) = ½(x⁴ − 16x² + 5x + y⁴ − 16y² + 5y)
 *   ∂f/∂x = 2x³ − 16x + 2.5                      (y likewise)
 *   f_xx = 6x² − 16   f_xy = 0   f_yy = 6y² − 16
 * </pre>
 * Separable: each coordinate sees the same tilted double well, with a global minimum −39.16617 at
 * −2.903534 and a local one −25.03 at 2.746803, separated by a maximum at 0.156731. So the plane has
 * four minima (global −78.33234 at (−2.903534, −2.903534)), four saddles and one maximum; the
 * global basin is only a little deeper than the others, so which one a run reaches is decided by
 * its start and its momentum.
 */
public final class StyblinskiTang implements Surface {

    @Override
    public String type() {
        return "styblinskiTang";
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
        double x2 = x * x, y2 = y * y;
        double value = 0.5 * (x2 * x2 - 16 * x2 + 5 * x + y2 * y2 - 16 * y2 + 5 * y);
        gx[ix] = 2 * x2 * x - 16 * x + 2.5;
        gy[iy] = 2 * y2 * y - 16 * y + 2.5;
        return value;
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double x2 = x * x, y2 = y * y;
            f[i] = 0.5 * (x2 * x2 - 16 * x2 + 5 * x + y2 * y2 - 16 * y2 + 5 * y);
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            h[i] = 6 * x * x - 16;
            h[stride + i] = 0;
            h[2 * stride + i] = 6 * y * y - 16;
        }
    }
}
