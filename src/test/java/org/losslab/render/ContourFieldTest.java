package org.losslab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;

class ContourFieldTest {

    @Test
    void rosenbrockGetsLogLevelsAndQuadraticLinear() {
        Surface r = new Rosenbrock(1, 100);
        ContourField f = ContourField.compute(r, new Window(-2, 2, -1, 3), 81, 81, 0, 16, Cancellation.NEVER);
        assertTrue(f.logScale());
        double[] lv = f.levels();
        assertEquals(15, lv.length);
        for (int i = 1; i < lv.length; i++) {
            assertTrue(lv[i] > lv[i - 1]);
        }
        assertTrue(lv[1] / lv[0] > 1.5, "log-spaced levels grow by a factor");
        ContourField q = ContourField.compute(new Quadratic(10, 0), Window.square(3), 61, 61, 0, 10, Cancellation.NEVER);
        assertFalse(q.logScale());
        assertEquals(q.levels()[1] - q.levels()[0], q.levels()[5] - q.levels()[4], 1e-9);
    }

    @Test
    void isoLinesLieOnTheirLevels() {
        Surface s = new Quadratic(4, 30);
        ContourField f = ContourField.compute(s, Window.square(3), 121, 121, 0, 8, Cancellation.NEVER);
        assertTrue(f.segmentCount() > 100);
        float[] seg = f.segments();
        double[] levels = f.levels();
        double cell = 6.0 / 120;
        for (int k = 0; k < f.segmentCount(); k++) {
            double v = s.value(seg[4 * k], seg[4 * k + 1], 0);
            double nearest = Double.POSITIVE_INFINITY;
            for (double l : levels) {
                nearest = Math.min(nearest, Math.abs(v - l));
            }
            // Linear interpolation on a grid: off by at most curvature × cell².
            assertTrue(nearest < 4 * cell * cell * 4, "segment " + k + " at height " + v);
        }
    }

    @Test
    void colourPositionsSpanTheScaleAndCancellationStops() {
        ContourField f = ContourField.compute(new Quadratic(10, 0), Window.square(3), 31, 31, 0, 16, Cancellation.NEVER);
        assertEquals(0, f.colorPosition(f.minHeight()), 1e-12);
        assertEquals(1, f.colorPosition(f.maxHeight()), 1e-12);
        assertEquals(f.maxHeight(), f.heightAt(1), 1e-9);
        assertEquals(31 * 31, f.pixels().length);
        assertNull(ContourField.compute(new Quadratic(10, 0), Window.square(3), 31, 31, 0, 16, () -> true));
    }

    @Test
    void ticksAreNiceAndEigenvaluesExact() {
        assertEquals(0.5, Ticks.step(-2, 2, 8), 1e-12);
        assertEquals(1000, Ticks.step(0, 5000, 5), 1e-9);
        double[] v = Ticks.values(-1, 3, 4);
        assertEquals(-1, v[0], 1e-12);
        assertEquals(3, v[v.length - 1], 1e-12);
        double[] e = new double[6];
        Eigen2.of(3, 1, 3, e);
        assertEquals(4, e[0], 1e-12);
        assertEquals(2, e[1], 1e-12);
        assertEquals(Math.sqrt(0.5), Math.abs(e[2]), 1e-12);
        assertEquals(0.5, Eigen2.stabilityLimit(4), 1e-12);
        assertTrue(Double.isNaN(Eigen2.stabilityLimit(-1)));
    }
}
