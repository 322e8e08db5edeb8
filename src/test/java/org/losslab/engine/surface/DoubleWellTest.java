package org.losslab.engine.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The double well's minima, saddle and barrier heights, checked against brute-force search. */
class DoubleWellTest {

    @Test
    void landmarksAreCriticalPointsOfTheRightKind() {
        DoubleWell d = DoubleWell.defaults();
        assertTrue(d.hasTwoMinima());
        double[] g = new double[2], h = new double[3];
        for (double x : new double[] {d.sharpMinimumX(), d.flatMinimumX(), d.saddleX()}) {
            d.valueAndGradient(x, 0, 0, g);
            assertEquals(0, g[0], 1e-14, "∂f/∂x at " + x);
            assertEquals(0, g[1], 0, "∂f/∂y vanishes on the axis");
        }
        d.hessian(d.sharpMinimumX(), 0, 0, h);
        assertTrue(h[0] > 0 && h[2] > 0 && h[1] == 0, "sharp minimum");
        double sharpCurvature = h[0];
        d.hessian(d.flatMinimumX(), 0, 0, h);
        assertTrue(h[0] > 0 && h[2] > 0 && h[1] == 0, "flat minimum");
        assertTrue(sharpCurvature > 8 * h[0], "the sharp well is much more curved: " + sharpCurvature + " vs " + h[0]);
        d.hessian(d.saddleX(), 0, 0, h);
        assertTrue(h[0] < 0 && h[2] > 0, "index-1 saddle");

        assertEquals(-1.5, d.sharpMinimumX(), 0.05);
        assertTrue(d.flatMinimumX() > 1 && d.flatMinimumX() < 1.5, "confinement pulls the flat minimum inwards");
        assertTrue(d.sharpMinimumX() < d.saddleX() && d.saddleX() < d.flatMinimumX());
    }

    @Test
    void barrierHeightsMatchABruteForceScanOfTheAxis() {
        DoubleWell d = DoubleWell.defaults();
        // The highest point between the minima, and the lowest point near each, on a grid of 2·10⁶.
        double left = d.sharpMinimumX(), right = d.flatMinimumX();
        int n = 2_000_000;
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= n; k++) {
            top = Math.max(top, d.value(left + (right - left) * k / n, 0, 0));
        }
        double sharpBottom = lowestNear(d, d.sharpMinimumX(), 0.3);
        double flatBottom = lowestNear(d, d.flatMinimumX(), 0.3);
        assertEquals(top, d.saddleValue(), 1e-11);
        assertEquals(sharpBottom, d.sharpMinimumValue(), 1e-11);
        assertEquals(flatBottom, d.flatMinimumValue(), 1e-11);
        assertEquals(top - sharpBottom, d.barrierHeight(true), 2e-11);
        assertEquals(top - flatBottom, d.barrierHeight(false), 2e-11);
        assertTrue(d.barrierHeight(true) > 0.5 && d.barrierHeight(false) > 0.5);
    }

    @Test
    void theAxisMinimaAreTheLowestPointsOfThePlane() {
        DoubleWell d = DoubleWell.defaults();
        Window w = d.defaultView();
        int n = 700;
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                lowest = Math.min(lowest, d.value(w.xMin() + w.width() * i / n, w.yMin() + w.height() * j / n, 0));
            }
        }
        double best = Math.min(d.sharpMinimumValue(), d.flatMinimumValue());
        assertTrue(best <= lowest, "no grid point below the located minima");
        assertEquals(lowest, best, 1e-3, "and the grid comes close to them");
    }

    @Test
    void mirroredWellsHaveEqualBarriersAndASaddleAtTheOrigin() {
        DoubleWell d = new DoubleWell(-1, 0.5, 1, 1, 0.5, 1, 0.05);
        assertTrue(d.hasTwoMinima());
        assertEquals(-d.flatMinimumX(), d.sharpMinimumX(), 1e-12);
        assertEquals(0, d.saddleX(), 1e-12);
        assertEquals(d.barrierHeight(false), d.barrierHeight(true), 1e-12);
    }

    @Test
    void mergedWellsHaveNoBarrier() {
        DoubleWell d = new DoubleWell(-0.2, 1, 1, 0.2, 1, 1, 0.05);
        assertFalse(d.hasTwoMinima());
        assertEquals(d.sharpMinimumX(), d.flatMinimumX(), 0);
        assertEquals(0, d.sharpMinimumX(), 1e-12, "one minimum, in the middle");
        assertTrue(Double.isNaN(d.saddleX()));
        assertThrows(IllegalStateException.class, () -> d.barrierHeight(true));
    }

    @Test
    void nonPositiveWidthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DoubleWell(-1.5, 0, 1, 1.5, 1, 1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new DoubleWell(-1.5, 0.3, 1, 1.5, -1, 1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new DoubleWell(-1.5, Double.NaN, 1, 1.5, 1, 1, 0.05));
    }

    private static double lowestNear(Surface s, double x0, double r) {
        int n = 2_000_000;
        double low = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= n; k++) {
            low = Math.min(low, s.value(x0 - r + 2 * r * k / n, 0, 0));
        }
        return low;
    }
}
