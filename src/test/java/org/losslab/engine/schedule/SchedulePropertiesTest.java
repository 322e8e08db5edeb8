package org.losslab.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the engine relies on besides the values: isConstant, isStateful, purity, long runs. */
class SchedulePropertiesTest {

    static Stream<ScheduleConfig> constant() {
        return Stream.of(new ConstantSchedule(), new StepSchedule(5, 1), new ExponentialSchedule(1),
                new MultiStepSchedule(List.of()), new MultiStepSchedule(List.of(3, 9), 1), new CosineSchedule(null, 0.1),
                new LinearSchedule(0.4, 0.4, null), new CosineRestartsSchedule(1), new CosineRestartsSchedule(4, 2, 0.1),
                new OneCycleSchedule(0.3, null, 0.3, 1, 1, "cos", true), new CyclicSchedule(0.02, 0.02, 3, 1, "exp_range", 0.9));
    }

    @ParameterizedTest
    @MethodSource("constant")
    void constantSchedulesSayItAndAre(ScheduleConfig config) {
        Schedule schedule = config.create(0.1, 1000);
        assertTrue(schedule.isConstant());
        double first = schedule.at(0);
        for (long s = 1; s < 1000; s++) {
            assertEquals(first, schedule.at(s), "s = " + s);
        }
    }

    static Stream<ScheduleConfig> varying() {
        return Stream.of(new StepSchedule(5), new ExponentialSchedule(0.99), new MultiStepSchedule(List.of(3)),
                new CosineSchedule(), new LinearSchedule(), new CosineRestartsSchedule(1, 2, 0), new OneCycleSchedule(0.3),
                new CyclicSchedule(0.001, 0.01, 3, null, "triangular", 1), new CyclicSchedule(0.02, 0.02, 3, 1, "exp_range", 1.1),
                new PlateauSchedule());
    }

    @ParameterizedTest
    @MethodSource("varying")
    void otherSchedulesDoNotClaimToBeConstant(ScheduleConfig config) {
        assertFalse(config.create(0.1, 1000).isConstant());
    }

    @Test
    void onlyPlateauIsStatefulAndEachCreateStartsAfresh() {
        everyType().forEach(c -> assertEquals(c instanceof PlateauSchedule, c.create(0.1, 100).isStateful(), c.type()));
        PlateauSchedule config = new PlateauSchedule(0.5, 0, 1e-4, 0, 0, 1e-8);
        Schedule a = config.create(0.1, 100);
        a.observe(1.0);
        a.observe(1.0); // not better: patience 0 reduces at once
        assertEquals(0.05, a.at(2));
        assertEquals(0.05, a.at(0), "the rate is the state, whatever s is asked");
        Schedule b = config.create(0.1, 100);
        assertEquals(0.1, b.at(2));
    }

    @Test
    void statelessSchedulesArePureFunctionsOfS() {
        everyType().filter(c -> !(c instanceof PlateauSchedule)).forEach(c -> {
            Schedule schedule = c.create(0.1, 500);
            double[] forward = new double[500];
            for (int s = 0; s < 500; s++) {
                forward[s] = schedule.at(s);
            }
            for (int s = 499; s >= 0; s -= 7) {
                assertEquals(forward[s], schedule.at(s), c.type() + " at " + s);
            }
        });
    }

    @Test
    void cosineRestartsMatchesTorchsCountersFarBeyondTheTables() {
        for (int tMult : new int[] {1, 2, 3}) {
            Schedule schedule = new CosineRestartsSchedule(7, tMult, 0.001).create(0.1, 2_000_000);
            // torch's step(): T_cur += 1; if T_cur >= T_i: T_cur -= T_i; T_i *= T_mult
            long tCur = 0, tI = 7;
            for (long s = 0; s < 2_000_000; s++) {
                if (s > 0 && ++tCur >= tI) {
                    tCur -= tI;
                    tI *= tMult;
                }
                if (s % 997 == 0 || tCur == 0 || tCur == tI - 1) {
                    double expected = 0.001 + (0.1 - 0.001) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
                    assertEquals(expected, schedule.at(s), "tMult " + tMult + " s " + s);
                }
            }
        }
    }

    @Test
    void oneCycleAndCyclicIgnoreTheOptimizersRate() {
        for (ScheduleConfig c : List.of(new OneCycleSchedule(0.3), new CyclicSchedule(0.001, 0.01, 3, 5, "triangular2", 1))) {
            Schedule a = c.create(0.1, 300), b = c.create(7.0, 300);
            for (int s = 0; s < 300; s++) {
                assertEquals(a.at(s), b.at(s));
            }
        }
        // Not exactly maxLr / divFactor: torch's cosine anneal at pct 0 is end + (start − end)/2 · 2.
        assertEquals(0.3 / 25, new OneCycleSchedule(0.3).create(0.1, 300).at(0), 1e-15, "starts at maxLr / divFactor");
        assertEquals(0.001, new CyclicSchedule(0.001, 0.01).create(0.1, 300).at(0), "starts at baseLr");
    }

    /** One valid config of every type. */
    static Stream<ScheduleConfig> everyType() {
        return Stream.of(new ConstantSchedule(), new StepSchedule(10), new MultiStepSchedule(List.of(3, 7)),
                new ExponentialSchedule(0.9), new CosineSchedule(), new CosineRestartsSchedule(10, 2, 0),
                new LinearSchedule(), new OneCycleSchedule(0.1), new CyclicSchedule(0.001, 0.01, 20, 30, "exp_range", 0.99),
                new PlateauSchedule());
    }
}
