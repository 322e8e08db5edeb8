package org.losslab.app;

import java.util.List;
import java.util.Map;
import org.losslab.format.Param;
import org.losslab.format.Point;
import org.losslab.format.Schema;
import org.losslab.format.Typed;
import org.losslab.format.scenario.Scenario;

/**
 * The scenario keys outside the catalogs (start, steps, seed), described as a schema so the same
 * generated form edits them, with the spec's meaning as help. A run's own options are
 * {@link org.losslab.format.RunOptions}.
 */
final class ScenarioOptions {
    static final Schema SCENARIO = new Schema("scenario", "Scenario", "start, length and seed of the race",
            List.of(Param.real("startX", null, "x of the start point of every run (click the plot to move it).").required(),
                    Param.real("startY", null, "y of the start point of every run.").required(),
                    Param.integer("steps", null, 0, Scenario.MAX_STEPS, "Number of updates per run.").required(),
                    Param.integer("seed", 0L, Long.MIN_VALUE, Long.MAX_VALUE, "Seed of the Langevin noise and the minibatches.")));

    private ScenarioOptions() {
    }

    static Typed of(Scenario s) {
        return new Typed("scenario", Map.of()).with("startX", s.start().x()).with("startY", s.start().y())
                .with("steps", s.steps()).with("seed", s.seed());
    }

    static Scenario apply(Scenario s, Typed t) {
        return s.withStart(new Point(SCENARIO.number(t, "startX"), SCENARIO.number(t, "startY")))
                .withSteps(SCENARIO.integer(t, "steps")).withSeed(SCENARIO.integer(t, "seed"));
    }
}
