package org.losslab.engine.surface.expr;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function and operator: its value against java.lang.Math, its gradient against
 * fourth-order central differences of the value, and its Hessian against the same differences of
 * the exact gradient, taken both ways for f_xy (∂f_x/∂y and ∂f_y/∂x), which checks symmetry.
 * Points are random; those within reach of a kink are skipped, since differences cannot see one.
 * (Finite differences are a test-only check: the surface itself differentiates exactly.)
 */
class ExpressionDerivativesTest {

    /** The argument every function is applied to: it depends on x and y and mixes them. */
    private static final String U = "(0.6*x - 0.4*y + 0.3*x*y)";

    private static double u(double x, double y) {
        return 0.6 * x - 0.4 * y + 0.3 * x * y;
    }

    private static final double H = 1e-3;
    private static final int POINTS = 200;

    record Case(String formula, DoubleBinaryOperator f, double lo, double hi, DoubleBinaryOperator kink, double margin) {
        @Override
        public String toString() {
            return formula;
        }
    }

    private static Case of(String formula, DoubleBinaryOperator f, double lo, double hi) {
        return new Case(formula, f, lo, hi, (x, y) -> 1, 0);
    }

    /** A function of u on [−1, 1]². */
    private static Case ofU(String function, DoubleUnaryOperator f) {
        return of(function + "(" + U + ")", (x, y) -> f.applyAsDouble(u(x, y)), -1, 1);
    }

    /** Skip points where {@code kink} is within 0.05 of zero. */
    private static Case kinked(Case c, DoubleBinaryOperator kink) {
        return new Case(c.formula, c.f, c.lo, c.hi, kink, 0.05);
    }

    /**
     * Skip points where {@code u} is within 0.3 of a pole: near one, high derivatives make
     * the differences' truncation error too large to check against.
     */
    private static Case pole(Case c) {
        return new Case(c.formula, c.f, c.lo, c.hi, ExpressionDerivativesTest::u, 0.3);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                ofU("sin", Math::sin),
                ofU("cos", Math::cos),
                ofU("tan", Math::tan),
                of("asin(0.5*" + U + ")", (x, y) -> Math.asin(0.5 * u(x, y)), -1, 1),
                of("acos(0.5*" + U + ")", (x, y) -> Math.acos(0.5 * u(x, y)), -1, 1),
                ofU("atan", Math::atan),
                ofU("sinh", Math::sinh),
                ofU("cosh", Math::cosh),
                ofU("tanh", Math::tanh),
                ofU("exp", Math::exp),
                of("log(" + U + " + 2)", (x, y) -> Math.log(u(x, y) + 2), -1, 1),
                of("sqrt(" + U + " + 2)", (x, y) -> Math.sqrt(u(x, y) + 2), -1, 1),
                kinked(ofU("abs", Math::abs), ExpressionDerivativesTest::u),
                of("sigmoid(3*" + U + ")", (x, y) -> 1 / (1 + Math.exp(-3 * u(x, y))), -1, 1),
                // 20u crosses softplus's threshold 20 inside the box
                kinked(of("softplus(20*" + U + ")", (x, y) -> {
                    double z = 20 * u(x, y);
                    return z > 20 ? z : Math.log1p(Math.exp(z));
                }, -1.5, 1.5), (x, y) -> 20 * u(x, y) - 20),
                kinked(of("min(" + U + ", x^2 - y)", (x, y) -> Math.min(u(x, y), x * x - y), -1, 1),
                        (x, y) -> u(x, y) - (x * x - y)),
                kinked(of("max(" + U + ", x^2 - y)", (x, y) -> Math.max(u(x, y), x * x - y), -1, 1),
                        (x, y) -> u(x, y) - (x * x - y)),
                of("pow(x^2 + 1, 0.5*y + " + U + ")", (x, y) -> Math.pow(x * x + 1, 0.5 * y + u(x, y)), -1, 1),
                of("(x + 2)^(y - 1)", (x, y) -> Math.pow(x + 2, y - 1), -1, 1),
                of("(x + 2)^(x*y)", (x, y) -> Math.pow(x + 2, x * y), -1, 1),
                of("x^3.7 + y^-1.5", (x, y) -> Math.pow(x, 3.7) + Math.pow(y, -1.5), 0.2, 2),
                ofU("", v -> v),
                of(U + "^2", (x, y) -> Math.pow(u(x, y), 2), -1, 1),
                of(U + "^3", (x, y) -> Math.pow(u(x, y), 3), -1, 1),
                pole(of(U + "^-1", (x, y) -> 1 / u(x, y), -1, 1)),
                pole(of(U + "^-2", (x, y) -> Math.pow(u(x, y), -2), -1, 1)),
                of("(" + U + " + 2)^0.5", (x, y) -> Math.sqrt(u(x, y) + 2), -1, 1),
                of("(" + U + " + 2)^-0.5", (x, y) -> 1 / Math.sqrt(u(x, y) + 2), -1, 1),
                of("2^" + U + " + e^" + U + "*pi", (x, y) -> Math.pow(2, u(x, y)) + Math.exp(u(x, y)) * Math.PI, -1, 1),
                pole(of("3/" + U, (x, y) -> 3 / u(x, y), -1, 1)),
                of(U + "/(x^2 + 1)", (x, y) -> u(x, y) / (x * x + 1), -1, 1),
                of("(x - y)/(" + U + " + 2)^2", (x, y) -> (x - y) / Math.pow(u(x, y) + 2, 2), -1, 1),
                of(U + "*sin(y)", (x, y) -> u(x, y) * Math.sin(y), -1, 1),
                of(U + " - y^2 + -" + U, (x, y) -> -y * y, -1, 1),
                of("x^4/4 - x^2 + 0.5*(y - 0.5*x)^2 + 0.1*sin(3*x)",
                        (x, y) -> x * x * x * x / 4 - x * x + 0.5 * Math.pow(y - 0.5 * x, 2) + 0.1 * Math.sin(3 * x),
                        -2, 2)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valueGradientAndHessianAgreeWithFiniteDifferences(Case c) {
        ExpressionSurface s = ExpressionSurface.parse(c.formula);
        Random random = new Random(c.formula.hashCode());
        int checked = 0;
        for (int i = 0; i < POINTS; i++) {
            double x = c.lo + (c.hi - c.lo) * random.nextDouble();
            double y = c.lo + (c.hi - c.lo) * random.nextDouble();
            if (nearKink(c, x, y)) {
                continue;
            }
            checked++;
            double[] g = new double[2];
            double[] h = new double[3];
            double f = s.valueAndGradient(x, y, 0, g);
            s.hessian(x, y, 0, h);
            String where = c.formula + " at (" + x + ", " + y + ")";
            close(c.f.applyAsDouble(x, y), f, 1e-12, where + ": f");
            close(diff(a -> s.value(a, y, 0), x), g[0], 1e-8, where + ": f_x");
            close(diff(b -> s.value(x, b, 0), y), g[1], 1e-8, where + ": f_y");
            close(diff(a -> gradient(s, a, y)[0], x), h[0], 1e-8, where + ": f_xx");
            close(diff(b -> gradient(s, x, b)[0], y), h[1], 1e-8, where + ": f_xy = ∂f_x/∂y");
            close(diff(a -> gradient(s, a, y)[1], x), h[1], 1e-8, where + ": f_xy = ∂f_y/∂x");
            close(diff(b -> gradient(s, x, b)[1], y), h[2], 1e-8, where + ": f_yy");
        }
        assertTrue(checked > POINTS / 3, "too few points away from kinks: " + checked);
    }

    private static boolean nearKink(Case c, double x, double y) {
        // a stencil of width 2H in x or y moves u and the kink functions here by well under 0.05
        return Math.abs(c.kink.applyAsDouble(x, y)) < c.margin;
    }

    private static double[] gradient(ExpressionSurface s, double x, double y) {
        double[] g = new double[2];
        s.valueAndGradient(x, y, 0, g);
        return g;
    }

    /** Fourth-order central difference: (−f(a+2h) + 8f(a+h) − 8f(a−h) + f(a−2h)) / 12h. */
    private static double diff(DoubleUnaryOperator f, double a) {
        return (-f.applyAsDouble(a + 2 * H) + 8 * f.applyAsDouble(a + H) - 8 * f.applyAsDouble(a - H)
                + f.applyAsDouble(a - 2 * H)) / (12 * H);
    }

    private static void close(double expected, double actual, double tolerance, String what) {
        if (!(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)))) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }
}
