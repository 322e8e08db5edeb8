package org.losslab.engine.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every closed-form surface's gradient against 4th-order central differences of its value, and its
 * Hessian against the same differences of its gradient, at random points of its default view;
 * batch layout against single points; and the known minima of the classic test functions.
 */
class SurfaceDerivativesTest {

    private static final double EPS = Math.ulp(1.0);
    private static final int POINTS = 250;

    static Stream<Arguments> surfaces() {
        return Stream.of(
                new Rosenbrock(1, 100),
                Quadratic.defaults(),
                new Quadratic(25, 30),
                DoubleWell.defaults(),
                new DoubleWell(-1, 0.5, 2, 0.5, 0.8, 0.7, 0.1),
                Saddle.defaults(),
                new Saddle(0.5, 2, 1.5),
                new MonkeySaddle(),
                new Beale(),
                new Himmelblau(),
                Rastrigin.defaults(),
                new Ackley(),
                new Booth(),
                new SixHumpCamel(),
                new StyblinskiTang(),
                new GoldsteinPrice(),
                Regression.defaults())
                .map(s -> Arguments.of(s.type() + describe(s), s));
    }

    private static String describe(Surface s) {
        if (s instanceof Quadratic q) {
            return "(kappa=" + q.kappa() + ", angle=" + q.angle() + ")";
        }
        if (s instanceof Saddle q) {
            return "(" + q.a() + ", " + q.b() + ", " + q.c() + ")";
        }
        if (s instanceof DoubleWell d) {
            return "(sharp " + d.sharpCenter() + "/" + d.sharpWidth() + ")";
        }
        return "";
    }

    /** (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h, error O(h⁴ f⁽⁵⁾) + O(ε max|f| / h). */
    private static double d4(double fm2, double fm1, double fp1, double fp2, double h) {
        return (fm2 - 8 * fm1 + 8 * fp1 - fp2) / (12 * h);
    }

    private static double[] randomPoint(SplittableRandom rng, Window w) {
        return new double[] {w.xMin() + w.width() * rng.nextDouble(), w.yMin() + w.height() * rng.nextDouble()};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surfaces")
    void gradientMatchesDifferencesOfTheValue(String name, Surface s) {
        Window w = s.defaultView();
        double h = 1e-4 * Math.max(w.width(), w.height());
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        double[] g = new double[2];
        double worst = 0;
        for (int k = 0; k < POINTS; k++) {
            double[] p = randomPoint(rng, w);
            double x = p[0], y = p[1];
            s.valueAndGradient(x, y, 0, g);
            double[] fx = {s.value(x - 2 * h, y, 0), s.value(x - h, y, 0), s.value(x + h, y, 0), s.value(x + 2 * h, y, 0)};
            double[] fy = {s.value(x, y - 2 * h, 0), s.value(x, y - h, 0), s.value(x, y + h, 0), s.value(x, y + 2 * h, 0)};
            double dx = d4(fx[0], fx[1], fx[2], fx[3], h);
            double dy = d4(fy[0], fy[1], fy[2], fy[3], h);
            // Relative to the gradient's size, plus the stencil's rounding error (Σ|c|/12 = 1.5, with margin).
            double maxF = Math.max(maxAbs(fx), maxAbs(fy));
            double tol = 1e-7 * Math.max(1, Math.hypot(g[0], g[1])) + 64 * EPS * maxF / h;
            String at = name + " at (" + x + ", " + y + ")";
            assertEquals(dx, g[0], tol, "∂f/∂x " + at);
            assertEquals(dy, g[1], tol, "∂f/∂y " + at);
            worst = Math.max(worst, Math.max(Math.abs(dx - g[0]), Math.abs(dy - g[1])) / tol);
        }
        assertTrue(worst < 1, name + " worst error / tolerance " + worst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surfaces")
    void hessianMatchesDifferencesOfTheGradient(String name, Surface s) {
        Window w = s.defaultView();
        double h = 1e-4 * Math.max(w.width(), w.height());
        SplittableRandom rng = new SplittableRandom(~name.hashCode());
        double[] hess = new double[3];
        double[][] gx = new double[4][2];
        double[][] gy = new double[4][2];
        double[] offsets = {-2, -1, 1, 2};
        for (int k = 0; k < POINTS; k++) {
            double[] p = randomPoint(rng, w);
            double x = p[0], y = p[1];
            s.hessian(x, y, 0, hess);
            double maxG = 0;
            for (int j = 0; j < 4; j++) {
                s.valueAndGradient(x + offsets[j] * h, y, 0, gx[j]);
                s.valueAndGradient(x, y + offsets[j] * h, 0, gy[j]);
                maxG = Math.max(maxG, Math.max(maxAbs(gx[j]), maxAbs(gy[j])));
            }
            double fxx = d4(gx[0][0], gx[1][0], gx[2][0], gx[3][0], h);
            double fyx = d4(gx[0][1], gx[1][1], gx[2][1], gx[3][1], h);
            double fxy = d4(gy[0][0], gy[1][0], gy[2][0], gy[3][0], h);
            double fyy = d4(gy[0][1], gy[1][1], gy[2][1], gy[3][1], h);
            double tol = 1e-7 * Math.max(1, maxAbs(hess)) + 64 * EPS * maxG / h;
            String at = name + " at (" + x + ", " + y + ")";
            assertEquals(fxx, hess[0], tol, "f_xx " + at);
            assertEquals(fyx, hess[1], tol, "f_xy (from ∂/∂x of ∂f/∂y) " + at);
            assertEquals(fxy, hess[1], tol, "f_xy (from ∂/∂y of ∂f/∂x) " + at);
            assertEquals(fyy, hess[2], tol, "f_yy " + at);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surfaces")
    void batchWithPaddedStrideEqualsSinglePoints(String name, Surface s) {
        int n = 7, stride = 11;
        Window w = s.defaultView();
        SplittableRandom rng = new SplittableRandom(name.length());
        double[] p = new double[2 * stride];
        Arrays.fill(p, Double.NaN); // padding must never be read into a result
        for (int i = 0; i < n; i++) {
            double[] q = randomPoint(rng, w);
            p[i] = q[0];
            p[stride + i] = q[1];
        }
        p[n - 1] = w.xMin(); // a corner, too
        p[stride + n - 1] = w.yMax();
        double sentinel = -12345.678;
        double[] f = filled(stride, sentinel), v = filled(stride, sentinel);
        double[] g = filled(2 * stride, sentinel), hess = filled(3 * stride, sentinel);
        double[] pCopy = p.clone();
        s.evaluate(n, stride, p, 0, f, g);
        s.value(n, stride, p, 0, v);
        s.hessian(n, stride, p, 0, hess);
        assertTrue(Arrays.equals(pCopy, p), "points not modified");

        double[] f1 = new double[1], v1 = new double[1], g1 = new double[2], h1 = new double[3];
        for (int i = 0; i < n; i++) {
            double[] q = {p[i], p[stride + i]};
            s.evaluate(1, 1, q, 0, f1, g1);
            s.value(1, 1, q, 0, v1);
            s.hessian(1, 1, q, 0, h1);
            assertEquals(f1[0], f[i], 0, "f[" + i + "]");
            assertEquals(f1[0], v[i], 0, "value() agrees with evaluate() at " + i);
            assertEquals(v1[0], v[i], 0);
            assertEquals(g1[0], g[i], 0);
            assertEquals(g1[1], g[stride + i], 0);
            assertEquals(h1[0], hess[i], 0);
            assertEquals(h1[1], hess[stride + i], 0);
            assertEquals(h1[2], hess[2 * stride + i], 0);
            assertTrue(Double.isFinite(f[i]) && Double.isFinite(g[i]) && Double.isFinite(hess[2 * stride + i]));
        }
        for (int i = n; i < stride; i++) {
            assertEquals(sentinel, f[i], 0, "f padding untouched");
            assertEquals(sentinel, v[i], 0, "value padding untouched");
            assertEquals(sentinel, g[i], 0);
            assertEquals(sentinel, g[stride + i], 0);
            assertEquals(sentinel, hess[i], 0);
            assertEquals(sentinel, hess[stride + i], 0);
            assertEquals(sentinel, hess[2 * stride + i], 0);
        }
    }

    /** A minimum from the literature: f there, and how close our own critical point must be to (x, y). */
    record KnownMinimum(Surface surface, double x, double y, double f, double fTol, double xTol) {
        @Override
        public String toString() {
            return surface.type() + " " + f + " at (" + x + ", " + y + ")";
        }
    }

    static List<KnownMinimum> knownMinima() {
        double st = -2.903534027771178; // root of 2x³ − 16x + 2.5
        return List.of(
                new KnownMinimum(new Rosenbrock(1, 100), 1, 1, 0, 0, 0),
                new KnownMinimum(new Himmelblau(), 3, 2, 0, 0, 0),
                new KnownMinimum(new Himmelblau(), -2.805118, 3.131312, 0, 1e-20, 1e-6),
                new KnownMinimum(new Himmelblau(), -3.779310, -3.283186, 0, 1e-20, 1e-6),
                new KnownMinimum(new Himmelblau(), 3.584428, -1.848126, 0, 1e-20, 1e-6),
                new KnownMinimum(new Beale(), 3, 0.5, 0, 0, 0),
                new KnownMinimum(new Booth(), 1, 3, 0, 0, 0),
                new KnownMinimum(new GoldsteinPrice(), 0, -1, 3, 0, 0),
                new KnownMinimum(new GoldsteinPrice(), -0.6, -0.4, 30, 1e-9, 1e-9),
                new KnownMinimum(new GoldsteinPrice(), 1.8, 0.2, 84, 1e-9, 1e-9),
                new KnownMinimum(new SixHumpCamel(), 0.0898, -0.7126, -1.0316284534898774, 1e-12, 1e-4),
                new KnownMinimum(new SixHumpCamel(), -0.0898, 0.7126, -1.0316284534898774, 1e-12, 1e-4),
                new KnownMinimum(new StyblinskiTang(), st, st, 2 * -39.16616570377142, 1e-11, 1e-12),
                new KnownMinimum(new Ackley(), 0, 0, 0, 0, 0),
                new KnownMinimum(Rastrigin.defaults(), 0, 0, 0, 0, 0),
                new KnownMinimum(Quadratic.defaults(), 0, 0, 0, 0, 0),
                new KnownMinimum(new Quadratic(7, 40), 0, 0, 0, 0, 0),
                new KnownMinimum(new Saddle(1, 2, 0.5), 0, 2, -2, 0, 0),
                new KnownMinimum(new Saddle(1, 2, 0.5), 0, -2, -2, 0, 0));
    }

    /**
     * Newton's method with our gradient and Hessian, from the literature's (rounded) minimizer, must
     * converge to a point within xTol of it, with the literature's value and a positive-definite Hessian.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("knownMinima")
    void knownMinima(KnownMinimum m) {
        Surface s = m.surface();
        double x = m.x(), y = m.y();
        double[] g = new double[2], h = new double[3];
        for (int it = 0; it < 50; it++) {
            s.valueAndGradient(x, y, 0, g);
            s.hessian(x, y, 0, h);
            double det = h[0] * h[2] - h[1] * h[1];
            double dx = -(h[2] * g[0] - h[1] * g[1]) / det;
            double dy = -(h[0] * g[1] - h[1] * g[0]) / det;
            if (!(Math.abs(dx) + Math.abs(dy) > 0)) {
                break;
            }
            x += dx;
            y += dy;
        }
        double f = s.valueAndGradient(x, y, 0, g);
        s.hessian(x, y, 0, h);
        assertEquals(m.x(), x, m.xTol(), "x of the minimum");
        assertEquals(m.y(), y, m.xTol(), "y of the minimum");
        assertEquals(m.f(), f, m.fTol(), "f at the minimum");
        assertEquals(0, Math.hypot(g[0], g[1]), 1e-14 * Math.max(1, maxAbs(h)), "gradient at the minimum");
        assertTrue(h[0] > 0 && h[0] * h[2] - h[1] * h[1] > 0, "Hessian positive definite: " + Arrays.toString(h));
    }

    @Test
    void ackleyIsFiniteAtTheOriginWithTheDocumentedHessian() {
        Ackley s = new Ackley();
        double[] g = {Double.NaN, Double.NaN}, h = new double[3];
        assertEquals(0, s.valueAndGradient(0, 0, 0, g), 0);
        assertEquals(0, g[0], 0);
        assertEquals(0, g[1], 0);
        s.hessian(0, 0, 0, h);
        double c = 2 * Math.PI * Math.PI * Math.E - 0.4;
        assertEquals(c, h[0], 1e-12);
        assertEquals(0, h[1], 0);
        assertEquals(c, h[2], 1e-12);
        // Off the tip, the second derivative along a ray tends to c: f(s·d) ≈ f(0) + slope·s + ½c·s².
        double d = 1e-4, ux = 0.6, uy = 0.8, slope = 2 * Math.sqrt(2);
        double f1 = s.value(d * ux, d * uy, 0), f2 = s.value(2 * d * ux, 2 * d * uy, 0);
        assertEquals(c, (f2 - 2 * f1) / (d * d), 1e-3 * c, "one-sided second difference along a ray");
        assertEquals(slope, (4 * f1 - f2) / (2 * d), 1e-6, "the cone's slope 2√2");
    }

    @Test
    void saddlesAreCriticalPointsOfMixedCurvature() {
        double[] g = new double[2], h = new double[3];
        Surface saddle = new Saddle(1, 2, 0.5);
        saddle.valueAndGradient(0, 0, 0, g);
        saddle.hessian(0, 0, 0, h);
        assertEquals(List.of(0.0, 0.0), List.of(g[0], g[1]));
        assertEquals(List.of(1.0, 0.0, -2.0), List.of(h[0], h[1], h[2]));

        Surface monkey = new MonkeySaddle();
        monkey.valueAndGradient(0, 0, 0, g);
        monkey.hessian(0, 0, 0, h);
        assertEquals(0, Math.abs(g[0]) + Math.abs(g[1]) + Math.abs(h[0]) + Math.abs(h[1]) + Math.abs(h[2]), 0,
                "the monkey saddle is degenerate: gradient and Hessian vanish");

        Surface camel = new SixHumpCamel();
        camel.valueAndGradient(0, 0, 0, g);
        camel.hessian(0, 0, 0, h);
        assertEquals(0, Math.hypot(g[0], g[1]), 0);
        assertTrue(h[0] * h[2] - h[1] * h[1] < 0, "six-hump camel: the origin is a saddle");

        Surface beale = new Beale();
        assertEquals(14.203125, beale.valueAndGradient(0, 1, 0, g), 0);
        assertEquals(0, Math.hypot(g[0], g[1]), 0);
        beale.hessian(0, 1, 0, h);
        assertTrue(h[0] * h[2] - h[1] * h[1] < 0, "Beale: (0, 1) is a saddle");
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
