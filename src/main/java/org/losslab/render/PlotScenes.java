package org.losslab.render;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.format.RunSpec;
import org.losslab.format.scenario.Scenario;

/** Builds plot frames from a scenario and its trajectories, the same way for the app and for export. */
public final class PlotScenes {
    /** Colour bands of the filled contours. */
    public static final int BANDS = 16;
    /** Grid nodes per plot pixel: the raster is smoothed when scaled, and this halves the work. */
    private static final double NODES_PER_PIXEL = 0.5;
    private static final int MAX_NODES = 420;

    private PlotScenes() {
    }

    /** Grid nodes {nx, ny} for a plot area of the given pixel size. */
    public static int[] grid(double plotWidth, double plotHeight) {
        return new int[] {
            (int) Math.max(16, Math.min(MAX_NODES, Math.ceil(plotWidth * NODES_PER_PIXEL))),
            (int) Math.max(16, Math.min(MAX_NODES, Math.ceil(plotHeight * NODES_PER_PIXEL)))};
    }

    /** The contour field for a plot of {@code width × height} pixels (t = 0). */
    public static ContourField field(Surface s, Window w, double width, double height, PlotStyle style) {
        PlotLayout L = PlotLayout.of(width, height, w, style);
        int[] n = grid(L.plotWidth(), L.plotHeight());
        return ContourField.compute(s, w, n[0], n[1], 0, BANDS, Cancellation.NEVER);
    }

    /** The paths of every run, all visible, none selected. */
    public static List<PlotScene.Path> paths(Scenario sc, List<Trajectory> trajectories) {
        List<PlotScene.Path> out = new ArrayList<>();
        for (int i = 0; i < sc.runs().size(); i++) {
            RunSpec r = sc.runs().get(i);
            Trajectory t = trajectories != null && i < trajectories.size() ? trajectories.get(i) : null;
            out.add(new PlotScene.Path(t, Colors.parse(r.displayColor(i)), r.displayLabel(), true, false));
        }
        return out;
    }

    /** The whole race at its end: every run complete, the default overlays, no cursor. */
    public static PlotScene finished(Scenario sc, Surface s, ContourField field, List<Trajectory> trajectories) {
        return new PlotScene(s, field, sc.viewOrDefault(s), paths(sc, trajectories), sc.steps(), sc.start().x(),
                sc.start().y(), null, PlotScene.Overlays.DEFAULT, List.of());
    }
}
