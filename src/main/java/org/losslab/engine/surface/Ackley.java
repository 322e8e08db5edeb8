package org.losslab.engine.surface;

/**
 * Ackley's function in two dimensions (Ackley 1987, "A Connectionist Machine for Genetic
 * Hillclimbing", Kluwer), a cone with ripples:
 * <pre>
 *   r = √(½(x² + y²)),   E₁ = exp(−0.2 r),   E₂ = exp(½(cos 2πx + cos 2πy))
 *   f(x, y) = −20 E₁ − E₂ + e + 20
 *   ∂f/∂x = 2E₁ x / r + πE₂ sin 2πx                                  (y likewise)
 *   f_xx = 2E₁/r − m x² + π²E₂ (2 cos 2πx − sin² 2πx),   m = E₁(1/r³ + 0.2/r²)
 *   f_xy = −m xy − π²E₂ sin 2πx sin 2πy
 *   f_yy = 2E₁/r − m y² + π²E₂ (2 cos 2πy − sin² 2πy)
 * </pre>
 * The global minimum is 0 at the origin, at the tip of the cone −20 exp(−0.2 r), where f is not
 * differentiable. Following the spec, the gradient there is 0 (the smallest element of the
 * subdifferential of the cone). The cone's Hessian has no limit at its tip: its curvature across
 * rays, 2E₁/r, diverges, while its curvature along every ray tends to −0.4 (the second derivative of
 * −20 exp(−0.2 s/√2) in s). At the origin we define the Hessian as the matrix whose quadratic form
 * gives that one-sided second derivative along every line through the origin:
 * (2π²e − 0.4)·I, the ripples' 2π²e·I plus the ray curvature −0.4·I. It is finite and positive
 * definite, so Newton's method sits still at the minimum.
 *
 * <p>What it teaches: far out the surface is a nearly flat plateau (f ≈ 20 + e − E₂) dimpled with
 * local minima near the integer points; near the centre the cone's slope 2√2·E₁ does not shrink as
 * the minimum is approached, so a constant learning rate keeps gradient descent rattling around the
 * origin at a distance of order lr, and only a decaying schedule lets it settle.
 */
public final class Ackley implements Surface {
    private static final double TWO_PI = 2 * Math.PI;
    private static final double PI2 = Math.PI * Math.PI;
    /** f_xx = f_yy at the origin, by the convention above. */
    private static final double ORIGIN_CURVATURE = 2 * PI2 * Math.E - 0.4;

    @Override
    public String type() {
        return "ackley";
    }

    @Override
    public Window defaultView() {
        return Window.square(5);
    }

    @Override
    public void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double r = Math.sqrt(0.5 * (x * x + y * y));
            double e1 = Math.exp(-0.2 * r);
            double sx = Math.sin(TWO_PI * x), sy = Math.sin(TWO_PI * y);
            double e2 = Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y)));
            // 20(1 − E₁) + (e − E₂) is the spec's sum regrouped so that f(0, 0) is exactly 0.
            f[i] = 20 * (1 - e1) + (Math.E - e2);
            double k = r > 0 ? 2 * e1 / r : 0;
            g[i] = k * x + Math.PI * e2 * sx;
            g[stride + i] = k * y + Math.PI * e2 * sy;
        }
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double r = Math.sqrt(0.5 * (x * x + y * y));
            double e2 = Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y)));
            f[i] = 20 * (1 - Math.exp(-0.2 * r)) + (Math.E - e2);
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double cx = Math.cos(TWO_PI * x), cy = Math.cos(TWO_PI * y);
            double sx = Math.sin(TWO_PI * x), sy = Math.sin(TWO_PI * y);
            double q = PI2 * Math.exp(0.5 * (cx + cy));
            double r = Math.sqrt(0.5 * (x * x + y * y));
            if (r > 0) {
                double e1 = Math.exp(-0.2 * r);
                double k = 2 * e1 / r;
                double m = e1 * (1 / (r * r * r) + 0.2 / (r * r));
                h[i] = k - m * x * x + q * (2 * cx - sx * sx);
                h[stride + i] = -m * x * y - q * sx * sy;
                h[2 * stride + i] = k - m * y * y + q * (2 * cy - sy * sy);
            } else {
                h[i] = ORIGIN_CURVATURE;
                h[stride + i] = 0;
                h[2 * stride + i] = ORIGIN_CURVATURE;
            }
        }
    }
}
