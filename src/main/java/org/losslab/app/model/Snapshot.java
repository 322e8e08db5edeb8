package org.losslab.app.model;

import java.util.List;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.format.scenario.Scenario;

/**
 * The trajectories of one scenario, computed together: views always draw paths with the scenario
 * that produced them, never a mix of old and new.
 *
 * @param nanos how long the simulation took
 */
public record Snapshot(Scenario scenario, Surface surface, List<Trajectory> trajectories, long nanos) {

    public Snapshot {
        trajectories = List.copyOf(trajectories);
    }

    public Trajectory trajectory(int run) {
        return run >= 0 && run < trajectories.size() ? trajectories.get(run) : null;
    }
}
