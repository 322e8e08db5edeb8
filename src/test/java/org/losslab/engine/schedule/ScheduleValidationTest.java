package org.losslab.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameters torch would reject, or that define no learning rate, are refused by name. */
class ScheduleValidationTest {

    static Stream<Arguments> invalid() {
        double nan = Double.NaN, inf = Double.POSITIVE_INFINITY;
        return Stream.of(
                bad(new StepSchedule(0), 100, "stepSize", "stepSize must be a positive integer, got 0"),
                bad(new StepSchedule(5, -0.1), 100, "gamma", "gamma must be a finite number ≥ 0"),
                bad(new StepSchedule(5, nan), 100, "gamma", "gamma must be"),
                bad(new MultiStepSchedule(List.of(10, -3)), 100, "milestones[1]", "milestones[1] must be an integer ≥ 0"),
                bad(new ExponentialSchedule(inf), 100, "gamma", "gamma must be a finite number ≥ 0, got Infinity"),
                bad(new CosineSchedule(0L, 0), 100, "tMax", "tMax must be a positive integer"),
                bad(new CosineSchedule(null, -1), 100, "etaMin", "etaMin must be"),
                bad(new CosineRestartsSchedule(0), 100, "t0", "t0 must be a positive integer"),
                bad(new CosineRestartsSchedule(5, 0, 0), 100, "tMult", "tMult must be an integer ≥ 1, got 0"),
                bad(new LinearSchedule(1.5, 0, null), 100, "startFactor", "startFactor must be between 0 and 1"),
                bad(new LinearSchedule(1, -0.1, null), 100, "endFactor", "endFactor must be between 0 and 1"),
                bad(new LinearSchedule(1, 0, 0L), 100, "totalIters", "totalIters must be a positive integer"),
                bad(new OneCycleSchedule(0.02, 100L, 0.3, 25, 1e4, "cos", false), 250, "totalSteps",
                        "totalSteps (100) is less than the 250 updates after warmup; torch's OneCycleLR would raise"),
                bad(new OneCycleSchedule(0.02, 0L, 0.3, 25, 1e4, "cos", false), 0, "totalSteps", "positive integer"),
                bad(new OneCycleSchedule(0), 100, "maxLr", "maxLr must be a finite number > 0"),
                bad(new OneCycleSchedule(0.1, null, 1.5, 25, 1e4, "cos", false), 100, "pctStart", "between 0 and 1"),
                bad(new OneCycleSchedule(0.1, null, 0.3, 0, 1e4, "cos", false), 100, "divFactor", "divFactor must be"),
                bad(new OneCycleSchedule(0.1, null, 0.3, 25, -1, "cos", false), 100, "finalDivFactor", "must be"),
                bad(new OneCycleSchedule(0.1, null, 0.3, 25, 1e4, "cosine", false), 100, "annealStrategy",
                        "annealStrategy must be \"cos\" or \"linear\", got \"cosine\""),
                bad(new OneCycleSchedule(0.1, null, 0.3, 25, 1e4, null, false), 100, "annealStrategy", "got null"),
                // torch: ZeroDivisionError when stepped to s = T (phase 2 of a cycle with pctStart 1 is empty)
                bad(new OneCycleSchedule(0.1, null, 1.0, 25, 1e4, "cos", false), 100, "pctStart",
                        "makes phase 2 of the cycle of 100 steps empty at update 100"),
                // torch: ZeroDivisionError at construction (phase 1 ends at p·T − 1 = 0)
                bad(new OneCycleSchedule(0.1, null, 0.01, 25, 1e4, "cos", false), 100, "pctStart",
                        "makes phase 1 of the cycle of 100 steps empty at update 0"),
                // torch: ZeroDivisionError at s = 9 (2p·T − 2 = T − 1 = 8)
                bad(new OneCycleSchedule(0.1, null, 5.0 / 9, 25, 1e4, "cos", true), 9, "pctStart", "makes phase 3"),
                bad(new CyclicSchedule(0.001, 0.01, 0, null, "triangular", 1), 100, "stepSizeUp", "positive integer"),
                bad(new CyclicSchedule(0.001, 0.01, 5, -1, "triangular", 1), 100, "stepSizeDown", "integer ≥ 0"),
                bad(new CyclicSchedule(0.001, 0.01, 5, null, "exp", 1), 100, "mode",
                        "mode must be \"triangular\", \"triangular2\" or \"exp_range\", got \"exp\""),
                bad(new CyclicSchedule(0.001, 0.01, 5, null, null, 1), 100, "mode", "got null"),
                bad(new CyclicSchedule(-0.001, 0.01), 100, "baseLr", "baseLr must be"),
                bad(new CyclicSchedule(0.001, nan), 100, "maxLr", "maxLr must be"),
                bad(new CyclicSchedule(0.001, 0.01, 5, null, "exp_range", nan), 100, "gamma", "gamma must be"),
                bad(new PlateauSchedule(1.0, 10, 1e-4, 0, 0, 1e-8), 100, "factor", "factor ≥ 1"),
                bad(new PlateauSchedule(0.1, -1, 1e-4, 0, 0, 1e-8), 100, "patience", "patience must be an integer ≥ 0"),
                bad(new PlateauSchedule(0.1, 10, -1e-4, 0, 0, 1e-8), 100, "threshold", "threshold must be"),
                bad(new PlateauSchedule(0.1, 10, 1e-4, -2, 0, 1e-8), 100, "cooldown", "cooldown must be"),
                bad(new PlateauSchedule(0.1, 10, 1e-4, 0, -1, 1e-8), 100, "minLr", "minLr must be"),
                bad(new PlateauSchedule(0.1, 10, 1e-4, 0, 0, nan), 100, "eps", "eps must be"));
    }

    private static Arguments bad(ScheduleConfig config, long n, String parameter, String message) {
        return Arguments.of(config, n, parameter, message);
    }

    @ParameterizedTest(name = "{0} with n = {1}")
    @MethodSource("invalid")
    void refusesNamingTheParameter(ScheduleConfig config, long n, String parameter, String message) {
        ScheduleParameterException e = assertThrows(ScheduleParameterException.class, () -> config.validate(n));
        assertEquals(parameter, e.parameter());
        assertTrue(e.getMessage().startsWith(parameter) || e.getMessage().contains(parameter + " "), e.getMessage());
        assertTrue(e.getMessage().contains(message), () -> "message: " + e.getMessage());
        assertThrows(ScheduleParameterException.class, () -> config.create(0.1, n), "create validates too");
    }

    static Stream<ScheduleConfig> defaults() {
        return Stream.of(new ConstantSchedule(), new StepSchedule(10), new MultiStepSchedule(List.of(3, 7)),
                new ExponentialSchedule(0.9), new CosineSchedule(), new CosineRestartsSchedule(10), new LinearSchedule(),
                new OneCycleSchedule(0.1), new CyclicSchedule(0.001, 0.01), new PlateauSchedule());
    }

    @ParameterizedTest
    @MethodSource("defaults")
    void acceptsTheSpecDefaultsAlsoWithNoUpdatesAfterWarmup(ScheduleConfig config) {
        assertDoesNotThrow(() -> config.validate(250));
        assertDoesNotThrow(() -> config.validate(0), "defaults that resolve to n = 0 are never used");
        assertDoesNotThrow(() -> config.create(0.1, 0));
        assertEquals(config.getClass().getSimpleName().replace("Schedule", ""),
                Character.toUpperCase(config.type().charAt(0)) + config.type().substring(1));
    }

    @Test
    void aNegativeHorizonIsTheCallersBugNotAParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CosineSchedule().validate(-1));
        assertFalse(e instanceof ScheduleParameterException);
    }

    @Test
    void oneCycleBoundaryCasesThatTorchAccepts() {
        // pctStart 1 is fine while the cycle outlasts the run: torch never reaches the empty phase.
        assertDoesNotThrow(() -> new OneCycleSchedule(0.1, 200L, 1.0, 25, 1e4, "cos", false).validate(100));
        // pctStart 0: phase 1 ends at −1, before any step, so it is never entered.
        assertDoesNotThrow(() -> new OneCycleSchedule(0.1, null, 0.0, 25, 1e4, "cos", false).validate(100));
        assertDoesNotThrow(() -> new OneCycleSchedule(0.1, 250L, 0.3, 25, 1e4, "linear", true).validate(250));
    }
}
