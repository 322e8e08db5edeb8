package org.losslab.render;

import java.util.List;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;

/**
 * Everything one frame of the 2-D plot shows. Immutable apart from the trajectories, which are
 * never written once published.
 *
 * @param surface   the loss (overlays evaluate it); may be null when the surface is invalid
 * @param field     the contour field of the window, or null while it is computed
 * @param paths     the runs in scenario order
 * @param step      show each run up to this step (the playback position)
 * @param startX    the scenario's start point (marked with a cross)
 * @param cursor    the point under the mouse as {x, y}, or null
 * @param overlays  what to draw over the paths
 * @param arrows    extra vectors, e.g. the parts of one narrated update
 */
public record PlotScene(Surface surface, ContourField field, Window window, List<Path> paths, long step, double startX,
                        double startY, double[] cursor, Overlays overlays, List<Arrow> arrows) {

    public PlotScene {
        paths = List.copyOf(paths);
        arrows = List.copyOf(arrows);
    }

    /** One run: its trajectory (null before the first result), colour and legend label. */
    public record Path(Trajectory trajectory, int color, String label, boolean visible, boolean selected) {
    }

    /** A vector from (x, y) by (dx, dy) in data coordinates, labelled. */
    public record Arrow(double x, double y, double dx, double dy, int color, String label) {
    }

    /**
     * Optional layers.
     *
     * @param gradientField arrows of −∇f on a grid
     * @param runVectors    each run's −gradient and update step at its current point
     * @param hessian       the Hessian's eigen-directions at the cursor, scaled by curvature
     * @param legend        the run legend
     */
    public record Overlays(boolean gradientField, boolean runVectors, boolean hessian, boolean legend) {
        public static final Overlays DEFAULT = new Overlays(false, false, true, true);
    }
}
