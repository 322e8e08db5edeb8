package org.losslab.engine.surface;

/**
 * Two Gaussian wells, one narrow and one wide, in a weak parabolic confinement:
 * <pre>
 *   E₁ = d₁ exp(−((x − c₁)² + y²)/(2w₁²)),   E₂ = d₂ exp(−((x − c₂)² + y²)/(2w₂²))
 *   f(x, y) = −E₁ − E₂ + κ(x² + y²)
 *   ∂f/∂x = E₁(x − c₁)/w₁² + E₂(x − c₂)/w₂² + 2κx
 *   ∂f/∂y = (E₁/w₁² + E₂/w₂² + 2κ) y
 *   f_xx = (E₁/w₁²)(1 − (x − c₁)²/w₁²) + (E₂/w₂²)(1 − (x − c₂)²/w₂²) + 2κ
 *   f_xy = −(E₁(x − c₁)/w₁⁴ + E₂(x − c₂)/w₂⁴) y
 *   f_yy = (E₁/w₁²)(1 − y²/w₁²) + (E₂/w₂²)(1 − y²/w₂²) + 2κ
 * </pre>
 * with c₁, w₁, d₁ = sharpCenter, sharpWidth, sharpDepth; c₂, w₂, d₂ = flatCenter, flatWidth,
 * flatDepth; κ = confinement.
 *
 * <p>What it teaches: with equal depths the two minima are about equally low, but the sharp one has
 * curvature ≈ d₁/w₁² (11 for the defaults) against the flat one's ≈ d₂/w₂² (1). Gradient descent with
 * lr above 2/11 cannot stay in the sharp well and settles in the flat one, the picture behind "large
 * learning rates and SGD noise prefer flat minima" (Keskar et al. 2017). With Langevin noise at
 * temperature T, the time to escape a well grows like exp(ΔE/T) with ΔE the barrier height
 * (Arrhenius; Kramers 1940), which {@link #barrierHeight(boolean)} gives exactly.
 *
 * <p>The minima and the saddle between them are located once, in the constructor, on the x-axis:
 * the surface is symmetric in y, and on y = 0 we have f_xy = 0 and (for depths and confinement ≥ 0)
 * f_yy = E₁/w₁² + E₂/w₂² + 2κ &gt; 0, so a minimum of f(·, 0) is a minimum of f and a maximum of
 * f(·, 0) is a saddle of f (index 1). The barrier is taken along the axis, the path through that
 * saddle. For depths and confinement ≥ 0 every critical point on the axis lies in
 * [min(c₁, c₂, 0), max(c₁, c₂, 0)], because outside it the three terms of ∂f/∂x share one sign (that of
 * x); the search scans that interval (padded by 8 widths each side) for sign changes of ∂f/∂x on
 * a grid finer than w/32 and refines each by bisection to the last bit.
 */
public final class DoubleWell implements Surface {
    private final double sharpCenter;
    private final double sharpWidth;
    private final double sharpDepth;
    private final double flatCenter;
    private final double flatWidth;
    private final double flatDepth;
    private final double confinement;

    /** 2w² as torch's reference forms it, so values agree to the last bit; and 1/w². */
    private final double twoSharpVar;
    private final double twoFlatVar;
    private final double invSharpVar;
    private final double invFlatVar;

    private final double sharpMinimumX;
    private final double flatMinimumX;
    private final double saddleX;

    public DoubleWell(double sharpCenter, double sharpWidth, double sharpDepth,
                      double flatCenter, double flatWidth, double flatDepth, double confinement) {
        if (!(sharpWidth > 0) || !(flatWidth > 0) || Double.isInfinite(sharpWidth) || Double.isInfinite(flatWidth)) {
            throw new IllegalArgumentException("well widths must be positive and finite: sharpWidth="
                    + sharpWidth + ", flatWidth=" + flatWidth);
        }
        this.sharpCenter = sharpCenter;
        this.sharpWidth = sharpWidth;
        this.sharpDepth = sharpDepth;
        this.flatCenter = flatCenter;
        this.flatWidth = flatWidth;
        this.flatDepth = flatDepth;
        this.confinement = confinement;
        this.twoSharpVar = 2 * sharpWidth * sharpWidth;
        this.twoFlatVar = 2 * flatWidth * flatWidth;
        this.invSharpVar = 1 / (sharpWidth * sharpWidth);
        this.invFlatVar = 1 / (flatWidth * flatWidth);

        double[] landmarks = locateLandmarks();
        this.sharpMinimumX = landmarks[0];
        this.flatMinimumX = landmarks[1];
        this.saddleX = landmarks[2];
    }

    /** The spec's defaults: sharp well at −1.5 (width 0.3), flat well at 1.5 (width 1), depths 1, confinement 0.05. */
    public static DoubleWell defaults() {
        return new DoubleWell(-1.5, 0.3, 1, 1.5, 1, 1, 0.05);
    }

    public double sharpCenter() {
        return sharpCenter;
    }

    public double sharpWidth() {
        return sharpWidth;
    }

    public double sharpDepth() {
        return sharpDepth;
    }

    public double flatCenter() {
        return flatCenter;
    }

    public double flatWidth() {
        return flatWidth;
    }

    public double flatDepth() {
        return flatDepth;
    }

    public double confinement() {
        return confinement;
    }

    @Override
    public String type() {
        return "doubleWell";
    }

    @Override
    public Window defaultView() {
        return new Window(-3.5, 3.5, -2.5, 2.5);
    }

    @Override
    public void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g) {
        final double c1 = sharpCenter, c2 = flatCenter, d1 = sharpDepth, d2 = flatDepth, k = confinement;
        final double s1 = twoSharpVar, s2 = twoFlatVar, i1 = invSharpVar, i2 = invFlatVar;
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double u1 = x - c1, u2 = x - c2, y2 = y * y;
            double e1 = d1 * Math.exp(-(u1 * u1 + y2) / s1);
            double e2 = d2 * Math.exp(-(u2 * u2 + y2) / s2);
            double k1 = e1 * i1, k2 = e2 * i2;
            f[i] = -e1 - e2 + k * (x * x + y2);
            g[i] = k1 * u1 + k2 * u2 + 2 * k * x;
            g[stride + i] = (k1 + k2 + 2 * k) * y;
        }
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        final double c1 = sharpCenter, c2 = flatCenter, d1 = sharpDepth, d2 = flatDepth, k = confinement;
        final double s1 = twoSharpVar, s2 = twoFlatVar;
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double u1 = x - c1, u2 = x - c2, y2 = y * y;
            f[i] = -d1 * Math.exp(-(u1 * u1 + y2) / s1) - d2 * Math.exp(-(u2 * u2 + y2) / s2) + k * (x * x + y2);
        }
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        final double c1 = sharpCenter, c2 = flatCenter, d1 = sharpDepth, d2 = flatDepth, k = confinement;
        final double s1 = twoSharpVar, s2 = twoFlatVar, i1 = invSharpVar, i2 = invFlatVar;
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[stride + i];
            double u1 = x - c1, u2 = x - c2, y2 = y * y;
            double k1 = d1 * Math.exp(-(u1 * u1 + y2) / s1) * i1;
            double k2 = d2 * Math.exp(-(u2 * u2 + y2) / s2) * i2;
            h[i] = k1 * (1 - u1 * u1 * i1) + k2 * (1 - u2 * u2 * i2) + 2 * k;
            h[stride + i] = -(k1 * u1 * i1 + k2 * u2 * i2) * y;
            h[2 * stride + i] = k1 * (1 - y2 * i1) + k2 * (1 - y2 * i2) + 2 * k;
        }
    }

    /** True when the sharp and the flat well are distinct minima with a saddle between them. */
    public boolean hasTwoMinima() {
        return !Double.isNaN(saddleX);
    }

    /** x of the minimum nearest sharpCenter (its y is 0), or NaN when f(·, 0) has no minimum. */
    public double sharpMinimumX() {
        return sharpMinimumX;
    }

    /** x of the minimum nearest flatCenter (its y is 0), or NaN when f(·, 0) has no minimum. */
    public double flatMinimumX() {
        return flatMinimumX;
    }

    /** x of the saddle between the two minima (its y is 0), or NaN when {@link #hasTwoMinima()} is false. */
    public double saddleX() {
        return saddleX;
    }

    public double sharpMinimumValue() {
        return valueAt(sharpMinimumX, 0);
    }

    public double flatMinimumValue() {
        return valueAt(flatMinimumX, 0);
    }

    public double saddleValue() {
        return valueAt(saddleX, 0);
    }

    /**
     * The energy barrier ΔE = f(saddle) − f(minimum) that a run must climb to leave the sharp well
     * ({@code fromSharp}) or the flat one.
     *
     * @throws IllegalStateException when the wells have merged ({@link #hasTwoMinima()} is false)
     */
    public double barrierHeight(boolean fromSharp) {
        if (!hasTwoMinima()) {
            throw new IllegalStateException("the wells have merged into one minimum: there is no barrier");
        }
        return saddleValue() - (fromSharp ? sharpMinimumValue() : flatMinimumValue());
    }

    private double valueAt(double x, double y) {
        double u1 = x - sharpCenter, u2 = x - flatCenter, y2 = y * y;
        return -sharpDepth * Math.exp(-(u1 * u1 + y2) / twoSharpVar)
                - flatDepth * Math.exp(-(u2 * u2 + y2) / twoFlatVar)
                + confinement * (x * x + y2);
    }

    /** ∂f/∂x on the axis y = 0. */
    private double axisSlope(double x) {
        double u1 = x - sharpCenter, u2 = x - flatCenter;
        return sharpDepth * Math.exp(-u1 * u1 / twoSharpVar) * invSharpVar * u1
                + flatDepth * Math.exp(-u2 * u2 / twoFlatVar) * invFlatVar * u2
                + 2 * confinement * x;
    }

    /** {sharpMinimumX, flatMinimumX, saddleX}; see the class comment for the method. */
    private double[] locateLandmarks() {
        double pad = 8 * Math.max(sharpWidth, flatWidth);
        double lo = Math.min(Math.min(sharpCenter, flatCenter), 0) - pad;
        double hi = Math.max(Math.max(sharpCenter, flatCenter), 0) + pad;
        double h = Math.min(sharpWidth, flatWidth) / 32;
        int cells = (int) Math.min(1 << 20, Math.max(256, Math.ceil((hi - lo) / h)));

        double sharpMin = Double.NaN, flatMin = Double.NaN;
        // Critical points in increasing x; at most one per grid cell.
        double[] roots = new double[cells + 1];
        boolean[] isMin = new boolean[cells + 1];
        int count = 0;
        double prevX = lo, prevSlope = axisSlope(lo);
        for (int k = 1; k <= cells; k++) {
            double x = lo + (hi - lo) * k / cells;
            double s = axisSlope(x);
            if (s == 0 || Double.isNaN(s)) {
                continue; // a zero on the grid is bracketed by its nonzero neighbours
            }
            if (prevSlope != 0 && (s > 0) != (prevSlope > 0)) {
                roots[count] = bisect(prevX, x, prevSlope < 0);
                isMin[count] = prevSlope < 0;
                count++;
            }
            prevX = x;
            prevSlope = s;
        }
        for (int r = 0; r < count; r++) {
            if (!isMin[r]) {
                continue;
            }
            if (Double.isNaN(sharpMin) || Math.abs(roots[r] - sharpCenter) < Math.abs(sharpMin - sharpCenter)) {
                sharpMin = roots[r];
            }
            if (Double.isNaN(flatMin) || Math.abs(roots[r] - flatCenter) < Math.abs(flatMin - flatCenter)) {
                flatMin = roots[r];
            }
        }
        double saddle = Double.NaN;
        if (!Double.isNaN(sharpMin) && sharpMin != flatMin) {
            // The barrier along the axis is the highest maximum between the two minima.
            double left = Math.min(sharpMin, flatMin), right = Math.max(sharpMin, flatMin);
            for (int r = 0; r < count; r++) {
                if (!isMin[r] && roots[r] > left && roots[r] < right
                        && (Double.isNaN(saddle) || valueAt(roots[r], 0) > valueAt(saddle, 0))) {
                    saddle = roots[r];
                }
            }
        }
        return new double[] {sharpMin, flatMin, saddle};
    }

    /** The zero of ∂f/∂x(·, 0) in (a, b), where it rises through zero if {@code rising}, to the last bit. */
    private double bisect(double a, double b, boolean rising) {
        for (int it = 0; it < 200; it++) {
            double m = 0.5 * (a + b);
            if (m <= a || m >= b) {
                break;
            }
            double s = axisSlope(m);
            if (s == 0) {
                return m;
            }
            if ((s < 0) == rising) {
                a = m;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }
}
