package org.losslab.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.format.RunSpec;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;

/** The sweep tab offers the methods' keys a run can vary, with their current values. */
class SweepMethodKeysTest {

    @Test
    void objectKeysOnlyForRunsWithTheObject() throws Exception {
        Scenario s = ScenarioReader.read("""
                { "format": "losslab-scenario/1", "surface": { "type": "quadratic" }, "start": [1, 1], "steps": 10,
                  "runs": [ { "optimizer": { "type": "sgd" }, "lookahead": { "alpha": 0.3 }, "l2": 0.1 },
                            { "optimizer": { "type": "sgd" } } ] }""", "t.json");
        RunSpec with = s.runs().get(0), without = s.runs().get(1);
        assertTrue(SweepModel.keys(with).containsAll(java.util.List.of("lookahead.alpha", "lookahead.k", "clipValue", "l1", "l2")));
        assertFalse(SweepModel.keys(with).contains("swa.start"));
        assertFalse(SweepModel.keys(without).contains("lookahead.alpha"));
        assertEquals(0.3, SweepModel.current("lookahead.alpha", with, s));
        assertEquals(5.0, SweepModel.current("lookahead.k", with, s), "the default when not given");
        assertEquals(0.1, SweepModel.current("l2", with, s));
        assertTrue(Double.isNaN(SweepModel.current("clipValue", with, s)));
        assertTrue(SweepModel.help("lookahead.alpha", with).startsWith("Slow step size"));
    }
}
