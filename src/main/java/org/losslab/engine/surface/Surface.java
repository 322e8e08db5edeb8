package org.losslab.engine.surface;

/**
 * A loss surface f(x, y; t) over two parameters, with exact first and second derivatives.
 *
 * <p>Every evaluation works on a batch laid out as structure of arrays, so that many runs (a
 * sweep row, a contour grid row, or a single point with {@code n = 1}) go through one tight loop
 * with no per-point virtual call. Point {@code i} of a batch has
 * {@code x = p[i]} and {@code y = p[stride + i]}; results use the same layout.
 *
 * <p>{@code t} is the update number (the spec's variable {@code t}); surfaces that do not depend
 * on time ignore it.
 */
public interface Surface {

    /** The spec's type name, e.g. {@code "rosenbrock"}. */
    String type();

    /** The plot window used when a scenario gives none. */
    Window defaultView();

    /** True when f depends on the update number t (typed expressions using {@code t}). */
    default boolean dependsOnTime() {
        return false;
    }

    /**
     * Values and gradients of points {@code 0 <= i < n}.
     *
     * @param p      points: {@code x = p[i]}, {@code y = p[stride + i]}. Not modified.
     * @param f      f at each point, {@code f[i]}. Modified.
     * @param g      gradient: {@code ∂f/∂x} in {@code g[i]}, {@code ∂f/∂y} in {@code g[stride + i]}. Modified.
     */
    void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g);

    /**
     * Values and gradients of points (x[i], y[i]), {@code 0 <= i < n}, over separate coordinate
     * arrays: the layout a stepper keeps, in which every array is read and written at one index, so
     * the JIT turns the loop into SIMD code. Surfaces override it with their own loop; the default
     * goes through {@link #evaluate(int, int, double[], double, double[], double[])}.
     *
     * @param x  the x of each point. Not modified.
     * @param y  the y of each point. Not modified.
     * @param f  f at each point. Modified.
     * @param gx ∂f/∂x at each point. Modified.
     * @param gy ∂f/∂y at each point. Modified.
     */
    default void evaluate(int n, double[] x, double[] y, double t, double[] f, double[] gx, double[] gy) {
        Coordinates.evaluateFlat(this, n, x, y, t, f, gx, gy);
    }

    /**
     * Hessians of points {@code 0 <= i < n}: {@code f_xx} in {@code h[i]}, {@code f_xy} in
     * {@code h[stride + i]}, {@code f_yy} in {@code h[2 * stride + i]}.
     *
     * @param p points, as in {@link #evaluate}. Not modified.
     * @param h Hessian entries. Modified.
     */
    void hessian(int n, int stride, double[] p, double t, double[] h);

    /** Values only; surfaces override when the value is much cheaper than the gradient. */
    default void value(int n, int stride, double[] p, double t, double[] f) {
        evaluate(n, stride, p, t, f, new double[2 * stride]);
    }

    /** Convenience for one point (allocates; not for hot loops). */
    default double value(double x, double y, double t) {
        double[] f = new double[1];
        value(1, 1, new double[] {x, y}, t, f);
        return f[0];
    }

    /** Convenience for one point: writes ∇f into {@code g[0..1]} and returns f (allocates). */
    default double valueAndGradient(double x, double y, double t, double[] g) {
        double[] f = new double[1];
        evaluate(1, 1, new double[] {x, y}, t, f, g);
        return f[0];
    }

    /** Convenience for one point: writes {@code [f_xx, f_xy, f_yy]} into {@code h} (allocates). */
    default void hessian(double x, double y, double t, double[] h) {
        hessian(1, 1, new double[] {x, y}, t, h);
    }
}
