package org.losslab.render;

import java.util.List;
import org.losslab.engine.sim.Trajectory;

/**
 * One frame of a chart of a {@link Metric} against the step.
 *
 * @param steps     the x axis runs from 0 to steps
 * @param cursor    the playback step (a vertical line)
 * @param hoverStep the step under the mouse (a card with each run's value), or −1
 */
public record ChartScene(Metric metric, List<PlotScene.Path> paths, long steps, long cursor, long hoverStep) {

    public ChartScene {
        paths = List.copyOf(paths);
    }

    /** Is there any value to draw? */
    public boolean hasData() {
        for (PlotScene.Path p : paths) {
            Trajectory t = p.trajectory();
            if (p.visible() && t != null && t.size() > 0) {
                return true;
            }
        }
        return false;
    }
}
