package org.losslab.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.TrajectorySink;
import org.losslab.engine.surface.expr.ExpressionException;
import org.losslab.engine.surface.expr.ExpressionSurface;
import org.losslab.format.InputException;
import org.losslab.format.escape.EscapeSpec;
import org.losslab.format.federated.FederatedSpec;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;
import org.losslab.format.sweep.SweepSpec;
import org.losslab.format.train.DataCsv;
import org.losslab.format.train.TrainConfigReader;

/**
 * One fuzz target per reader and one for the expression parser (docs/fuzzing.md). The property of
 * every reader: whatever the input, it either returns or throws {@link InputException} with one line
 * that names the source and speaks our words, never another exception, a stack overflow or an
 * out-of-memory error. What a reader accepts must also be usable: a scenario it accepts round-trips
 * through the writer and runs a few steps; a formula it accepts evaluates anywhere.
 *
 * <p>{@link Fuzz} draws the inputs and counts them: 2,000 per target in every build,
 * {@code -Dlosslab.fuzz.tries=1000000} for the long runs.
 */
class FuzzTargetsTest {
    private static final Path SAMPLES = Path.of("sample-landscapes");
    private static final Path REFERENCE = Path.of("src/test/resources/org/losslab/reference");
    private static final Path NOWHERE = Path.of("target/fuzz-nowhere");

    private static final JsonMutator SCENARIOS = new JsonMutator(JsonMutator.seeds("losslab-scenario/1", SAMPLES, REFERENCE));
    private static final JsonMutator TRAINING = new JsonMutator(JsonMutator.seeds("losslab-train/1", SAMPLES));
    private static final JsonMutator SWEEPS = new JsonMutator(JsonMutator.seeds("losslab-sweep/1", SAMPLES));
    private static final JsonMutator ESCAPES = new JsonMutator(JsonMutator.seeds("losslab-escape/1", SAMPLES));
    private static final JsonMutator FEDERATED = new JsonMutator(JsonMutator.seeds("losslab-federated/1", SAMPLES));

    private static final TrajectorySink IGNORE = (run, step, x, y, loss, gradNorm, lr) -> { };

    @FunctionalInterface
    interface Reading {
        Object read() throws InputException;
    }

    /** The property every reader keeps. */
    static Object readsOrRefusesInOneLine(String source, Reading reading) {
        try {
            return reading.read();
        } catch (InputException e) {
            assertClean(e.getMessage(), source);
            return null;
        }
    }

    static void assertClean(String message, String source) {
        assertTrue(message.startsWith(source + ": "), message);
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        for (String library : new String[] {"StreamReadConstraints", "JsonReadFeature", "StreamReadFeature", "com.fasterxml",
                "REDACTED", "CTRL-CHAR", "VALUE_", "START_OBJECT", "field name", "Input length", "Exception"}) {
            assertFalse(message.contains(library), "«" + library + "» in: " + message);
        }
    }

    @Test
    void scenario() {
        Fuzz.run("scenario", SCENARIOS::next, text -> {
            Object read = readsOrRefusesInOneLine("s.json", () -> ScenarioReader.read(text, "s.json"));
            if (read instanceof Scenario s) {
                readsOrRefusesInOneLine("round trip", () -> ScenarioReader.validate(s, "round trip"));
                Scenario shortRun = s.withSteps(Math.min(s.steps(), 3)).withRuns(s.runs().subList(0, Math.min(s.runs().size(), 8)));
                shortRun.simulation().runSequentially(IGNORE, Cancellation.NEVER);
            }
        });
    }

    @Test
    void trainingConfig() {
        Fuzz.run("trainingConfig", TRAINING::next, text -> {
            readsOrRefusesInOneLine("t.json", () -> TrainConfigReader.read(text, "t.json", NOWHERE));
        });
    }

    @Test
    void sweep() {
        Fuzz.run("sweep", SWEEPS::next, text -> {
            readsOrRefusesInOneLine("w.json", () -> SweepSpec.read(text, "w.json", NOWHERE));
        });
    }

    @Test
    void escape() {
        Fuzz.run("escape", ESCAPES::next, text -> {
            readsOrRefusesInOneLine("e.json", () -> EscapeSpec.read(text, "e.json", NOWHERE));
        });
    }

    @Test
    void federatedSpec() {
        Fuzz.run("federatedSpec", FEDERATED::next, text -> {
            readsOrRefusesInOneLine("f.json", () -> FederatedSpec.read(text, "f.json"));
        });
    }

    @Test
    void dataCsv() {
        Fuzz.run("dataCsv", FuzzTargetsTest::csv, bytes -> {
            readsOrRefusesInOneLine("d.csv", () -> DataCsv.read(bytes, "d.csv", false));
            readsOrRefusesInOneLine("d.csv", () -> DataCsv.read(bytes, "d.csv", true));
        });
    }

    @Test
    void expression() {
        Fuzz.run("expression", FuzzTargetsTest::formula, formula -> {
            ExpressionSurface s;
            try {
                s = ExpressionSurface.parse(formula, Map.of("a", 2.0, "k", -0.5));
            } catch (ExpressionException e) {
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertTrue(e.column() >= 0 && e.column() <= formula.length() + 1, e.column() + " in " + formula);
                return;
            }
            double[] p = {0, 0, 1, -1, 1e308, -1e-308, Double.NaN, 0.5};
            double[] f = new double[4], g = new double[8], h = new double[12];
            s.evaluate(4, 4, p, 3, f, g);
            s.hessian(4, 4, p, 3, h);
            s.value(0.3, -0.7, 0);
        });
    }

    // --- Inputs of the CSV and expression targets. ---

    private static final String[] ROWS = {"x1,x2,label", "0,0,0", "1,1,1", "0.5,-0.25,2", "1e308,1e-308,0", "-0.0,3,1", "nan,1,0", "inf,0,1",
            "1,2", "1,2,3,4", " 1 , 2 , 1 ", "", "a,b,c", "1,2,1.5", "1,2,-1", "1,2,1001", "0x10,1,0", "1,,0", ",,"};

    private static byte[] csv(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(3) == 0 ? ROWS[r.nextInt(ROWS.length)]
                    : (r.nextGaussian() + "," + r.nextGaussian() + "," + r.nextInt(4)))
                    .append(new String[] {"\n", "\r\n", "\r"}[r.nextInt(3)]);
        }
        String text = r.nextInt(3) == 0 ? TextMutations.mutate(b.toString(), r, "0123456789.,-+eE\n\r naif", 1 + r.nextInt(3)) : b.toString();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0 && r.nextInt(6) == 0) {
            bytes[r.nextInt(bytes.length)] = (byte) (0x80 + r.nextInt(0x80)); // not UTF-8
        }
        if (r.nextInt(10) == 0) {
            byte[] bom = r.nextBoolean() ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF} : new byte[] {(byte) 0xFF, (byte) 0xFE};
            byte[] withBom = new byte[bom.length + bytes.length];
            System.arraycopy(bom, 0, withBom, 0, bom.length);
            System.arraycopy(bytes, 0, withBom, bom.length, bytes.length);
            bytes = withBom;
        }
        return bytes;
    }

    private static final String[] TOKENS = {"x", "y", "t", "a", "k", "pi", "e", "b", "1", "0", "2.5", "1e3", "1e-400", "1e400", ".5", "3.",
            "+", "-", "*", "/", "^", "(", ")", ",", " ", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "log",
            "sqrt", "abs", "sigmoid", "softplus", "min", "max", "pow", "foo", "$", "x(", "**", "é", "\t"};
    private static final String[] FORMULAS = {"x^2 + y^2", "(1 - x)^2 + 100*(y - x^2)^2", "abs(x) + a*abs(y)", "x^4/4 - x^2 + 0.5*(y - 0.5*x)^2 + 0.1*sin(3*x)",
            "0.5*(1 + k*exp(-t/a))*y^2 + 0.05*y^4", "max(x, y) - min(x^2, pow(y, 3))", "sigmoid(x) * softplus(y) + log(1 + x^2)",
            "sqrt(x^2 + y^2 + 1) - cos(2*pi*x) - e^-y"};

    private static String formula(Random r) {
        if (r.nextBoolean()) {
            String f = FORMULAS[r.nextInt(FORMULAS.length)];
            return TextMutations.mutate(f, r, "xy()+-*/^,.0123456789e ", 1 + r.nextInt(4));
        }
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 3000 : 40);
        List<String> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            b.append(TOKENS[r.nextInt(TOKENS.length)]);
        }
        assertEquals(0, open.size());
        return b.toString();
    }
}
