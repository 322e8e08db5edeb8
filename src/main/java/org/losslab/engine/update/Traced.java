package org.losslab.engine.update;

import java.util.List;

/**
 * A link whose state is worth drawing beside the path (Lookahead's slow weights, SWA's average,
 * a population's spread, the count of updates a low precision swallowed): it names a few channels
 * and gives each run's value of each after every update. The {@link UpdatePipeline} gathers the
 * channels of its links; the {@link org.losslab.engine.sim.Stepper} reports them with each point.
 */
public interface Traced {

    /** The channel names, e.g. {@code "lookahead.x"}, {@code "lookahead.y"}; fixed for the link's life. */
    List<String> channels();

    /** Channel k of the run in slot r after the last update; NaN where it has no value (yet). */
    double channel(int k, int slot);
}
