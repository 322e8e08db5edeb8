package org.losslab.engine.surface.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grammar, precedence, constant folding, and every kind of error with its column. */
class ExpressionParserTest {

    private static double at(String formula, double x, double y) {
        return ExpressionSurface.parse(formula).value(x, y, 0);
    }

    private static String tree(String formula) {
        return Parser.parse(formula, Map.of("a", 2.0)).toString();
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "-x^2          | (-(x ^ 2))",
        "2^3^2         | (2 ^ (3 ^ 2))",
        "x^-1          | (x ^ (-1))",
        "2^-x^2        | (2 ^ (-(x ^ 2)))",
        "-2^-2         | (-(2 ^ (-2)))",
        "1 - 2 - 3     | ((1 - 2) - 3)",
        "8 / 4 / 2     | ((8 / 4) / 2)",
        "1 + 2 * 3     | (1 + (2 * 3))",
        "2 * 3 ^ 2     | (2 * (3 ^ 2))",
        "x * -y        | (x * (-y))",
        "- -x          | (-(-x))",
        "+x + +y       | (x + y)",
        "(x + y)^2     | ((x + y) ^ 2)",
        "a*x^a         | (a * (x ^ a))",
        "max(x, -y)^2  | (max(x, (-y)) ^ 2)",
        "pow(2, x)*pi  | (pow(2, x) * pi)",
        "1e-3 + .5 + 2.| ((1e-3 + .5) + 2.)",
    })
    void precedence(String formula, String expected) {
        assertEquals(expected, tree(formula));
    }

    @Test
    void valuesOfPrecedenceCases() {
        assertEquals(-9, at("-x^2", 3, 0));
        assertEquals(512, at("2^3^2", 0, 0));
        assertEquals(0.5, at("x^-1", 2, 0));
        assertEquals(0.5, at("2^-1", 0, 0));
        assertEquals(-4, at("-2^2", 0, 0));
        assertEquals(4, at("(-2)^2", 0, 0));
        assertEquals(1.0 / 16, at("2^-x^2", 2, 0));
        assertEquals(-4, at("1 - 2 - 3", 0, 0));
        assertEquals(1, at("8/4/2", 0, 0));
        assertEquals(2, at("1 - -1", 0, 0));
        assertEquals(-6, at("x*-y", 2, 3));
        assertEquals(1, at("2 * .5", 0, 0));
        assertEquals(1, at("1e-3*1000", 0, 0));
        assertEquals(10, at("1.e1", 0, 0));
        assertEquals(250, at("2.5E+2", 0, 0));
        assertEquals(Math.E, at("e", 0, 0));
        assertEquals(Math.PI, at("pi", 0, 0));
        assertEquals(5, at(" \t x\n+\r\n y ", 2, 3));
        assertEquals(7, at("max ( x , y ) + pow( x,2 )", 2, 3));
    }

    @Test
    void paramsAreNamedNumbers() {
        ExpressionSurface s = ExpressionSurface.parse("k*x^p + y/w_2", Map.of("k", 3.0, "p", 2.0, "w_2", 4.0));
        assertEquals(3 * 4 + 0.5, s.value(2, 2, 0));
        assertEquals(Map.of("k", 3.0, "p", 2.0, "w_2", 4.0), s.params());
        assertEquals("k*x^p + y/w_2", s.source());
    }

    @Test
    void paramsAreCopied() {
        Map<String, Double> params = new HashMap<>(Map.of("k", 3.0));
        ExpressionSurface s = ExpressionSurface.parse("k*x", params);
        params.put("k", 5.0);
        assertEquals(6, s.value(2, 0, 0));
        assertThrows(UnsupportedOperationException.class, () -> s.params().put("k", 1.0));
    }

    /**
     * Python folds plain-number subexpressions before torch sees them, and nothing else: {@code x*3*7}
     * is (x·3)·7, which rounds differently from x·21.
     */
    @Test
    void foldsOnlyWhatPythonFolds() {
        assertEquals(2, length("x + 2*3^2 - sin(1)"));
        assertEquals(2, length("x*3*7"));
        assertEquals(1, length("x*(3*7)"));
        assertEquals(0, length("pi*e - 1"));
        assertEquals(0, length("x"));
        double x = 0.1;
        assertNotEquals(x * 3 * 7, x * (3 * 7));
        assertEquals(x * 3 * 7, at("x*3*7", x, 0));
        assertEquals(x * (3 * 7), at("x*(3*7)", x, 0));
    }

    private static int length(String formula) {
        return Compiler.compile(Parser.parse(formula, Map.of())).length();
    }

    @ParameterizedTest(name = "\"{0}\" fails at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                 | 1  | unexpected end of expression",
        "`   `              | 4  | unexpected end of expression",
        "x +                | 4  | unexpected end of expression",
        "x ^                | 4  | unexpected end of expression",
        "x + 2*sinn(x)      | 7  | unknown function 'sinn'",
        "( x                | 4  | expected ')'",
        "(x + 1             | 7  | expected ')'",
        "(x,y)              | 3  | expected ')'",
        "(x y)              | 4  | missing operator before 'y'",
        "x*z                | 3  | unknown variable 'z' (use x, y, t or a param)",
        "X + 1              | 1  | unknown variable 'X' (use x, y, t or a param)",
        "1 + max(x)         | 5  | 'max' takes 2 arguments, got 1",
        "min(x, y, 1)       | 1  | 'min' takes 2 arguments, got 3",
        "sin(x, y)          | 1  | 'sin' takes 1 argument, got 2",
        "y*pow()            | 3  | 'pow' takes 2 arguments, got 0",
        "sin()              | 1  | 'sin' takes 1 argument, got 0",
        "max(x y)           | 7  | missing operator before 'y'",
        "max(x              | 6  | expected ',' or ')'",
        "max(x, y           | 9  | expected ')'",
        "sqrt(x             | 7  | expected ')'",
        "max(x,)            | 7  | expected a number, variable, function or '(' but found ')'",
        "sin x              | 5  | expected '(' after 'sin'",
        "exp                | 4  | expected '(' after 'exp'",
        "x(2)               | 1  | 'x' is not a function",
        "3*pi(2)            | 3  | 'pi' is not a function",
        "x ** 2             | 3  | use '^' for powers, not '**'",
        "2x                 | 2  | missing operator before 'x'",
        "2(x+1)             | 2  | missing operator before '('",
        "x y                | 3  | missing operator before 'y'",
        "x)                 | 2  | unmatched ')'",
        "sin(x))            | 7  | unmatched ')'",
        "x,y                | 2  | unexpected ','",
        "x # 2              | 3  | unexpected character '#'",
        "x² + y             | 2  | unexpected character '²'",
        "x + . + 1          | 5  | unexpected character '.'",
        "1e+ * x            | 1  | malformed number '1e+' (the exponent needs digits)",
        "x + 2e             | 5  | malformed number '2e' (the exponent needs digits)",
        "x + * y            | 5  | expected a number, variable, function or '(' but found '*'",
        "()                 | 2  | expected a number, variable, function or '(' but found ')'",
        "*x                 | 1  | expected a number, variable, function or '(' but found '*'",
    })
    void errorsNameTheColumn(String formula, int column, String detail) {
        ExpressionException e = assertThrows(ExpressionException.class, () -> ExpressionSurface.parse(formula));
        assertEquals(column, e.column());
        assertEquals(detail, e.detail());
        assertEquals("column " + column + ": " + detail, e.getMessage());
        assertNull(e.param());
    }

    @Test
    void columnsCountCodePoints() {
        // U+1D465 (mathematical italic x) is two chars in Java but one column
        ExpressionException e = assertThrows(ExpressionException.class,
                () -> ExpressionSurface.parse("x + \uD835\uDC65"));
        assertEquals("column 5: unexpected character '\uD835\uDC65'", e.getMessage());
    }

    @Test
    void tooDeepNestingIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(Parser.MAX_NESTING + 1) + "x" + ")".repeat(Parser.MAX_NESTING + 1);
        ExpressionException e = assertThrows(ExpressionException.class, () -> ExpressionSurface.parse(deep));
        assertEquals(Parser.MAX_NESTING + 1, e.column());
        String fine = "(".repeat(Parser.MAX_NESTING - 1) + "x" + ")".repeat(Parser.MAX_NESTING - 1);
        assertEquals(2, at(fine, 2, 0));
        ExpressionException minus = assertThrows(ExpressionException.class,
                () -> ExpressionSurface.parse("-".repeat(Parser.MAX_NESTING + 1) + "x"));
        assertEquals(Parser.MAX_NESTING + 1, minus.column());
    }

    @Test
    void tooLongIsAnError() {
        String ok = "x" + "+x".repeat((Parser.MAX_TOKENS - 1) / 2);
        assertEquals((Parser.MAX_TOKENS - 1) / 2 + 1, at(ok, 1, 0));
        String tooLong = ok + "+x";
        ExpressionException e = assertThrows(ExpressionException.class, () -> ExpressionSurface.parse(tooLong));
        // every token is one character, so token k is at column k
        assertEquals(Parser.MAX_TOKENS + 1, e.column());
    }

    @ParameterizedTest(name = "param \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "x      | shadows the variable x",
        "t      | shadows the variable t",
        "pi     | shadows the constant pi",
        "e      | shadows the constant e",
        "sin    | shadows the function sin",
        "softplus | shadows the function softplus",
        "lambda | is a Python keyword, which the PyTorch reference cannot use as a name",
        "2a     | not a name (use letters, digits and _, not starting with a digit)",
        "a b    | not a name (use letters, digits and _, not starting with a digit)",
    })
    void badParamNames(String name, String detail) {
        ExpressionException e = assertThrows(ExpressionException.class,
                () -> ExpressionSurface.parse("x + y", Map.of(name, 1.0)));
        assertEquals(name, e.param());
        assertEquals(0, e.column());
        assertEquals(detail, e.detail());
        assertEquals("param '" + name + "': " + detail, e.getMessage());
    }

    @Test
    void paramWithoutValue() {
        Map<String, Double> params = new HashMap<>();
        params.put("a", null);
        ExpressionException e = assertThrows(ExpressionException.class, () -> ExpressionSurface.parse("a*x", params));
        assertEquals("param 'a': has no value", e.getMessage());
    }

    @Test
    void anExpressionExceptionIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> ExpressionSurface.parse("x +"));
    }
}
