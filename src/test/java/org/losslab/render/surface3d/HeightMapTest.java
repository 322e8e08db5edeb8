package org.losslab.render.surface3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.surface.Window;
import org.losslab.render.HeightGrid;

class HeightMapTest {

    @Test
    void linearAndLogAreInversesOfTheirValues() {
        for (HeightScale s : new HeightScale[] {HeightScale.LINEAR, HeightScale.LOG}) {
            HeightMap m = new HeightMap(s, 2, 2002);
            for (double u = 0; u <= 1; u += 0.125) {
                assertEquals(u, m.normalize(m.value(u)), 1e-12, s + " at " + u);
            }
            assertEquals(0, m.normalize(-5));
            assertEquals(1, m.normalize(1e9));
            assertEquals(0, m.normalize(Double.NaN));
            assertEquals(1, m.normalize(Double.POSITIVE_INFINITY));
        }
    }

    @Test
    void logSpreadsTheBottomDecades() {
        HeightMap log = new HeightMap(HeightScale.LOG, 0, 1000);
        // f = 1 is a thousandth of the range: linear puts it at 0.001, log near a tenth of the height.
        assertEquals(Math.log(2) / Math.log(1001), log.normalize(1), 1e-12);
        assertTrue(log.normalize(10) > 0.3);
    }

    @Test
    void autoPicksLogOnlyWhenMostOfTheWindowIsFlat() {
        HeightGrid rosen = HeightGrid.sampleNodes(new Rosenbrock(1, 100), new Window(-2, 2, -1, 3), 41, 41, 0, Cancellation.NEVER);
        assertEquals(HeightScale.LINEAR, HeightMap.of(rosen, HeightScale.AUTO).scale());
        HeightGrid spiky = HeightGrid.of(Window.square(1), 3, 3, false, new double[] {0, 0, 0, 0, 0, 0, 0, 1, 1000});
        assertEquals(HeightScale.LOG, HeightMap.of(spiky, HeightScale.AUTO).scale());
        assertEquals(HeightScale.LINEAR, HeightMap.of(spiky, HeightScale.LINEAR).scale());
        assertThrows(IllegalArgumentException.class, () -> new HeightMap(HeightScale.AUTO, 0, 1));
    }

    @Test
    void constantSurfaceSitsAtMidHeight() {
        HeightGrid flat = HeightGrid.of(Window.square(1), 2, 2, false, new double[] {3, 3, 3, 3});
        assertEquals(0.5, HeightMap.of(flat, HeightScale.AUTO).normalize(3), 1e-12);
    }

    @Test
    void gridSamplesNodesAndCentresAndInterpolatesOnTheMeshTriangles() {
        Quadratic q = new Quadratic(1, 0);
        Window w = new Window(-1, 3, 0, 2);
        HeightGrid nodes = HeightGrid.sampleNodes(q, w, 5, 3, 0, Cancellation.NEVER);
        assertEquals(-1, nodes.x(0));
        assertEquals(3, nodes.x(4));
        assertEquals(q.value(1, 1, 0), nodes.value(2, 1), 1e-12);
        assertEquals(q.value(1, 1, 0), nodes.interpolate(1, 1), 1e-12);
        // Inside cell (2,1)-(3,2): below the diagonal (a ≥ b) the value is planar through three nodes.
        double a = 0.75, b = 0.25;
        double expect = nodes.value(2, 1) + a * (nodes.value(3, 1) - nodes.value(2, 1)) + b * (nodes.value(3, 2) - nodes.value(3, 1));
        assertEquals(expect, nodes.interpolate(1 + a, 1 + b), 1e-12);
        assertTrue(Double.isNaN(nodes.interpolate(3.5, 1)));
        HeightGrid centres = HeightGrid.sampleCentres(q, w, 4, 2, 0, Cancellation.NEVER);
        assertEquals(-0.5, centres.x(0), 1e-12);
        assertEquals(1.5, centres.y(1), 1e-12);
        assertEquals(q.value(2.5, 0.5, 0), centres.value(3, 0), 1e-12);
    }

    @Test
    void samplingStopsWhenCancelled() {
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> HeightGrid.sampleNodes(new Quadratic(1, 0), Window.square(1), 9, 9, 0, () -> true));
    }
}
