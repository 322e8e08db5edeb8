package org.losslab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.engine.Cancellation;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;

/**
 * {@link Simulation#outcomes} steps the runs of one optimizer type as one batch and keeps no path;
 * each outcome must still be exactly the last point of that run stepped alone into a trajectory,
 * for every sample and reference scenario (every optimizer, schedule, link, noise and minibatches)
 * and for a scenario mixing them all.
 */
class SimulationOutcomesTest {
    static Stream<Path> scenarios() throws Exception {
        List<Path> out = new ArrayList<>();
        for (Path folder : List.of(Path.of("sample-landscapes"), Path.of("src/test/resources/org/losslab/reference"))) {
            try (var files = Files.list(folder)) {
                for (Path p : files.sorted().toList()) {
                    if (p.toString().endsWith(".json") && Files.readString(p).contains("\"format\": \"" + Scenario.FORMAT + "\"")
                            && !Files.readString(p).contains("\"scenario\"")) {
                        out.add(p);
                    }
                }
            }
        }
        return out.stream();
    }

    static void assertSameAsAlone(Scenario scenario, String name) {
        Simulation sim = scenario.simulation();
        List<Outcome> outcomes = sim.outcomes(Cancellation.NEVER);
        List<Trajectory> alone = sim.run(Runnable::run, Cancellation.NEVER);
        assertNotNull(outcomes);
        assertEquals(alone.size(), outcomes.size());
        for (int i = 0; i < alone.size(); i++) {
            Trajectory t = alone.get(i);
            Outcome o = outcomes.get(i);
            String what = name + " run " + i;
            assertEquals(t.divergedAt(), o.divergedAt(), what);
            assertEquals(t.channelNames(), o.channelNames(), what + " channels");
            for (int k = 0; k < t.channelNames().size(); k++) {
                assertEquals(Double.doubleToLongBits(t.channel(k, t.size() - 1)), Double.doubleToLongBits(o.channelValues()[k]),
                        what + " " + t.channelNames().get(k));
            }
            if (!t.diverged()) {
                int last = t.size() - 1;
                assertEquals(scenario.steps(), last, what);
                assertEquals(Double.doubleToLongBits(t.x(last)), Double.doubleToLongBits(o.x()), what + " x");
                assertEquals(Double.doubleToLongBits(t.y(last)), Double.doubleToLongBits(o.y()), what + " y");
                assertEquals(Double.doubleToLongBits(t.loss(last)), Double.doubleToLongBits(o.loss()), what + " loss");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everySampleBatchedEqualsEachRunAlone(Path file) throws Exception {
        assertSameAsAlone(ScenarioReader.read(file), file.getFileName().toString());
    }

    @Test
    void manyRunsOfEveryKindInterleaved() throws Exception {
        String[] optimizers = {"{ \"type\": \"sgd\", \"lr\": 0.01, \"momentum\": 0.9, \"nesterov\": true }", "{ \"type\": \"adam\", \"lr\": 0.05 }",
                "{ \"type\": \"rmsprop\", \"lr\": 0.01, \"centered\": true }", "{ \"type\": \"lbfgs\", \"lineSearch\": \"strongWolfe\" }",
                "{ \"type\": \"newton\", \"damping\": 0.5 }", "{ \"type\": \"cmaes\" }", "{ \"type\": \"adagrad\", \"lr\": 0.1 }",
                "{ \"type\": \"nadam\" }", "{ \"type\": \"sgd\", \"lr\": 5 }"};
        String[] extras = {"", ", \"noiseTemperature\": 0.05", ", \"samRho\": 0.05", ", \"clipNorm\": 1",
                ", \"warmupSteps\": 5, \"schedule\": { \"type\": \"cosine\" }", ", \"schedule\": { \"type\": \"plateau\", \"patience\": 2 }"};
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            runs.append(i == 0 ? "" : ",\n").append("{ \"optimizer\": ").append(optimizers[i % optimizers.length])
                    .append(extras[(i / 3) % extras.length]).append(", \"start\": [").append(-1.5 + 0.01 * i).append(", 1] }");
        }
        String text = "{ \"format\": \"losslab-scenario/1\", \"surface\": { \"type\": \"himmelblau\" }, \"start\": [0, 0], \"steps\": 40, "
                + "\"seed\": 7, \"runs\": [" + runs + "] }";
        assertSameAsAlone(ScenarioReader.read(text, "mixed"), "mixed");
    }
}
