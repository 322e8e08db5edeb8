package org.losslab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernels whose order of operations is copied from torch's CPU build (AVX2 sum, reference
 * LAPACK solve and 2×2 eigh), bit for bit against values torch computed
 * (src/test/python/optim_reference.py).
 */
class TorchKernelsTest {

    @Test
    void l1NormSumsInTorchOrder() {
        List<String[]> rows = OptimizerFixtures.csv("l1sums.csv");
        assertTrue(rows.size() > 10);
        CascadeSum sum = new CascadeSum();
        boolean orderMatters = false;
        for (String[] row : rows) {
            int n = Integer.parseInt(row[0]);
            double want = Double.parseDouble(row[1]);
            double[] x = OptimizerFixtures.l1Vector(n);
            assertEquals(want, sum.sumAbs(x, n), 0.0, "n = " + n);
            double naive = 0;
            for (double v : x) {
                naive += Math.abs(v);
            }
            orderMatters |= naive != want;
        }
        // Otherwise this test could not tell torch's order from a plain loop.
        assertTrue(orderMatters);
    }

    @Test
    void solvesAsLinalgSolve() {
        List<String[]> rows = OptimizerFixtures.csv("solves.csv");
        assertTrue(rows.size() > 40);
        int differsFromNaive = 0;
        for (String[] row : rows) {
            int n = Integer.parseInt(row[0]);
            double[] a = doubles(row[1]), b = doubles(row[2]), want = doubles(row[3]);
            double[] aCopy = a.clone(), bCopy = b.clone(), x = new double[n];
            new LuSolver(n).solve(a, b, x);
            for (int i = 0; i < n; i++) {
                assertEquals(want[i], x[i], 0.0, "n = " + n + ", x[" + i + "]");
            }
            assertArrayEquals(aCopy, a, "A not modified");
            assertArrayEquals(bCopy, b, "b not modified");
            differsFromNaive += java.util.Arrays.equals(naiveSolve(a, b), want) ? 0 : 1;
        }
        assertTrue(differsFromNaive > 0, "the data cannot tell LAPACK's order from textbook elimination");
    }

    @Test
    void absoluteHessianAsEighIn2D() {
        List<String[]> rows = OptimizerFixtures.csv("absh2.csv");
        assertTrue(rows.size() > 300);
        SaddleFree saddleFree = new SaddleFree(2);
        double[] h = new double[4];
        for (String[] row : rows) {
            double a = Double.parseDouble(row[0]), b = Double.parseDouble(row[1]), c = Double.parseDouble(row[2]);
            h[0] = a;
            h[1] = b;
            h[2] = b;
            h[3] = c;
            assertTrue(saddleFree.apply(h, null));
            for (int i = 0; i < 4; i++) {
                assertEquals(Double.parseDouble(row[3 + i]), h[i], 0.0, "|H| of [[" + a + ", " + b + "], [" + b + ", " + c + "]]");
            }
        }
    }

    @Test
    void absoluteHessianInHigherDimensions() {
        // H = Q·diag(3, −2, 0.5)·Qᵀ with Q a rotation about z by 30°, then about x by 45°.
        double[] q = rotation();
        double[] lambda = {3, -2, 0.5};
        double[] h = new double[9], expected = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    h[i * 3 + j] += q[i * 3 + k] * lambda[k] * q[j * 3 + k];
                    expected[i * 3 + j] += q[i * 3 + k] * Math.abs(lambda[k]) * q[j * 3 + k];
                }
            }
        }
        assertTrue(new SaddleFree(3).apply(h, org.ejml.data.DMatrixRMaj.wrap(3, 3, h)));
        assertArrayEquals(expected, h, 1e-14);
    }

    private static double[] rotation() {
        double c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6), r = Math.sqrt(0.5);
        double[] z = {c, -s, 0, s, c, 0, 0, 0, 1}, x = {1, 0, 0, 0, r, -r, 0, r, r}, q = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    q[i * 3 + j] += x[i * 3 + k] * z[k * 3 + j];
                }
            }
        }
        return q;
    }

    @Test
    void singularSystemGivesNonFiniteNotAnException() {
        double[] x = new double[2];
        new LuSolver(2).solve(new double[] {1, 2, 2, 4}, new double[] {1, 0}, x);
        assertFalse(Double.isFinite(x[0]) && Double.isFinite(x[1]));
    }

    @Test
    void solutionMayOverwriteTheRightSide() {
        double[] b = {3, 5};
        new LuSolver(2).solve(new double[] {2, 1, 1, 3}, b, b);
        assertEquals(0.8, b[0], 1e-15);
        assertEquals(1.4, b[1], 1e-15);
    }

    /** Gaussian elimination with partial pivoting in the textbook order (divide, row-wise). */
    private static double[] naiveSolve(double[] matrix, double[] rhs) {
        int n = rhs.length;
        double[] a = matrix.clone(), b = rhs.clone();
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i * n + k]) > Math.abs(a[p * n + k])) {
                    p = i;
                }
            }
            for (int j = 0; j < n; j++) {
                double t = a[k * n + j];
                a[k * n + j] = a[p * n + j];
                a[p * n + j] = t;
            }
            double t = b[k];
            b[k] = b[p];
            b[p] = t;
            for (int i = k + 1; i < n; i++) {
                double l = a[i * n + k] / a[k * n + k];
                for (int j = k; j < n; j++) {
                    a[i * n + j] -= l * a[k * n + j];
                }
                b[i] -= l * b[k];
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            double s = b[k];
            for (int j = k + 1; j < n; j++) {
                s -= a[k * n + j] * b[j];
            }
            b[k] = s / a[k * n + k];
        }
        return b;
    }

    private static double[] doubles(String s) {
        String[] p = s.split(";");
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Double.parseDouble(p[i]);
        }
        return out;
    }
}
