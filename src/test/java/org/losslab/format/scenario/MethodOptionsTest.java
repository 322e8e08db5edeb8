package org.losslab.format.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.losslab.engine.update.Asam;
import org.losslab.engine.update.ClipValue;
import org.losslab.engine.update.ElasticNetPenalty;
import org.losslab.engine.update.EvolutionStrategyGradient;
import org.losslab.engine.update.Lookahead;
import org.losslab.engine.update.RunSettings;
import org.losslab.engine.update.Stage;
import org.losslab.engine.update.StochasticWeightAveraging;
import org.losslab.format.InputException;
import org.losslab.format.MethodOptions;
import org.losslab.format.RunOptions;
import org.losslab.format.RunSpec;

/** The keys of clipValue, l1, l2, samAdaptive, lookahead, swa and gradientEstimator: read, checked, saved, edited. */
class MethodOptionsTest {
    private static final String RUN = """
            { "optimizer": { "type": "adam", "lr": 0.05 }, "samRho": 0.2, "samAdaptive": true, "clipNorm": 3,
              "clipValue": 0.5, "l1": 0.01, "l2": 0.1, "lookahead": { "alpha": 0.8 },
              "swa": { "start": 20, "swaLr": 0.01, "annealStrategy": "linear" } },
            { "optimizer": { "type": "sgd" }, "l1": 0.5, "lookahead": { "alpha": 0.25 },
              "gradientEstimator": { "type": "es", "population": 6, "rankShaping": false } }""";

    private static Scenario scenario(String run) throws InputException {
        return ScenarioReader.read("""
                { "format": "losslab-scenario/1", "surface": { "type": "rosenbrock" }, "start": [-1, 1.5], "steps": 50,
                  "runs": [ %s ] }""".formatted(run), "m.json");
    }

    @Test
    void everyKeyReachesTheEngineWithItsDefaults() throws Exception {
        RunSettings r = scenario(RUN).simulation().runs().get(0);
        assertEquals(new Asam.Config(0.2), r.transform(Stage.SAM));
        assertEquals(new ClipValue.Config(0.5), r.transform(Stage.CLIP_VALUE));
        assertEquals(new ElasticNetPenalty.Config(0.01, 0.1), r.transform(Stage.PENALTY));
        assertEquals(new Lookahead.Config(5, 0.8), r.transform(Stage.LOOKAHEAD));
        assertEquals(new StochasticWeightAveraging.Config(20, 1, 0.01, 10, false), r.transform(Stage.SWA));
        assertEquals(List.of(Stage.SAM, Stage.PENALTY, Stage.CLIP_NORM, Stage.CLIP_VALUE, Stage.LOOKAHEAD, Stage.SWA),
                r.transforms().stream().map(c -> c.stage()).toList());
        RunSettings es = scenario(RUN).simulation().runs().get(1);
        assertEquals(new EvolutionStrategyGradient.Config(6, 0.1, true, false), es.transform(Stage.GRADIENT_ESTIMATOR));
        assertEquals(List.of(Stage.GRADIENT_ESTIMATOR, Stage.PENALTY, Stage.LOOKAHEAD),
                es.transforms().stream().map(c -> c.stage()).toList());
    }

    @Test
    void savingWritesBackExactlyWhatWasGiven() throws Exception {
        Scenario s = scenario(RUN);
        String json = ScenarioWriter.toJson(s);
        assertEquals(s, ScenarioReader.read(json, "saved.json"));
        assertTrue(json.replaceAll("\\s", "").contains("\"lookahead\":{\"alpha\":0.8}"), json);
        assertFalse(json.contains("\"k\""), "defaults stay implicit");
        assertTrue(json.replaceAll("\\s", "").contains("\"gradientEstimator\":{\"type\":\"es\",\"population\":6,"), json);
        // A run without the new keys saves as before.
        String plain = ScenarioWriter.toJson(scenario("{ \"optimizer\": { \"type\": \"sgd\" } }"));
        for (String key : List.of("clipValue", "l1", "l2", "samAdaptive", "lookahead", "swa", "gradientEstimator")) {
            assertFalse(plain.contains(key), plain);
        }
    }

    @Test
    void theRunFormEditsTheKeysAndKeepsWhatItDoesNotShow() throws Exception {
        RunSpec run = scenario(RUN).runs().get(0), es = scenario(RUN).runs().get(1);
        var form = RunOptions.of(run);
        assertEquals(0.8, form.params().get("lookahead.alpha"));
        assertEquals(20L, form.params().get("swa.start"));
        assertEquals(6L, RunOptions.of(es).params().get("es.population"));
        assertEquals(run, RunOptions.apply(run, form));
        assertEquals(es, RunOptions.apply(es, RunOptions.of(es)));
        assertEquals(5L, form.params().get("lookahead.k"), "the switch key shows its default");
        RunSpec off = RunOptions.apply(run, form.without("lookahead.k").without("swa.start").with("clipValue", 2.0));
        assertEquals(null, off.methods().swa());
        assertEquals(null, off.methods().lookahead());
        assertEquals(2.0, off.methods().clipValue());
        RunSpec on = RunOptions.apply(RunSpec.of(null, run.optimizer()), RunOptions.of(RunSpec.of(null, run.optimizer()))
                .with("lookahead.k", 4L));
        assertEquals(new Lookahead.Config(4, 0.5), on.toRunSettings(null).transform(Stage.LOOKAHEAD));
        assertEquals(MethodOptions.NONE, RunOptions.apply(RunSpec.of(null, run.optimizer()),
                RunOptions.of(RunSpec.of(null, run.optimizer()))).methods());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"clipValue\": 0 | $.runs[0].clipValue: must be > 0, got 0",
        "\"l1\": -0.1 | $.runs[0].l1: must be ≥ 0, got -0.1",
        "\"samAdaptive\": true | $.runs[0].samAdaptive: ASAM needs a radius: set samRho > 0",
        "\"samAdaptive\": 1 | $.runs[0].samAdaptive: must be true or false, got 1",
        "\"lookahead\": 5 | $.runs[0].lookahead: must be an object { \"k\": ..., \"alpha\": ... }, got 5",
        "\"lookahead\": { \"alpha\": 1.5 } | $.runs[0].lookahead.alpha: must be in (0, 1], got 1.5",
        "\"lookahead\": { \"kk\": 1 } | $.runs[0].lookahead.kk: unknown key for lookahead; expected one of k, alpha",
        "\"swa\": { \"every\": 2 } | $.runs[0].swa: swa needs \"start\"",
        "\"swa\": { \"start\": 1, \"annealStrategy\": \"exp\" } | $.runs[0].swa.annealStrategy: must be one of \"cos\", \"linear\", got \"exp\"",
        "\"gradientEstimator\": { \"type\": \"nes\" } | $.runs[0].gradientEstimator.type: unknown gradient estimator \"nes\"; expected one of es",
        "\"gradientEstimator\": { \"type\": \"es\", \"population\": 7 } | $.runs[0].gradientEstimator.population: an antithetic population comes in pairs: must be even, got 7",
        "\"gradientEstimator\": { \"type\": \"es\", \"sigma\": 0 } | $.runs[0].gradientEstimator.sigma: must be > 0, got 0",
    })
    void badValuesAreOneLineErrorsWithTheirPath(String key, String message) {
        InputException e = assertThrows(InputException.class,
                () -> scenario("{ \"optimizer\": { \"type\": \"sgd\" }, " + key + " }"));
        assertEquals("m.json: " + message, e.getMessage());
    }

    @Test
    void samNeedsTheExactGradient() {
        InputException e = assertThrows(InputException.class, () -> scenario(
                "{ \"optimizer\": { \"type\": \"sgd\" }, \"samRho\": 0.1, \"gradientEstimator\": { \"type\": \"es\" } }"));
        assertEquals("m.json: $.runs[0].gradientEstimator: SAM takes exact gradients at its probe; a run with a gradient "
                + "estimator cannot also set samRho", e.getMessage());
    }

    @Test
    void cmaesHasNoGradientToEstimate() {
        InputException e = assertThrows(InputException.class, () -> scenario(
                "{ \"optimizer\": { \"type\": \"cmaes\" }, \"gradientEstimator\": { \"type\": \"es\" } }"));
        assertEquals("m.json: $.runs[0].gradientEstimator: cmaes uses loss values only and never reads a gradient to estimate",
                e.getMessage());
    }
}
