package org.losslab.app.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.losslab.engine.surface.Window;
import org.losslab.format.Point;
import org.losslab.format.RunSpec;
import org.losslab.format.Typed;
import org.losslab.format.scenario.Scenario;

/** The scenario the app opens on: {@code sample-landscapes/default.json} when present, else a Rosenbrock race. */
public final class DefaultScenario {
    private DefaultScenario() {
    }

    /** Plain gradient descent, heavy ball, Adam and RMSprop from the same start on Rosenbrock's valley. */
    public static Scenario rosenbrockRace() {
        return new Scenario("Rosenbrock race", "Four optimizers from one start in the curved valley; the minimum is at (1, 1).",
                new Typed("rosenbrock", java.util.Map.of()), new Window(-2, 2, -1, 3), new Point(-1.5, 2), 1000, 0,
                List.of(RunSpec.of("SGD", new Typed("sgd", java.util.Map.of("lr", 0.001))),
                        RunSpec.of("Momentum 0.9", new Typed("sgd", java.util.Map.of("lr", 0.0005, "momentum", 0.9))),
                        RunSpec.of("Adam", new Typed("adam", java.util.Map.of("lr", 0.05))),
                        RunSpec.of("RMSprop", new Typed("rmsprop", java.util.Map.of("lr", 0.005)))));
    }

    /** The default sample's file if the samples folder has one. */
    public static Path defaultFile() {
        Path dir = Samples.directory();
        if (dir == null) {
            return null;
        }
        Path p = dir.resolve("default.json");
        return Files.isRegularFile(p) ? p : null;
    }
}
