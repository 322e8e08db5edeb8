package org.losslab.render.surface3d;

/**
 * Which box edges carry the axis labels for a camera: the x and y scales go on the floor edges
 * nearer the viewer (never hidden behind the surface), the height scale up the floor corner seen
 * furthest to the left.
 *
 * @param xEdgeZ  world z (−1 or 1) of the floor edge parallel to x that is labelled
 * @param yEdgeX  world x (−1 or 1) of the floor edge parallel to z (the surface's y) that is labelled
 * @param heightX world x of the vertical axis
 * @param heightZ world z of the vertical axis
 */
public record AxisLayout(double xEdgeZ, double yEdgeX, double heightX, double heightZ) {

    public static AxisLayout of(ViewCamera camera) {
        double floor = PlotBox.worldY(0);
        double[] o = new double[3];
        double xEdgeZ = camera.depth(0, floor, -1) <= camera.depth(0, floor, 1) ? -1 : 1;
        double yEdgeX = camera.depth(-1, floor, 0) <= camera.depth(1, floor, 0) ? -1 : 1;
        double bestX = 0, bestZ = 0, left = Double.POSITIVE_INFINITY;
        for (int cx = -1; cx <= 1; cx += 2) {
            for (int cz = -1; cz <= 1; cz += 2) {
                camera.project(cx, floor, cz, 1000, 1000, o);
                if (o[0] < left) {
                    left = o[0];
                    bestX = cx;
                    bestZ = cz;
                }
            }
        }
        return new AxisLayout(xEdgeZ, yEdgeX, bestX, bestZ);
    }
}
