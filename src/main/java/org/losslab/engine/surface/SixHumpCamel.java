package org.losslab.engine.surface;

/**
 * The six-hump camel-back function (Dixon &amp; Szegő 1978, "The global optimisation problem: an
 * introduction", in Towards Global Optimisation 2, North-Holland):
 * <pre>
 *   f(x, y) = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²
 *   ∂f/∂x = 8x − 8.4x³ + 2x⁵ + y        ∂f/∂y = x − 8y + 16y³
 *   f_xx = 8 − 25.2x² + 10x⁴   f_xy = 1   f_yy = −8 + 48y²
 * </pre>
 * Six local minima; the two global ones are −1.0316285 at ±(0.0898420, −0.7126564). The origin is a
 * saddle (Hessian eigenvalues ≈ ±8.06) exactly between them: a run started on the line through it
 * chooses a minimum only by the sign of a rounding error or of its noise.
 */
public final class SixHumpCamel implements Surface {

    @Override
    public String type() {
        return "sixHumpCamel";
    }

    @Override
    public Window defaultView() {
        return new Window(-2, 2, -1, 1);
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
        double value = (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
        gx[ix] = x * (8 - 8.4 * x2 + 2 * x2 * x2) + y;
        gy[iy] = x + y * (-8 + 16 * y2);
        return value;
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double x2 = x * x, y2 = y * y;
            f[i] = (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double x2 = x * x;
            h[i] = 8 - 25.2 * x2 + 10 * x2 * x2;
            h[stride + i] = 1;
            h[2 * stride + i] = -8 + 48 * y * y;
        }
    }
}
