package org.losslab.render.surface3d;

import java.util.List;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.format.Point;
import org.losslab.format.RunSpec;
import org.losslab.format.Typed;
import org.losslab.format.scenario.Scenario;

/** Small scenarios for the 3-D tests: Rosenbrock raced by three optimizers. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Scenario rosenbrock(long steps) {
        List<RunSpec> runs = List.of(
                RunSpec.of("SGD", Typed.of("sgd").with("lr", 0.0015)),
                RunSpec.of("Momentum", Typed.of("sgd").with("lr", 0.0008).with("momentum", 0.9)),
                RunSpec.of("Adam", Typed.of("adam").with("lr", 0.05)));
        return new Scenario("Rosenbrock's valley", "", Typed.of("rosenbrock"), null, new Point(-1.5, 2.5), steps, 0, runs);
    }

    public static List<Trajectory> run(Scenario s) {
        return s.simulation().run(Runnable::run, Cancellation.NEVER);
    }
}
