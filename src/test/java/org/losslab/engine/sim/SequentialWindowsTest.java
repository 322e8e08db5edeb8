package org.losslab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.format.InputException;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;

/**
 * {@link Simulation#runSequentially} steps short runs in windows of batches; what it reports is,
 * event for event and bit for bit, each run stepped alone in run order (what it did before).
 */
class SequentialWindowsTest {

    /** Every event a sink gets, folded into a hash, and counted. */
    private static final class Events implements TrajectorySink {
        long hash = 17, count;

        private void add(long v) {
            hash = hash * 1_000_003L + v;
            count++;
        }

        @Override
        public void point(int run, long step, double x, double y, double loss, double gradNorm, double lr) {
            add(run);
            add(step);
            for (double v : new double[] {x, y, loss, gradNorm, lr}) {
                add(Double.doubleToRawLongBits(v));
            }
        }

        @Override
        public void channels(int run, List<String> names) {
            add(-run - 1);
            add(names.hashCode());
        }

        @Override
        public void channelValues(int run, long step, double[] values) {
            add(-step - 1);
            for (double v : values) {
                add(Double.doubleToRawLongBits(v));
            }
        }
    }

    private static void sameAsAlone(Scenario s, String what) {
        Simulation sim = s.simulation();
        Events windows = new Events(), alone = new Events();
        assertTrue(sim.runSequentially(windows, Cancellation.NEVER));
        for (int i = 0; i < s.runs().size(); i++) {
            assertTrue(sim.runOne(i, alone, Cancellation.NEVER));
        }
        assertEquals(alone.count, windows.count, what + ": events");
        assertEquals(alone.hash, windows.hash, what + ": every event, bit for bit");
    }

    @Test
    void manyShortRunsOfMixedKindsAreEachTheRunAlone() throws Exception {
        String[] kinds = {
            "{ \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.001 } }",
            "{ \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.002, \"momentum\": 0.9, \"nesterov\": true } }",
            "{ \"optimizer\": { \"type\": \"adam\", \"lr\": 0.01 }, \"noiseTemperature\": 0.001 }",
            "{ \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.001 }, \"lookahead\": { \"k\": 3, \"alpha\": 0.5 } }",
            "{ \"optimizer\": { \"type\": \"cmaes\" } }",
            "{ \"optimizer\": { \"type\": \"sgd\", \"lr\": 0.5 } }",
            "{ \"optimizer\": { \"type\": \"rmsprop\", \"lr\": 0.01 }, \"samRho\": 0.05, \"clipNorm\": 1 }",
            "{ \"optimizer\": { \"type\": \"lbfgs\" } }",
        };
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < 9000; i++) {
            runs.append(i == 0 ? "" : ", ").append(kinds[(i * 7 + i / 5) % kinds.length]);
        }
        for (long steps : new long[] {0, 5, 40}) {
            Scenario s = ScenarioReader.read("{ \"format\": \"losslab-scenario/1\", \"surface\": { \"type\": \"rosenbrock\" }, "
                    + "\"start\": [-1.5, 2], \"steps\": " + steps + ", \"seed\": 3, \"runs\": [ " + runs + " ] }", "many.json");
            sameAsAlone(s, steps + " steps");
        }
    }

    @Test
    void everySampleIsTheRunsAlone() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.list(Path.of("sample-landscapes"))) {
            all.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        int scenarios = 0;
        for (Path p : files) {
            Scenario s;
            try {
                s = ScenarioReader.read(p);
            } catch (InputException notAScenario) {
                continue;
            }
            sameAsAlone(s, p.toString());
            scenarios++;
        }
        assertTrue(scenarios >= 20, "samples checked: " + scenarios);
    }
}
