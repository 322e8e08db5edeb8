package org.losslab.format.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.Sgd;
import org.losslab.format.InputException;

/** SGD's {@code lineSearch} and Adam's {@code biasCorrection} through the strict scenario reader and back. */
class OptimizerSwitchesTest {
    static String scenario(String optimizer) {
        return """
                { "format": "losslab-scenario/1", "surface": { "type": "quadratic" }, "start": [-2.5, 0.3], "steps": 10,
                  "runs": [ { "optimizer": %s } ] }
                """.formatted(optimizer);
    }

    @Test
    void readsBuildsAndWritesBackBothSwitches() throws InputException {
        Scenario s = ScenarioReader.read(scenario("{ \"type\": \"sgd\", \"lr\": 0.5, \"lineSearch\": \"armijo\" }"), "a.json");
        Sgd.Config sgd = (Sgd.Config) s.runs().get(0).toRunSettings(s.start()).optimizer();
        assertEquals(Sgd.LineSearch.ARMIJO, sgd.lineSearch());
        String json = ScenarioWriter.toJson(s);
        assertTrue(json.contains("\"lineSearch\" : \"armijo\"") || json.contains("\"lineSearch\": \"armijo\""), json);
        assertEquals(s, ScenarioReader.read(json, "b.json"));

        Scenario a = ScenarioReader.read(scenario("{ \"type\": \"adam\", \"lr\": 0.1, \"biasCorrection\": false }"), "a.json");
        Adam.Config adam = (Adam.Config) a.runs().get(0).toRunSettings(a.start()).optimizer();
        assertEquals(false, adam.biasCorrection());
        assertEquals(a, ScenarioReader.read(ScenarioWriter.toJson(a), "b.json"));

        Scenario plain = ScenarioReader.read(scenario("{ \"type\": \"adamw\" }"), "a.json");
        assertEquals(true, ((Adam.Config) plain.runs().get(0).toRunSettings(plain.start()).optimizer()).biasCorrection());
        assertEquals(false, ScenarioWriter.toJson(plain).contains("biasCorrection"));
    }

    @Test
    void badValuesAreOneLineErrorsWithTheirPath() {
        InputException e = assertThrows(InputException.class, () -> ScenarioReader.read(
                scenario("{ \"type\": \"sgd\", \"momentum\": 0.9, \"lineSearch\": \"armijo\" }"), "a.json"));
        assertEquals("a.json: $.runs[0].optimizer.lineSearch: the Armijo line search searches along the gradient and needs momentum 0",
                e.getMessage());
        e = assertThrows(InputException.class, () -> ScenarioReader.read(
                scenario("{ \"type\": \"sgd\", \"lineSearch\": \"wolfe\" }"), "a.json"));
        assertTrue(e.getMessage().startsWith("a.json: $.runs[0].optimizer.lineSearch: "), e.getMessage());
        e = assertThrows(InputException.class, () -> ScenarioReader.read(
                scenario("{ \"type\": \"adam\", \"biasCorrection\": 1 }"), "a.json"));
        assertTrue(e.getMessage().startsWith("a.json: $.runs[0].optimizer.biasCorrection: "), e.getMessage());
    }
}
