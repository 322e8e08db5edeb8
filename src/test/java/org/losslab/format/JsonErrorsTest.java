package org.losslab.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.cli.Cli;
import org.losslab.format.escape.EscapeSpec;
import org.losslab.format.federated.FederatedSpec;
import org.losslab.format.scenario.ScenarioReader;
import org.losslab.format.sweep.SweepSpec;
import org.losslab.format.train.TrainConfigReader;

/**
 * The JSON library's errors in our words, at a line and column: no class or setting of the library
 * ({@code StreamReadConstraints}, {@code JsonReadFeature}, backquoted names, "REDACTED" sources);
 * unknown keys named; a file of another kind pointed at its command.
 */
class JsonErrorsTest {
    @TempDir
    Path dir;

    static void assertOurWords(String message) {
        for (String library : new String[] {"StreamReadConstraints", "JsonReadFeature", "StreamReadFeature", "Feature", "`", "REDACTED",
                "com.fasterxml", "(code ", "Source:", "CTRL-CHAR", "field name", "VALUE_", "START_", "\n"}) {
            assertFalse(message.contains(library), "«" + library + "» in: " + message);
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{\"a\":1,,}", "line 1, column 8: malformed JSON: unexpected ',': expected a key in double quotes"),
                Arguments.of("{\n\"a\":1", "line 2, column 6: malformed JSON: the file ends inside the object that opens at line 1, column 1 (a } is missing)"),
                Arguments.of("{\"a\":[1,2", "line 1, column 10: malformed JSON: the file ends inside the list that opens at line 1, column 6 (a ] is missing)"),
                Arguments.of("{\"a\":\"x", "line 1, column 8: malformed JSON: the file ends inside a string (a closing \" is missing)"),
                Arguments.of("{\"a\":NaN}", "line 1, column 9: malformed JSON: NaN is not a JSON number; JSON numbers are finite"),
                Arguments.of("{\"a\":-Infinity}", "malformed JSON: -Infinity is not a JSON number"),
                Arguments.of("{\"a\":abc}", "line 1, column 6: malformed JSON: unexpected word 'abc'; expected a value (a string in double quotes"),
                Arguments.of("{\"a\":01}", "malformed JSON: a number may not start with 0"),
                Arguments.of("{\"a\":1}}", "line 1, column 8: malformed JSON: '}' closes nothing; remove it"),
                Arguments.of("{\"a\":\"\u0001\"}", "malformed JSON: control character U+0001 inside a string"),
                Arguments.of("{\"a\":1,\"a\":2}", "malformed JSON: Duplicate field 'a'"),
                Arguments.of("{\"a\":-}", "malformed JSON: bad number at '}': a digit must follow the minus sign"),
                Arguments.of("{\"a\":1.}", "malformed JSON: bad number at '}': a digit must follow the decimal point"),
                Arguments.of("{\"a\":1e}", "malformed JSON: bad number at '}': a digit must follow the exponent"),
                Arguments.of("{\"a\":+1}", "malformed JSON: bad number at '+': a number may not start with +"),
                Arguments.of("[1,]", "line 1, column 4: malformed JSON: unexpected ']': expected a value"),
                Arguments.of("{\"a\":\"\\q\"}", "malformed JSON: unknown escape: a backslash before 'q' in a string"),
                // found by the long fuzz run: a backslash before a control character
                Arguments.of("{\"a\":\"\\\n\"}", "line 1, column 8: malformed JSON: unknown escape: a backslash before U+000A in a string"),
                Arguments.of("{\"a\":\"\\u12\"}", "malformed JSON: unexpected '\"': \\u must be followed by four hex digits"),
                Arguments.of("{\"a\" 1}", "malformed JSON: unexpected '1': expected a colon after the key"),
                Arguments.of("{\"a\":1 \"b\":2}", "malformed JSON: unexpected '\"': expected a comma between the entries of an object"),
                Arguments.of("[1 2]", "malformed JSON: unexpected '2': expected a comma between the items of a list"),
                Arguments.of("/* c */{}", "line 1, column 1: malformed JSON: unexpected '/': JSON has no comments"),
                Arguments.of("{\"a\":1]", "malformed JSON: ']' where '}' should close the object that opens at line 1, column 1"),
                Arguments.of("{} {}", "malformed JSON: more text after the end of the JSON value"),
                Arguments.of("[".repeat(1001) + "]".repeat(1001), "line 1, column 1002: malformed JSON: nested more than 1000 levels deep"),
                Arguments.of("[1" + "0".repeat(1000) + "]", "malformed JSON: a number longer than 1,000 characters"),
                // found by the fuzz targets (docs/fuzzing.md): control characters between tokens, characters beyond
                // ASCII (whose code the library writes as "code 233 / 0xe9") and lone surrogates
                Arguments.of("{\u000f}", "line 1, column 3: malformed JSON: control character U+000F between values; only spaces"),
                Arguments.of("{\u00e9}", "line 1, column 2: malformed JSON: unexpected 'é': expected a key in double quotes"),
                Arguments.of("{\ud800}", "line 1, column 2: malformed JSON: unexpected U+D800: expected a key in double quotes"),
                Arguments.of("[1\u2028]", "malformed JSON: unexpected U+2028: expected a comma between the items of a list"),
                // found by the long fuzz run: an exponent beyond an int escaped as the library's NumberFormatException
                Arguments.of("{\"lr\": 0.3E908896045836362}", "line 1, column 27: malformed JSON: a number whose exponent is out of range"),
                Arguments.of("[-0.3181110E3872264335]", "malformed JSON: a number whose exponent is out of range"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedJsonIsALineAndColumnAndPlainWords(String text, String expected) {
        InputException e = assertThrows(InputException.class, () -> JsonInput.parse(text, "f.json"));
        assertTrue(e.getMessage().startsWith("f.json: line "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected «" + expected + "» in " + e.getMessage());
        assertOurWords(e.getMessage());
    }

    @Test
    void aStringOverTheLibrarysLimitToo() {
        String text = "{\"title\": \"" + "a".repeat(20_000_001) + "\"}";
        InputException e = assertThrows(InputException.class, () -> JsonInput.parse(text, "f.json"));
        assertTrue(e.getMessage().matches("f\\.json: line 1, column \\d+: malformed JSON: a string longer than 20,000,000 characters"), e.getMessage());
    }

    @Test
    void anUnknownKeyIsNamedWithAGuess() {
        String good = "{\"format\": \"losslab-scenario/1\", \"surface\": {\"type\": \"rosenbrock\"}, \"start\": [0, 0], \"steps\": 3, "
                + "\"runs\": [{\"optimizer\": {\"type\": \"sgd\", \"lr\": 0.1}}]}";
        InputException e = assertThrows(InputException.class, () -> ScenarioReader.read(good.replace("\"steps\"", "\"step\""), "s.json"));
        assertTrue(e.getMessage().startsWith("s.json: $.step: unknown key \"step\" (did you mean \"steps\"?); expected one of description, format,"),
                e.getMessage());
        e = assertThrows(InputException.class, () -> ScenarioReader.read(good.replace("\"lr\"", "\"lrr\""), "s.json"));
        assertTrue(e.getMessage().startsWith("s.json: $.runs[0].optimizer.lrr: unknown key for optimizer \"sgd\": \"lrr\" (did you mean \"lr\"?); expected one of lr,"),
                e.getMessage());
        e = assertThrows(InputException.class, () -> ScenarioReader.read(good.replace("\"steps\"", "\"zzzzzz\""), "s.json"));
        assertTrue(e.getMessage().startsWith("s.json: $.zzzzzz: unknown key \"zzzzzz\"; expected one of"), e.getMessage());
        e = assertThrows(InputException.class, () -> ScenarioReader.read(good.replace("\"steps\"", "\"a\\nb\""), "s.json"));
        assertTrue(e.getMessage().startsWith("s.json: $.a\\u000ab: unknown key \"a\\u000ab\""), "one line: " + e.getMessage());
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("run", "sweep-double-well-sam.json", "this is a losslab-sweep/1 file: use `losslab sweep`"),
                Arguments.of("run", "escape-double-well.json", "this is a losslab-escape/1 file: use `losslab escape`"),
                Arguments.of("run", "mlp-two-spirals.json", "this is a losslab-train/1 file: use `losslab train`"),
                Arguments.of("run", "federated-client-drift.json", "this is a losslab-federated/1 file: use `losslab federated`"),
                Arguments.of("train", "default.json", "this is a losslab-scenario/1 file: use `losslab run`"),
                Arguments.of("sweep", "escape-double-well.json", "this is a losslab-escape/1 file: use `losslab escape`"),
                Arguments.of("escape", "mlp-two-spirals.json", "this is a losslab-train/1 file: use `losslab train`"),
                Arguments.of("federated", "sweep-double-well-sam.json", "this is a losslab-sweep/1 file: use `losslab sweep`"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void aFileOfAnotherKindNamesItsCommand(String command, String sample, String expected) throws Exception {
        Path file = Path.of("sample-landscapes", sample);
        var err = new java.io.ByteArrayOutputStream();
        int status = Cli.run(new String[] {command, file.toString()}, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        String line = err.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        assertEquals(2, status, line);
        assertTrue(line.startsWith(file + ": $.format: must be \""), line);
        assertTrue(line.endsWith(expected), line);
    }

    @Test
    void everyReaderMapsTheLibrarysErrors() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": " + "[".repeat(1200));
        for (Reading r : new Reading[] {ScenarioReader::read, TrainConfigReader::read, SweepSpec::read, EscapeSpec::read, FederatedSpec::read}) {
            InputException e = assertThrows(InputException.class, () -> r.read(bad));
            assertEquals(bad + ": line 1, column 1012: malformed JSON: nested more than 1000 levels deep", e.getMessage());
        }
    }

    @Test
    void aReferencedFileThatIsNoPathIsRefused() {
        // found by the long fuzz run: a NUL in a referenced file's name threw InvalidPathException; refused for every reader
        String sweep = "{\"format\": \"losslab-sweep/1\", \"scenario\": \"a\\u0000b.json\", \"x\": {}, \"y\": {}}";
        InputException e = assertThrows(InputException.class, () -> SweepSpec.read(sweep, "w.json", dir));
        assertEquals("w.json: $.scenario: contains the character U+0000, which no losslab file may hold", e.getMessage());
        String train = "{\"format\": \"losslab-train/1\", \"steps\": 1, \"data\": {\"type\": \"csv\", \"file\": \"\\u0000\"}, "
                + "\"runs\": [{\"optimizer\": {\"type\": \"sgd\"}}]}";
        e = assertThrows(InputException.class, () -> TrainConfigReader.read(train, "t.json", dir));
        assertEquals("t.json: $.data.file: contains the character U+0000, which no losslab file may hold", e.getMessage());
        e = assertThrows(InputException.class, () -> JsonInput.parse("{\"a\": [1, {\"b\\u0000\": 2}]}", "x.json"));
        assertEquals("x.json: $.a[1].b\\u0000: contains the character U+0000, which no losslab file may hold", e.getMessage());
    }

    private interface Reading {
        Object read(Path p) throws InputException;
    }
}
