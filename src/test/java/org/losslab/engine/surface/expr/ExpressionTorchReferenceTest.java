package org.losslab.engine.surface.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Values, gradients and Hessians against PyTorch 1.13 float64, from
 * {@code src/test/python/expression_reference.py}: the same formulas evaluated as the reference
 * trajectories evaluate them, at random points and at kinks (sqrt and pow at 0, ties of min/max,
 * softplus at its threshold, outside asin's domain, division by zero), where NaN and ±∞ must come
 * out exactly as in torch.
 */
class ExpressionTorchReferenceTest {

    /** Different libm implementations (Java's vs torch's Sleef/glibc) differ in the last bits. */
    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest(name = "{0} at ({2}, {3}), t = {4}")
    @CsvFileSource(resources = "torch-expressions.csv", numLinesToSkip = 1, nullValues = {})
    void matchesTorch(String formula, String params, double x, double y, double t, double f, double fx, double fy,
                      String hxx, String hxy, String hyy) {
        ExpressionSurface s = ExpressionSurface.parse(formula, params(params));
        double[] g = new double[2];
        double value = s.valueAndGradient(x, y, t, g);
        assertClose(f, value, "f");
        assertClose(fx, g[0], "f_x");
        assertClose(fy, g[1], "f_y");
        assertClose(f, s.value(x, y, t), "f from value()");
        if (hxx != null) {
            double[] h = new double[3];
            s.hessian(x, y, t, h);
            assertClose(Double.parseDouble(hxx), h[0], "f_xx");
            assertClose(Double.parseDouble(hxy), h[1], "f_xy");
            assertClose(Double.parseDouble(hyy), h[2], "f_yy");
        }
    }

    private static Map<String, Double> params(String spec) {
        Map<String, Double> params = new LinkedHashMap<>();
        if (spec != null) {
            for (String kv : spec.split(";")) {
                String[] parts = kv.split("=");
                params.put(parts[0], Double.parseDouble(parts[1]));
            }
        }
        return params;
    }

    static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
        } else if (!(Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected)))) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }
}
