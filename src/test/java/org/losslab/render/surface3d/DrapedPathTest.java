package org.losslab.render.surface3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Window;
import org.losslab.render.HeightGrid;

class DrapedPathTest {
    private final Window window = Window.square(2);
    private final PlotBox box = new PlotBox(window);
    private final HeightGrid u = HeightGrid.sampleNodes(new Quadratic(1, 0), window, 21, 21, 0, Cancellation.NEVER)
            .map(new HeightMap(HeightScale.LINEAR, 0, 4)::normalize);

    private static Trajectory path(double[]... xy) {
        Trajectory t = new Trajectory(xy.length);
        for (int k = 0; k < xy.length; k++) {
            t.point(0, k, xy[k][0], xy[k][1], 0, 0, 0);
        }
        return t;
    }

    @Test
    void verticesLieOnTheMeshAtTheLift() {
        DrapedPath p = DrapedPath.of(path(new double[] {-1, 0.5}, new double[] {-0.9, 0.5}), box, u, 0.01, 100);
        assertEquals(2, p.size());
        assertEquals(box.worldX(-1), p.x(0), 1e-6);
        assertEquals(box.worldZ(0.5), p.z(0), 1e-6);
        assertEquals(PlotBox.worldY(u.interpolate(-1, 0.5)) - 0.01, p.y(0), 1e-6);
        assertFalse(p.connected(0));
        assertTrue(p.connected(1));
    }

    @Test
    void longStepsFollowTheSurfaceAndPlaybackCountsBySource() {
        // One step across the whole bowl is cut into cell-sized pieces that dip into the valley.
        DrapedPath p = DrapedPath.of(path(new double[] {-1.9, 0}, new double[] {1.9, 0}), box, u, 0, 100);
        assertTrue(p.size() > 10, "subdivided into " + p.size());
        float lowest = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < p.size(); v++) {
            lowest = Math.max(lowest, p.y(v));
        }
        assertEquals(PlotBox.worldY(0), lowest, 0.02, "the path passes the bottom of the bowl");
        assertEquals(1, p.countUpTo(0));
        assertEquals(p.size(), p.countUpTo(1));
    }

    @Test
    void leavingTheWindowOrDivergingBreaksThePath() {
        DrapedPath p = DrapedPath.of(path(new double[] {0, 0}, new double[] {0.1, 0}, new double[] {5, 0},
                new double[] {0.2, 0}, new double[] {0.3, 0}, new double[] {Double.NaN, Double.NaN}), box, u, 0, 100);
        assertEquals(4, p.size());
        assertEquals(3, p.source(2));
        assertFalse(p.connected(2), "re-entering starts a new piece");
        assertTrue(p.connected(3));
    }

    @Test
    void longRunsAreThinnedButKeepTheirEnds() {
        Trajectory t = new Trajectory(100_000);
        for (int k = 0; k < 100_000; k++) {
            t.point(0, k, -1 + k * 1e-5, 0.3, 0, 0, 0);
        }
        DrapedPath p = DrapedPath.of(t, box, u, 0, 500);
        assertTrue(p.size() <= 520, "kept " + p.size());
        assertEquals(0, p.source(0));
        assertEquals(99_999, p.source(p.size() - 1));
    }
}
