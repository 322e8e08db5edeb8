package org.losslab.engine.surface;

/**
 * Rastrigin's function in two dimensions (Rastrigin 1974, "Systems of Extremal Control"; in this
 * form Mühlenbein et al. 1991):
 * <pre>
 *   f(x, y) = 2A + x² − A cos 2πx + y² − A cos 2πy
 *   ∂f/∂x = 2x + 2πA sin 2πx                 (∂f/∂y likewise in y)
 *   f_xx = 2 + 4π²A cos 2πx   f_xy = 0   f_yy = 2 + 4π²A cos 2πy
 * </pre>
 * The global minimum is 0 at the origin; a local minimum sits near every integer point of the grid,
 * inside a parabolic bowl. Gradient descent stops in the nearest one; only noise (Langevin
 * temperature) or a large learning rate lets a run hop from well to well towards the origin.
 */
public final class Rastrigin implements Surface {
    private static final double TWO_PI = 2 * Math.PI;

    private final double a;
    /** 2πA and 4π²A, the amplitudes of the derivative terms. */
    private final double twoPiA;
    private final double fourPi2A;

    /** @param a the spec's {@code A}, the depth of the ripples */
    public Rastrigin(double a) {
        this.a = a;
        this.twoPiA = TWO_PI * a;
        this.fourPi2A = TWO_PI * TWO_PI * a;
    }

    /** The spec's {@code A}. */
    public double a() {
        return a;
    }

    /** The spec's defaults: A = 10. */
    public static Rastrigin defaults() {
        return new Rastrigin(10);
    }

    @Override
    public String type() {
        return "rastrigin";
    }

    @Override
    public Window defaultView() {
        return Window.square(5.12);
    }

    @Override
    public void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g) {
        final double a = this.a, twoPiA = this.twoPiA;
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double wx = TWO_PI * x, wy = TWO_PI * y;
            f[i] = 2 * a + x * x - a * Math.cos(wx) + y * y - a * Math.cos(wy);
            g[i] = 2 * x + twoPiA * Math.sin(wx);
            g[stride + i] = 2 * y + twoPiA * Math.sin(wy);
        }
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        final double a = this.a;
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            f[i] = 2 * a + x * x - a * Math.cos(TWO_PI * x) + y * y - a * Math.cos(TWO_PI * y);
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        final double fourPi2A = this.fourPi2A;
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            h[i] = 2 + fourPi2A * Math.cos(TWO_PI * x);
            h[stride + i] = 0;
            h[2 * stride + i] = 2 + fourPi2A * Math.cos(TWO_PI * y);
        }
    }
}
