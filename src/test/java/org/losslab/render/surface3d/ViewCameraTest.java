package org.losslab.render.surface3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewCameraTest {

    @Test
    void pivotProjectsToTheCentreAndUpIsUpOnScreen() {
        ViewCamera c = new ViewCamera(-30, 30, 5, 0, 0);
        double[] o = new double[3];
        assertTrue(c.project(0, 0, 0, 800, 600, o));
        assertEquals(400, o[0], 1e-9);
        assertEquals(300, o[1], 1e-9);
        assertEquals(5, o[2], 1e-9);
        double[] top = new double[3];
        c.project(0, PlotBox.worldY(1), 0, 800, 600, top);
        assertTrue(top[1] < 300, "the top of the box is above the centre");
    }

    @Test
    void frontViewMatchesJavaFxPerspective() {
        // yaw 0, pitch 0: a point one unit right at the pivot's depth lands φ pixels right, φ = (h/2)/tan(15°).
        ViewCamera c = new ViewCamera(0, 0, 4, 0, 0);
        double[] o = new double[3];
        c.project(1, 0, 0, 800, 600, o);
        assertArrayEquals(new double[] {400 + 300 / Math.tan(Math.toRadians(15)) / 4, 300, 4}, o, 1e-9);
        assertFalse(c.project(0, 0, -5, 800, 600, o), "behind the eye");
    }

    @Test
    void pitchAndDistanceAreClamped() {
        ViewCamera c = ViewCamera.DEFAULT.rotated(0, 500).zoomed(1000);
        assertEquals(ViewCamera.MAX_PITCH, c.pitch());
        assertEquals(ViewCamera.MIN_DISTANCE, c.distance());
    }

    @Test
    void axesGoOnTheEdgesFacingTheViewer() {
        AxisLayout a = AxisLayout.of(ViewCamera.DEFAULT);
        assertEquals(-1, a.xEdgeZ(), "x labels on the front edge");
        assertEquals(1, a.yEdgeX(), "seen from the front left, the right edge is nearer");
        AxisLayout behind = AxisLayout.of(ViewCamera.DEFAULT.rotated(180, 0));
        assertEquals(1, behind.xEdgeZ());
    }

    @Test
    void labelsAndTicks() {
        assertEquals("0", Labels.number(0));
        assertEquals("2509", Labels.number(2509.3));
        assertEquals("0.125", Labels.number(0.125));
        assertEquals("1.5e-4", Labels.number(1.5e-4));
        assertEquals("2.5e6", Labels.number(2.5e6));
        assertArrayEquals(new double[] {-1, 0, 1}, Labels.ticks(-2, 2, 4, 0.08), 1e-12);
        assertArrayEquals(new double[] {-0.5, 0, 0.5, 1, 1.5, 2, 2.5}, Labels.ticks(-1, 3, 8, 0.08), 1e-12);
    }
}
