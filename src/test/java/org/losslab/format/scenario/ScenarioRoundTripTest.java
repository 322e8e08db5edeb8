package org.losslab.format.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.format.InputException;
import org.losslab.format.RunSpec;
import org.losslab.format.Typed;

class ScenarioRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyReferenceScenarioSurvivesSaveAndLoad() throws Exception {
        Path refs = Path.of(getClass().getResource("/org/losslab/reference").toURI());
        try (var files = Files.list(refs)) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Scenario s = ScenarioReader.read(json);
                Path copy = dir.resolve(json.getFileName());
                ScenarioWriter.write(s, copy);
                assertEquals(s, ScenarioReader.read(copy), json.getFileName().toString());
                // Saving says no more than the author did: no defaults are written out.
                assertEquals(false, Files.readString(copy).contains("\"seed\""), "seed 0 stays implicit");
            }
        }
    }

    @Test
    void everyOptionRoundTrips() throws Exception {
        String json = """
                {
                  "format": "losslab-scenario/1",
                  "title": "All the knobs",
                  "description": "Every optional key, \\"quoted\\", and unicode: λ, κ.",
                  "surface": { "type": "regression", "n": 32, "noise": 0.25 },
                  "view": { "x": [-1, 5], "y": [-4, 2] },
                  "start": [0.5, -0.5],
                  "steps": 40,
                  "seed": 12,
                  "runs": [
                    { "label": "a, \\"b\\"", "color": "#123abc",
                      "optimizer": { "type": "adam", "lr": 0.05, "betas": [0.8, 0.99], "amsgrad": true },
                      "schedule": { "type": "multiStep", "milestones": [10, 20], "gamma": 0.5 },
                      "warmupSteps": 5, "noiseTemperature": 0.01, "samRho": 0.05, "clipNorm": 2.5,
                      "batchSize": 8, "start": [1, 1] },
                    { "optimizer": { "type": "lbfgs", "lineSearch": "strongWolfe" },
                      "schedule": { "type": "oneCycle", "maxLr": 0.5, "annealStrategy": "linear" } }
                  ]
                }
                """;
        Scenario s = ScenarioReader.read(json, "inline.json");
        Path file = dir.resolve("knobs.json");
        ScenarioWriter.write(s, file);
        Scenario back = ScenarioReader.read(file);
        assertEquals(s, back);
        assertEquals("lbfgs", back.runs().get(1).displayLabel());
        assertEquals(List.of(10L, 20L), back.runs().get(0).schedule().params().get("milestones"));
        // And it runs: minibatches, SAM, clipping, noise and warmup together.
        var trajectories = back.simulation().run(Runnable::run, org.losslab.engine.Cancellation.NEVER);
        assertEquals(41, trajectories.get(0).size());
        assertTrue(Double.isFinite(trajectories.get(0).loss(40)));
    }

    @Test
    void editsAreValidatedByTheSameRules() throws Exception {
        Scenario s = ScenarioReader.read(Path.of(getClass().getResource("/org/losslab/reference/rosenbrock-sgd-momentum.json").toURI()));
        RunSpec bad = s.runs().get(0).withOptimizer(s.runs().get(0).optimizer().with("lr", -1.0));
        InputException e = assertThrows(InputException.class, () -> ScenarioReader.validate(s.withRun(0, bad), "edit"));
        assertEquals("edit: $.runs[0].optimizer.lr: must be ≥ 0, got -1", e.getMessage());
        Scenario formula = s.withSurface(Typed.of("expression").with("f", "x^2 + (y"));
        e = assertThrows(InputException.class, () -> ScenarioReader.validate(formula, "edit"));
        assertTrue(e.where().startsWith("$.surface.f, column "), e.getMessage());
    }
}
