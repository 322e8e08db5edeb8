package org.losslab.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Step 4 of the spec's update, against the lr column of the PyTorch reference
 * {@code himmelblau-schedules.csv} (a copy of shared/reference/, made by shared/tools/torch_reference.py
 * from shared/reference/himmelblau-schedules.json): 250 steps, every run SGD with lr 0.01.
 */
class WarmupTest {

    private static final long STEPS = 250;

    @ParameterizedTest(name = "run {0}")
    @CsvSource({"0, 25", "1, 0", "2, 0", "3, 0"})
    void matchesTheReferenceRun(int run, long warmup) {
        ScheduleConfig config = switch (run) {
            case 0 -> new CosineSchedule();
            case 1 -> new ExponentialSchedule(0.99);
            case 2 -> new StepSchedule(50, 0.5);
            default -> new OneCycleSchedule(0.02);
        };
        double[] expected = referenceLr(run);
        assertEquals(STEPS, expected.length);
        Schedule schedule = config.create(0.01, STEPS - warmup);
        for (int t = 0; t < STEPS; t++) {
            double actual = Warmup.lr(t, warmup, 0.01, schedule);
            if (!(Math.abs(actual - expected[t]) <= ScheduleTablesTest.RELATIVE * Math.abs(expected[t]))) {
                fail("run " + run + " update " + t + ": expected " + expected[t] + ", got " + actual);
            }
        }
    }

    @Test
    void rampsToTheBaseRateThenHandsOverAtSZero() {
        Schedule constant = new ConstantSchedule().create(0.5, 10);
        assertEquals(0.5 * 1 / 4, Warmup.lr(0, 4, 0.5, constant));
        assertEquals(0.5 * 4 / 4, Warmup.lr(3, 4, 0.5, constant));
        Schedule countdown = new LinearSchedule(1, 0, 10L).create(0.5, 10);
        assertEquals(0.5, Warmup.lr(4, 4, 0.5, countdown), "s = 0 right after warmup");
        assertEquals(0.5 * (1 + (0.0 - 1) * 3 / 10), Warmup.lr(7, 4, 0.5, countdown));
        assertEquals(0.5, Warmup.lr(0, 0, 0.5, countdown), "no warmup: the schedule from the first update");
    }

    @Test
    void warmupAsksTheScheduleNothing() {
        Schedule refuses = new Schedule() {
            @Override
            public double at(long s) {
                throw new AssertionError("asked for s = " + s + " during warmup");
            }
        };
        for (long t = 0; t < 5; t++) {
            assertTrue(Warmup.lr(t, 5, 1, refuses) > 0);
        }
        assertThrows(AssertionError.class, () -> Warmup.lr(5, 5, 1, refuses));
    }

    /** The lr column of one run, for the updates 0..249 (rows with step 1..250). */
    private static double[] referenceLr(int run) {
        List<String[]> rows = ScheduleTablesTest.csv("himmelblau-schedules.csv", "run,label,step,x,y,loss,grad_norm,lr");
        return rows.stream()
                .filter(r -> Integer.parseInt(r[0]) == run && Integer.parseInt(r[2]) > 0)
                .mapToDouble(r -> Double.parseDouble(r[7]))
                .toArray();
    }
}
