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
        final double c = cos, s = sin, k = kappa;
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double u = x * c + y * s;
            double v = -x * s + y * c;
            f[i] = 0.5 * (u * u + k * v * v);
            g[i] = u * c - k * v * s;
            g[stride + i] = u * s + k * v * c;
        }
    }

    @Override
    public void evaluate(int n, double[] xs, double[] ys, double t, double[] f, double[] gx, double[] gy) {
        evaluate(n, xs, ys, f, gx, gy, cos, sin, kappa);
    }

    /**
     * The flat loop's formula over coordinate arrays, which C2 turns into SIMD code (static, the
     * constants as arguments: a loop reading the fields stayed scalar). The same operations in the
     * same order, so the same values (SurfaceLayoutsTest).
     */
    private static void evaluate(int n, double[] xs, double[] ys, double[] f, double[] gx, double[] gy, double c, double s,
                                 double k) {
        for (int i = 0; i < n; i++) {
            double x = xs[i], y = ys[i];
            double u = x * c + y * s;
            double v = -x * s + y * c;
            f[i] = 0.5 * (u * u + k * v * v);
            gx[i] = u * c - k * v * s;
            gy[i] = u * s + k * v * c;
        }
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
