package org.losslab.engine.surface.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.losslab.engine.surface.Window;

/** The surface as the engine uses it: batch layout, time, threads, allocation, torch's rounding. */
class ExpressionSurfaceTest {

    private static final String REFERENCE = "x^4/4 - x^2 + 0.5*(y - 0.5*x)^2 + 0.1*sin(3*x)";

    @Test
    void describesItself() {
        ExpressionSurface s = ExpressionSurface.parse(REFERENCE);
        assertEquals("expression", s.type());
        assertEquals(Window.square(3), s.defaultView());
        assertEquals(REFERENCE, s.source());
        assertEquals(Map.of(), s.params());
        assertFalse(s.dependsOnTime());
    }

    /**
     * The reference scenario's surface (shared/reference/expression-newton-lbfgs.json), against its
     * gradient and Hessian worked by hand:
     * f_x = x³ − 2x − ½(y − ½x) + 0.3 cos 3x, f_y = y − ½x,
     * f_xx = 3x² − 2 + ¼ − 0.9 sin 3x, f_xy = −½, f_yy = 1.
     */
    @Test
    void referenceFormulaAgainstItsHandDerivedDerivatives() {
        ExpressionSurface s = ExpressionSurface.parse(REFERENCE);
        double[][] points = {{1.7, -1.2}, {0, 0}, {-0.9, 0.4}, {2.5, 3}, {-1.3, -2.2}};
        for (double[] p : points) {
            double x = p[0], y = p[1];
            double[] g = new double[2];
            double[] h = new double[3];
            double f = s.valueAndGradient(x, y, 0, g);
            s.hessian(x, y, 0, h);
            double tol = 1e-13;
            assertEquals(Math.pow(x, 4) / 4 - x * x + 0.5 * (y - 0.5 * x) * (y - 0.5 * x) + 0.1 * Math.sin(3 * x), f, tol);
            assertEquals(x * x * x - 2 * x - 0.5 * (y - 0.5 * x) + 0.3 * Math.cos(3 * x), g[0], tol);
            assertEquals(y - 0.5 * x, g[1], tol);
            assertEquals(3 * x * x - 2 + 0.25 - 0.9 * Math.sin(3 * x), h[0], tol);
            assertEquals(-0.5, h[1], tol);
            assertEquals(1, h[2], tol);
        }
    }

    @Test
    void timeIsTheUpdateNumber() {
        ExpressionSurface s = ExpressionSurface.parse("x*sin(t) + t^2*y + x^2*exp(-t/10)");
        assertTrue(s.dependsOnTime());
        for (double t : new double[] {0, 1, 7, 2}) {
            double[] g = new double[2];
            double[] h = new double[3];
            double x = 0.3, y = -1.1;
            double f = s.valueAndGradient(x, y, t, g);
            s.hessian(x, y, t, h);
            double decay = Math.exp(-t / 10);
            assertEquals(x * Math.sin(t) + t * t * y + x * x * decay, f, 1e-15);
            assertEquals(Math.sin(t) + 2 * x * decay, g[0], 1e-15);
            assertEquals(t * t, g[1], 1e-15);
            assertArrayEquals(new double[] {2 * decay, 0, 0}, h, 1e-15);
            assertEquals(f, s.value(x, y, t));
        }
    }

    @Test
    void dependsOnTimeIffTheFormulaMentionsT() {
        assertTrue(ExpressionSurface.parse("x + 0*t").dependsOnTime());
        assertTrue(ExpressionSurface.parse("t").dependsOnTime());
        assertTrue(ExpressionSurface.parse("max(x, sin(t))").dependsOnTime());
        assertFalse(ExpressionSurface.parse("x*y + tanh(x)").dependsOnTime());
        assertFalse(ExpressionSurface.parse("tt*x", Map.of("tt", 1.0)).dependsOnTime());
    }

    @Test
    void constantAndLinearFormulas() {
        ExpressionSurface c = ExpressionSurface.parse("2^3^2");
        double[] g = {9, 9};
        double[] h = {9, 9, 9};
        assertEquals(512, c.valueAndGradient(1, 2, 0, g));
        c.hessian(1, 2, 0, h);
        assertArrayEquals(new double[] {0, 0}, g);
        assertArrayEquals(new double[] {0, 0, 0}, h);
        ExpressionSurface y = ExpressionSurface.parse("y");
        assertEquals(-3, y.valueAndGradient(1, -3, 0, g));
        assertArrayEquals(new double[] {0, 1}, g);
    }

    @Test
    void batchLayoutIsStructureOfArrays() {
        ExpressionSurface s = ExpressionSurface.parse("x^2*y + sin(x - y) + t*x");
        int n = 3, stride = 5;
        double t = 2;
        double[] p = new double[2 * stride];
        Arrays.fill(p, Double.NaN);
        double[][] pts = {{0.5, -1}, {2, 3}, {-1.5, 0.25}};
        for (int i = 0; i < n; i++) {
            p[i] = pts[i][0];
            p[stride + i] = pts[i][1];
        }
        double[] f = filled(stride), g = filled(2 * stride), h = filled(3 * stride), v = filled(stride);
        s.evaluate(n, stride, p, t, f, g);
        s.hessian(n, stride, p, t, h);
        s.value(n, stride, p, t, v);
        for (int i = 0; i < n; i++) {
            double[] gi = new double[2], hi = new double[3];
            double fi = s.valueAndGradient(pts[i][0], pts[i][1], t, gi);
            s.hessian(pts[i][0], pts[i][1], t, hi);
            assertEquals(fi, f[i]);
            assertEquals(fi, v[i]);
            assertEquals(gi[0], g[i]);
            assertEquals(gi[1], g[stride + i]);
            assertEquals(hi[0], h[i]);
            assertEquals(hi[1], h[stride + i]);
            assertEquals(hi[2], h[2 * stride + i]);
        }
        for (int i = n; i < stride; i++) {
            assertEquals(-7, f[i], "untouched");
            assertEquals(-7, v[i], "untouched");
            assertEquals(-7, g[i], "untouched");
            assertEquals(-7, g[stride + i], "untouched");
            assertEquals(-7, h[2 * stride + i], "untouched");
        }
    }

    private static double[] filled(int length) {
        double[] a = new double[length];
        Arrays.fill(a, -7);
        return a;
    }

    /** The PyTorch kernels the reference runs, to the last bit where torch short-cuts. */
    @Test
    void roundsAsTorchKernelsDo() {
        double x = 0.7391, y = 1.3;
        // pow(Tensor, Scalar) short cuts
        assertEquals(x * x * x, at("x^3", x, y));
        assertEquals(1 / (x * x), at("x^-2", x, y));
        assertEquals(1 / Math.sqrt(x), at("x^-0.5", x, y));
        assertEquals(Math.sqrt(x), at("x^0.5", x, y));
        assertEquals(1 / x, at("x^-1", x, y));
        assertEquals(1, at("(x - x + 0/0)^0", x, y));
        // Tensor.__rtruediv__ is reciprocal(x)·c
        assertEquals((1 / x) * 3, at("3/x", x, y));
        assertEquals(x / 3, at("x/3", x, y));
        // C's pow, not Java's: pow(1, ±∞) = pow(−1, ±∞) = 1
        assertEquals(1, at("1^(x/0)", x, y));
        assertEquals(1, at("(-1)^(-x/0)", x, y));
        assertEquals(1, at("pow(1, y/0)", x, y));
        // torch's thresholds and tie-breaking
        assertEquals(21.5, at("softplus(x)", 21.5, y));
        assertEquals(Math.log1p(Math.exp(20)), at("softplus(x)", 20, y));
        assertEquals(0, at("sigmoid(x)", -1000, y));
        double[] g = new double[2];
        ExpressionSurface.parse("max(x, y)").valueAndGradient(1, 1, 0, g);
        assertArrayEquals(new double[] {0.5, 0.5}, g);
        ExpressionSurface.parse("abs(x) + abs(y)").valueAndGradient(0, -2, 0, g);
        assertArrayEquals(new double[] {0, -1}, g);
    }

    private static double at(String formula, double x, double y) {
        return ExpressionSurface.parse(formula).value(x, y, 0);
    }

    @Test
    void sharedAcrossThreads() throws Exception {
        ExpressionSurface s = ExpressionSurface.parse(REFERENCE + " + t*x*y");
        int n = 4000;
        double[] p = new double[2 * n];
        Random random = new Random(5);
        for (int i = 0; i < 2 * n; i++) {
            p[i] = 4 * random.nextDouble() - 2;
        }
        double[] expectedF = new double[n], expectedG = new double[2 * n];
        s.evaluate(n, n, p, 3, expectedF, expectedG);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> {
                    double[] f = new double[1], g = new double[2], q = new double[2];
                    boolean same = true;
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < n; i++) {
                            q[0] = p[i];
                            q[1] = p[n + i];
                            s.evaluate(1, 1, q, 3, f, g);
                            same &= f[0] == expectedF[i] && g[0] == expectedG[i] && g[1] == expectedG[n + i];
                        }
                    }
                    return same;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void evaluationAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported());
        mx.setThreadAllocatedMemoryEnabled(true);
        ExpressionSurface s = ExpressionSurface.parse(REFERENCE + " + max(x, y)*t + softplus(x^y)");
        double[] p = {0.3, 1.2, -0.4, 0.8}, f = new double[2], g = new double[4], h = new double[6];
        s.evaluate(2, 2, p, 1, f, g);
        s.hessian(2, 2, p, 1, h);
        s.value(2, 2, p, 1, f);
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10_000; i++) {
            s.evaluate(2, 2, p, i, f, g);
            s.hessian(2, 2, p, i, h);
            s.value(2, 2, p, i, f);
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        // 30,000 calls: any allocation per call would show up as hundreds of kilobytes
        assertTrue(allocated < 10_000, "allocated " + allocated + " bytes");
    }
}
