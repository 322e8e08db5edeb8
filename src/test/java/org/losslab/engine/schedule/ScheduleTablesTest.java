package org.losslab.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schedule against torch 1.13, value by value: the tables are made by
 * {@code src/test/python/schedule_tables.py}, whose {@code CASES} list holds these same cases by
 * name (type, case, optimizer lr, n, parameters).
 */
class ScheduleTablesTest {

    /** Relative tolerance of the brief; transcendental functions may differ from glibc's in the last bit. */
    static final double RELATIVE = 1e-12;

    record Case(String type, String name, double lr, long n, ScheduleConfig config) {
        @Override
        public String toString() {
            return type + "/" + name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("step", "size30", 0.1, 300, new StepSchedule(30)),
                new Case("step", "size7-half", 0.01, 300, new StepSchedule(7, 0.5)),
                new Case("step", "size1", 1.0, 400, new StepSchedule(1, 0.97)),
                new Case("step", "grow", 0.003, 300, new StepSchedule(45, 1.7)),
                new Case("multiStep", "three", 0.1, 300, new MultiStepSchedule(List.of(30, 80, 150))),
                new Case("multiStep", "zero-and-repeat", 0.05, 300, new MultiStepSchedule(List.of(0, 5, 5, 200), 0.5)),
                new Case("multiStep", "unsorted", 0.2, 300, new MultiStepSchedule(List.of(120, 40, 299, 1000), 0.3)),
                new Case("multiStep", "none", 0.2, 300, new MultiStepSchedule(List.of())),
                new Case("exponential", "slow", 0.01, 300, new ExponentialSchedule(0.99)),
                new Case("exponential", "fast", 0.3, 400, new ExponentialSchedule(0.9)),
                new Case("exponential", "grow", 1e-4, 300, new ExponentialSchedule(1.01)),
                new Case("cosine", "default", 0.1, 300, new CosineSchedule()),
                new Case("cosine", "short-etaMin", 0.05, 300, new CosineSchedule(100L, 0.001)),
                new Case("cosine", "tMax7", 0.5, 300, new CosineSchedule(7L, 0)),
                new Case("cosine", "long", 0.01, 300, new CosineSchedule(1000L, 1e-5)),
                new Case("cosine", "odd-n", 0.037, 333, new CosineSchedule(null, 0.002)),
                new Case("cosineRestarts", "t10", 0.1, 300, new CosineRestartsSchedule(10)),
                new Case("cosineRestarts", "t10-mult2-etaMin", 0.1, 400, new CosineRestartsSchedule(10, 2, 0.001)),
                new Case("cosineRestarts", "t1-mult3", 0.05, 400, new CosineRestartsSchedule(1, 3, 0)),
                new Case("cosineRestarts", "t7-etaMin", 0.2, 300, new CosineRestartsSchedule(7, 1, 0.05)),
                new Case("cosineRestarts", "t13-mult2", 0.01, 500, new CosineRestartsSchedule(13, 2, 0)),
                new Case("linear", "default", 0.1, 300, new LinearSchedule()),
                new Case("linear", "warmup-like", 0.02, 300, new LinearSchedule(0.25, 1.0, 50L)),
                new Case("linear", "beyond-n", 0.3, 300, new LinearSchedule(1.0, 0.1, 333L)),
                new Case("linear", "odd-n", 0.07, 377, new LinearSchedule(0.9, 0.3, null)),
                new Case("oneCycle", "cos", 0.01, 250, new OneCycleSchedule(0.02)),
                new Case("oneCycle", "linear", 0.01, 300, new OneCycleSchedule(0.1, null, 0.3, 25, 1e4, "linear", false)),
                new Case("oneCycle", "three-phase-cos", 0.01, 300, new OneCycleSchedule(0.05, null, 0.3, 25, 1e4, "cos", true)),
                new Case("oneCycle", "three-phase-linear", 0.01, 301,
                        new OneCycleSchedule(0.05, null, 0.37, 25, 1e4, "linear", true)),
                new Case("oneCycle", "longer-cycle", 0.01, 300, new OneCycleSchedule(0.3, 500L, 0.25, 10, 100, "cos", false)),
                new Case("oneCycle", "odd-pct", 0.01, 333, new OneCycleSchedule(0.7, null, 0.123, 3.5, 1e4, "cos", false)),
                new Case("oneCycle", "no-rise", 0.01, 300, new OneCycleSchedule(0.2, null, 0.0, 25, 1e4, "cos", false)),
                new Case("cyclic", "triangular", 0.01, 300, new CyclicSchedule(0.001, 0.01, 20, null, "triangular", 1)),
                new Case("cyclic", "triangular-down", 0.01, 400, new CyclicSchedule(0.002, 0.05, 13, 37, "triangular", 1)),
                new Case("cyclic", "triangular2", 0.01, 400, new CyclicSchedule(0.001, 0.1, 15, 35, "triangular2", 1)),
                new Case("cyclic", "exp-range", 0.01, 400, new CyclicSchedule(0.001, 0.1, 10, 30, "exp_range", 0.99)),
                new Case("cyclic", "exp-range-symmetric", 0.01, 300, new CyclicSchedule(0.01, 0.03, 25, null, "exp_range", 0.995)),
                new Case("cyclic", "sawtooth", 0.01, 300, new CyclicSchedule(0.0, 0.02, 9, 0, "triangular", 1)),
                new Case("cyclic", "default-sizes", 0.01, 300, new CyclicSchedule(0.001, 0.006)),
                new Case("plateau", "default", 0.1, 400, new PlateauSchedule()),
                new Case("plateau", "patience3-cooldown5", 0.1, 400, new PlateauSchedule(0.5, 3, 1e-4, 5, 0, 1e-8)),
                new Case("plateau", "threshold", 0.2, 400, new PlateauSchedule(0.7, 4, 0.02, 0, 0, 1e-8)),
                new Case("plateau", "minLr", 0.1, 400, new PlateauSchedule(0.1, 2, 1e-4, 0, 0.003, 1e-8)),
                new Case("plateau", "eps", 0.01, 400, new PlateauSchedule(0.1, 2, 1e-4, 0, 0, 1e-3)),
                new Case("plateau", "no-patience", 1.0, 400, new PlateauSchedule(0.9, 0, 0.0, 2, 0, 1e-8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorch(Case c) {
        double[] expected = table(c.type()).get(c.name());
        assertTrue(expected != null, "no rows for " + c + " in " + c.type() + ".csv");
        assertEquals(c.n(), expected.length, "rows of " + c);
        Schedule schedule = c.config().create(c.lr(), c.n());
        double[] losses = c.config() instanceof PlateauSchedule ? plateauLosses() : null;
        for (int s = 0; s < expected.length; s++) {
            double actual = schedule.at(s);
            if (!(Math.abs(actual - expected[s]) <= RELATIVE * Math.abs(expected[s]))) {
                fail(c + " at s = " + s + ": expected " + expected[s] + ", got " + actual);
            }
            if (losses != null) {
                schedule.observe(losses[s]);
            }
        }
    }

    @Test
    void everyTabulatedCaseIsTested() {
        Set<String> tested = cases().stream().map(Case::toString).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tabulated = new TreeSet<>();
        for (String type : cases().stream().map(Case::type).collect(Collectors.toSet())) {
            table(type).keySet().forEach(name -> tabulated.add(type + "/" + name));
        }
        assertEquals(tabulated, tested);
    }

    /** The cases of one CSV, in file order: name → lr at s = 0, 1, …. */
    static Map<String, double[]> table(String type) {
        Map<String, List<Double>> byCase = new LinkedHashMap<>();
        for (String[] row : csv(type + ".csv", "case,s,lr")) {
            List<Double> values = byCase.computeIfAbsent(row[0], k -> new ArrayList<>());
            assertEquals(values.size(), Integer.parseInt(row[1]), "s column of " + type + "/" + row[0]);
            values.add(Double.parseDouble(row[2]));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        byCase.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    static double[] plateauLosses() {
        return csv("plateau-losses.csv", "s,loss").stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray();
    }

    static List<String[]> csv(String name, String header) {
        try (InputStream in = ScheduleTablesTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, "missing test resource " + name);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertEquals(header, reader.readLine(), "header of " + name);
            try (Stream<String> lines = reader.lines()) {
                return lines.map(l -> l.split(",", -1)).collect(Collectors.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
