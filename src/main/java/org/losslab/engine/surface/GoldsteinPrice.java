package org.losslab.engine.surface;

/**
 * The Goldstein–Price function (Goldstein &amp; Price 1971, "On descent from local minima",
 * Mathematics of Computation 25(115)), a product of two positive factors:
 * <pre>
 *   A = x + y + 1,    P = 19 − 14x + 3x² − 14y + 6xy + 3y²,    U = 1 + A²P
 *   B = 2x − 3y,      Q = 18 − 32x + 12x² + 48y − 36xy + 27y², V = 30 + B²Q
 *   f(x, y) = U·V
 *   ∂f/∂x = U_x V + U V_x                  ∂f/∂y = U_y V + U V_y
 *   f_xx = U_xx V + 2U_x V_x + U V_xx
 *   f_xy = U_xy V + U_x V_y + U_y V_x + U V_xy
 *   f_yy = U_yy V + 2U_y V_y + U V_yy
 * with
 *   P_x = P_y = −14 + 6x + 6y,   Q_x = −32 + 24x − 36y,   Q_y = 48 − 36x + 54y
 *   U_x = 2AP + A²P_x,   U_y = 2AP + A²P_y,   U_xx = U_xy = U_yy = 2P + 4A·P_x + 6A²
 *   V_x = 4BQ + B²Q_x,   V_y = −6BQ + B²Q_y
 *   V_xx = 8Q + 8B·Q_x + 24B²,   V_xy = −12Q + 4B·Q_y − 6B·Q_x − 36B²,   V_yy = 18Q − 12B·Q_y + 54B²
 * </pre>
 * U is a function of x + y alone (P = 19 − 14s + 3s², s = x + y) and V of 2x − 3y alone
 * (Q = 18 − 16B + 3B²), which is why U's second partials coincide.
 *
 * <p>The global minimum is 3 at (0, −1); there are local minima 30 at (−0.6, −0.4), 84 at (1.8, 0.2)
 * and 840 at (1.2, 0.8). Over the default view f ranges from 3 to about 10⁶, so its contours only
 * make sense on a log scale, and gradients near the edge are so steep that a learning rate small
 * enough to survive them barely moves a run near the minimum.
 */
public final class GoldsteinPrice implements Surface {

    @Override
    public String type() {
        return "goldsteinPrice";
    }

    @Override
    public Window defaultView() {
        return Window.square(2);
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
        double a = x + y + 1, b = 2 * x - 3 * y;
        double pp = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
        double q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
        double pd = -14 + 6 * x + 6 * y;
        double qx = -32 + 24 * x - 36 * y, qy = 48 - 36 * x + 54 * y;
        double a2 = a * a, b2 = b * b;
        double u = 1 + a2 * pp, v = 30 + b2 * q;
        double ud = 2 * a * pp + a2 * pd;
        double vx = 4 * b * q + b2 * qx, vy = -6 * b * q + b2 * qy;
        double value = u * v;
        gx[ix] = ud * v + u * vx;
        gy[iy] = ud * v + u * vy;
        return value;
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double a = x + y + 1, b = 2 * x - 3 * y;
            double pp = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
            double q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
            f[i] = (1 + a * a * pp) * (30 + b * b * q);
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double a = x + y + 1, b = 2 * x - 3 * y;
            double pp = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
            double q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
            double pd = -14 + 6 * x + 6 * y;
            double qx = -32 + 24 * x - 36 * y, qy = 48 - 36 * x + 54 * y;
            double a2 = a * a, b2 = b * b;
            double u = 1 + a2 * pp, v = 30 + b2 * q;
            double ud = 2 * a * pp + a2 * pd;
            double udd = 2 * pp + 4 * a * pd + 6 * a2;
            double vx = 4 * b * q + b2 * qx, vy = -6 * b * q + b2 * qy;
            double vxx = 8 * q + 8 * b * qx + 24 * b2;
            double vxy = -12 * q + 4 * b * qy - 6 * b * qx - 36 * b2;
            double vyy = 18 * q - 12 * b * qy + 54 * b2;
            h[i] = udd * v + 2 * ud * vx + u * vxx;
            h[stride + i] = udd * v + ud * vy + ud * vx + u * vxy;
            h[2 * stride + i] = udd * v + 2 * ud * vy + u * vyy;
        }
    }
}
