package org.losslab.engine.surface;

/**
 * A rotated quadratic bowl, the model of every smooth minimum (Nocedal &amp; Wright 2006, §3.3):
 * <pre>
 *   u = x cos θ + y sin θ,   v = −x sin θ + y cos θ
 *   f(x, y) = ½(u² + κv²)
 *   ∂f/∂x = u cos θ − κv sin θ          ∂f/∂y = u sin θ + κv cos θ
 *   f_xx = cos²θ + κ sin²θ   f_xy = (1 − κ) sin θ cos θ   f_yy = sin²θ + κ cos²θ
 * </pre>
 * The minimum is 0 at the origin; the Hessian has eigenvalues 1 (along u) and κ (along v), so κ
 * is its condition number. Gradient descent is stable only for lr &lt; 2/κ, and then crawls along u
 * at rate 1 − lr: the plainest picture of why ill-conditioning makes first-order methods slow and
 * why momentum and Adam's per-coordinate scaling help (the latter only when θ = 0, i.e. when the
 * axes of the bowl are the coordinate axes).
 */
public final class Quadratic implements Surface {
    private final double kappa;
    private final double angle;
    private final double cos;
    private final double sin;
    /** The Hessian is constant: computed once. */
    private final double hxx;
    private final double hxy;
    private final double hyy;

    /**
     * @param kappa curvature along v (the curvature along u is 1); κ &lt; 0 makes a saddle
     * @param angle rotation θ of the bowl's axes, in degrees
     */
    public Quadratic(double kappa, double angle) {
        this.kappa = kappa;
        this.angle = angle;
        double theta = Math.toRadians(angle);
        this.cos = Math.cos(theta);
        this.sin = Math.sin(theta);
        this.hxx = cos * cos + kappa * sin * sin;
        this.hxy = (1 - kappa) * sin * cos;
        this.hyy = sin * sin + kappa * cos * cos;
    }

    public double kappa() {
        return kappa;
    }

    /** The rotation in degrees, as given. */
    public double angle() {
        return angle;
    }

    /** The spec's defaults: κ = 10, angle 0. */
    public static Quadratic defaults() {
        return new Quadratic(10, 0);
    }

    @Override
    public String type() {
        return "quadratic";
    }

    @Override
    public Window defaultView() {
        return Window.square(3);
    }

    @Override
    public void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            f[i] = at(p[i], p[stride + i], g, i, g, stride + i, cos, sin, kappa);
        }
    }

    @Override
    public void evaluate(int n, double[] xs, double[] ys, double t, double[] f, double[] gx, double[] gy) {
        for (int i = 0; i < n; i++) {
            f[i] = at(xs[i], ys[i], gx, i, gy, i, cos, sin, kappa);
        }
    }

    /**
     * f(x, y), with ∂f/∂x into gx[ix] and ∂f/∂y into gy[iy]: the formula once for both layouts;
     * static, with the constants as arguments, so that C2 turns the coordinate loop into SIMD code.
     */
    private static double at(double x, double y, double[] gx, int ix, double[] gy, int iy, double c, double s,
                             double k) {
        double u = x * c + y * s;
        double v = -x * s + y * c;
        double value = 0.5 * (u * u + k * v * v);
        gx[ix] = u * c - k * v * s;
        gy[iy] = u * s + k * v * c;
        return value;
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        final double c = cos, s = sin, k = kappa;
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double u = x * c + y * s;
            double v = -x * s + y * c;
            f[i] = 0.5 * (u * u + k * v * v);
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        for (int i = 0; i < n; i++) {
            h[i] = hxx;
            h[stride + i] = hxy;
            h[2 * stride + i] = hyy;
        }
    }
}
