package org.losslab.engine.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;

/**
 * What the trajectory CSV does not hold, against the references of src/test/resources/org/losslab/engine/update/methods_reference.py:
 * Lookahead's slow weights (the paper's Algorithm 1), SWA's average (torch.optim.swa_utils.AveragedModel)
 * and the ES samples (Salimans et al. 2017, the draws replayed from the run's seed), channel by
 * channel and step by step to 1e-9. The trajectories themselves are in PyTorchReferenceTest.
 */
class MethodsReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"methods-asam-lookahead", "methods-swa", "methods-es"})
    void everyChannelValueMatchesTheReference(String name) throws Exception {
        Path json = Path.of(getClass().getResource("/org/losslab/reference/" + name + ".json").toURI());
        Path csv = Path.of(getClass().getResource(name + "-channels.csv").toURI());
        Scenario s = ScenarioReader.read(json);
        List<Trajectory> runs = s.simulation().run(Runnable::run, Cancellation.NEVER);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run,step,channel,value", lines.get(0));
        assertTrue(lines.size() > 100, "reference rows: " + lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Trajectory t = runs.get(Integer.parseInt(f[0]));
            int step = Integer.parseInt(f[1]);
            int k = t.channel(f[2]);
            assertTrue(k >= 0, "run " + f[0] + " has no channel " + f[2]);
            double expected = Double.parseDouble(f[3]), actual = t.channel(k, step);
            assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), name + ": " + line);
        }
    }
}
