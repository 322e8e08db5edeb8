package org.losslab.engine.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.losslab.engine.random.Gaussian;

class RegressionTest {

    private final Regression r = Regression.defaults();
    private final int[] all = IntStream.range(0, r.size()).toArray();

    @Test
    void theFullMinibatchIsTheFullBatch() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] g = new double[2], gb = new double[2];
        Window w = r.defaultView();
        for (int k = 0; k < 100; k++) {
            double x = w.xMin() + w.width() * rng.nextDouble(), y = w.yMin() + w.height() * rng.nextDouble();
            double f = r.valueAndGradient(x, y, 0, g);
            double fb = r.batchValueAndGradient(x, y, all, 0, all.length, gb);
            assertEquals(fb, f, 1e-13 * Math.max(1, fb));
            assertEquals(gb[0], g[0], 1e-13 * Math.max(1, Math.abs(gb[0])));
            assertEquals(gb[1], g[1], 1e-13 * Math.max(1, Math.abs(gb[1])));
        }
    }

    @Test
    void theLeastSquaresSolutionHasZeroGradient() {
        double w = r.leastSquaresW(), b = r.leastSquaresB();
        double[] g = new double[2];
        assertEquals(r.minimumValue(), r.batchValueAndGradient(w, b, all, 0, all.length, g), 1e-15);
        assertEquals(0, g[0], 1e-14, "∂/∂w of the direct sum");
        assertEquals(0, g[1], 1e-14, "∂/∂b of the direct sum");
        assertEquals(r.minimumValue(), r.valueAndGradient(w, b, 0, g), 0);
        assertEquals(0, g[0], 0);
        assertEquals(0, g[1], 0);
        // The fit recovers the line within a few standard errors (σ/√Σ(a − ā)² ≈ 0.11 for the slope).
        assertEquals(2, w, 0.4);
        assertEquals(-1, b, 0.5);
        // Half the mean squared residual ≈ σ²/2 · (n − 2)/n.
        assertEquals(0.125, r.minimumValue(), 0.05);
    }

    @Test
    void aMinibatchIsTheMeanOfItsExamples() {
        int[] idx = {9, 5, 3, 5, 40};
        double x = 1.3, y = -0.4;
        double f = 0, gx = 0, gy = 0;
        for (int j = 1; j < 4; j++) { // positions 1..3: examples 5, 3, 5
            double res = x * r.a(idx[j]) + y - r.b(idx[j]);
            f += 0.5 * res * res / 3;
            gx += res * r.a(idx[j]) / 3;
            gy += res / 3;
        }
        double[] g = new double[2];
        assertEquals(f, r.batchValueAndGradient(x, y, idx, 1, 4, g), 1e-15);
        assertEquals(gx, g[0], 1e-15);
        assertEquals(gy, g[1], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> r.batchValueAndGradient(x, y, idx, 2, 2, g));
    }

    @Test
    void theDataFollowTheDocumentedRecipe() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] a = new double[64];
        for (int i = 0; i < 64; i++) {
            a[i] = 2 * rng.nextDouble();
            assertEquals(a[i], r.a(i), 0, "a_" + i);
            assertTrue(r.a(i) >= 0 && r.a(i) < 2);
        }
        Gaussian z = new Gaussian(rng);
        for (int i = 0; i < 64; i++) {
            assertEquals(2 * a[i] - 1 + 0.5 * z.next(), r.b(i), 0, "b_" + i);
        }
        Regression again = Regression.defaults();
        Regression other = new Regression(64, 0.5, 8, 2, -1);
        assertEquals(r.b(63), again.b(63), 0, "deterministic for a seed");
        assertNotEquals(r.a(0), other.a(0), "another seed, other data");
    }

    @Test
    void theBowlIsTiltedAndIllConditioned() {
        double[] h = new double[3];
        r.hessian(0, 0, 0, h);
        double meanA = 0, meanA2 = 0;
        for (int i = 0; i < r.size(); i++) {
            meanA += r.a(i) / r.size();
            meanA2 += r.a(i) * r.a(i) / r.size();
        }
        assertEquals(meanA2, h[0], 1e-14);
        assertEquals(meanA, h[1], 1e-14);
        assertEquals(1, h[2], 0);
        double tr = h[0] + h[2], det = h[0] * h[2] - h[1] * h[1];
        double lMax = (tr + Math.sqrt(tr * tr - 4 * det)) / 2, lMin = (tr - Math.sqrt(tr * tr - 4 * det)) / 2;
        assertEquals(lMax / lMin, r.conditionNumber(), 1e-9);
        assertTrue(r.conditionNumber() > 9 && r.conditionNumber() < 20, "κ ≈ 14: " + r.conditionNumber());
    }

    @Test
    void fewerThanTwoPointsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Regression(1, 0.5, 7, 2, -1));
    }
}
