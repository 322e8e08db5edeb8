package org.losslab.engine.surface;

/**
 * Beale's function (Beale 1958, "On an iterative method for finding a local minimum of a function
 * of more than one variable"), a sum of three squared residuals:
 * <pre>
 *   r₁ = 1.5 − x + xy,   r₂ = 2.25 − x + xy²,   r₃ = 2.625 − x + xy³
 *   f(x, y) = r₁² + r₂² + r₃²
 *   ∂f/∂x = 2[r₁(y − 1) + r₂(y² − 1) + r₃(y³ − 1)]
 *   ∂f/∂y = 2[r₁x + 2xy·r₂ + 3xy²·r₃]
 *   f_xx = 2[(y − 1)² + (y² − 1)² + (y³ − 1)²]
 *   f_xy = 2[x(y − 1) + r₁ + 2xy(y² − 1) + 2y·r₂ + 3xy²(y³ − 1) + 3y²·r₃]
 *   f_yy = 2[x² + 4x²y² + 2x·r₂ + 9x²y⁴ + 6xy·r₃]
 * </pre>
 * The global minimum is 0 at (3, 0.5), in a narrow curved valley; the corners of the view rise to
 * about 10⁵ because of the xy³ term, so gradients span five orders of magnitude and a learning rate
 * that is safe at the corners stalls on the valley floor. (0, 1) is a saddle with value 14.203125.
 */
public final class Beale implements Surface {

    @Override
    public String type() {
        return "beale";
    }

    @Override
    public Window defaultView() {
        return Window.square(4.5);
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
        double y2 = y * y, y3 = y2 * y;
        double r1 = 1.5 - x + x * y;
        double r2 = 2.25 - x + x * y2;
        double r3 = 2.625 - x + x * y3;
        double value = r1 * r1 + r2 * r2 + r3 * r3;
        gx[ix] = 2 * (r1 * (y - 1) + r2 * (y2 - 1) + r3 * (y3 - 1));
        gy[iy] = 2 * x * (r1 + 2 * y * r2 + 3 * y2 * r3);
        return value;
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double y2 = y * y, y3 = y2 * y;
            double r1 = 1.5 - x + x * y;
            double r2 = 2.25 - x + x * y2;
            double r3 = 2.625 - x + x * y3;
            f[i] = r1 * r1 + r2 * r2 + r3 * r3;
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double y2 = y * y, y3 = y2 * y;
            double r2 = 2.25 - x + x * y2;
            double r3 = 2.625 - x + x * y3;
            double r1 = 1.5 - x + x * y;
            double d1 = y - 1, d2 = y2 - 1, d3 = y3 - 1;
            h[i] = 2 * (d1 * d1 + d2 * d2 + d3 * d3);
            h[stride + i] = 2 * (x * d1 + r1 + 2 * x * y * d2 + 2 * y * r2 + 3 * x * y2 * d3 + 3 * y2 * r3);
            h[2 * stride + i] = 2 * (x * x * (1 + 4 * y2 + 9 * y2 * y2) + 2 * x * r2 + 6 * x * y * r3);
        }
    }
}
