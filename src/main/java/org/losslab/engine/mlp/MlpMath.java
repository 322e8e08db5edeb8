package org.losslab.engine.mlp;

/**
 * Scalar functions of the network, written for speed without giving up double precision.
 *
 * <p>{@link Math#tanh} is not an intrinsic on JDK 17 and costs tens of nanoseconds; the hidden
 * layers call it once per unit per example, so it would dominate a small network's step. Here
 * <pre>
 *   tanh x = sign(x) · (1 − e)/(1 + e),   e = exp(−2|x|),          for |x| ≥ 0.5
 *   tanh x = m/(m + 2),                   m = expm1(2x) by Taylor,  for |x| &lt; 0.5
 * </pre>
 * The first form has no cancellation once e ≤ e⁻¹; below that the Taylor polynomial of expm1 (to
 * the 19th power, remainder &lt; 1e-16 relative) keeps full relative accuracy near 0. Both are
 * within a few ulps of the true value (checked against {@link Math#tanh} by the tests).
 */
public final class MlpMath {
    private static final double SQRT1_2 = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    private MlpMath() {
    }

    public static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax >= 0.5) {
            // For |x| > 19.1, e < 2⁻⁵⁵ and the quotient rounds to exactly 1 (also for x = ±∞).
            double e = Math.exp(-2 * ax);
            return Math.copySign((1 - e) / (1 + e), x);
        }
        double m = expm1Small(2 * x);
        return m / (m + 2);
    }

    /**
     * a[i] = {@link #tanh}(z[i]) for from ≤ i &lt; to, bit for bit. A layer's pre-activations fall on
     * both sides of |x| = 0.5 at random, so the per-element branch of {@link #tanh} is mispredicted
     * often; here the polynomial form is first taken for every element, in a loop without branches
     * or calls that the JIT vectorizes, and the exponential form then overwrites the elements with
     * |x| ≥ 0.5. Each element gets the same operations as in {@link #tanh}, in the same order.
     *
     * @param z arguments. Not modified (unless it is {@code a}).
     * @param a results. Modified.
     */
    static void tanh(double[] z, double[] a, int from, int to) {
        if (z == a) {
            for (int i = from; i < to; i++) {
                a[i] = tanh(z[i]);
            }
            return;
        }
        for (int i = from; i < to; i++) {
            double m = expm1Small(2 * z[i]);
            a[i] = m / (m + 2);
        }
        for (int i = from; i < to; i++) {
            double x = z[i], ax = Math.abs(x);
            if (ax >= 0.5) {
                double e = Math.exp(-2 * ax);
                a[i] = Math.copySign((1 - e) / (1 + e), x);
            }
        }
    }

    /** e^y − 1 for |y| ≤ 1 by its Taylor polynomial (Horner), exact to rounding. */
    private static double expm1Small(double y) {
        double p = 1.0 / 121645100408832000.0;       // 1/19!
        p = Math.fma(p, y, 1.0 / 6402373705728000.0);
        p = Math.fma(p, y, 1.0 / 355687428096000.0);  // 1/17!
        p = Math.fma(p, y, 1.0 / 20922789888000.0);
        p = Math.fma(p, y, 1.0 / 1307674368000.0);
        p = Math.fma(p, y, 1.0 / 87178291200.0);
        p = Math.fma(p, y, 1.0 / 6227020800.0);
        p = Math.fma(p, y, 1.0 / 479001600.0);
        p = Math.fma(p, y, 1.0 / 39916800.0);
        p = Math.fma(p, y, 1.0 / 3628800.0);
        p = Math.fma(p, y, 1.0 / 362880.0);
        p = Math.fma(p, y, 1.0 / 40320.0);
        p = Math.fma(p, y, 1.0 / 5040.0);
        p = Math.fma(p, y, 1.0 / 720.0);
        p = Math.fma(p, y, 1.0 / 120.0);
        p = Math.fma(p, y, 1.0 / 24.0);
        p = Math.fma(p, y, 1.0 / 6.0);
        p = Math.fma(p, y, 0.5);
        p = Math.fma(p, y, 1.0);
        return p * y;
    }

    /** The logistic function 1/(1 + e^(−x)), as torch.sigmoid. */
    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * The error function, erf(z) = 2/√π · ∫₀^z e^(−s²) ds, by the series with positive terms
     * (Abramowitz &amp; Stegun 7.1.6)
     * <pre>  erf z = 2/√π · e^(−z²) · Σₙ 2ⁿ z^(2n+1) / (1·3·…·(2n+1))</pre>
     * which has no cancellation; beyond |z| = 6, erf z = ±1 in double precision.
     */
    public static double erf(double z) {
        double az = Math.abs(z);
        if (az >= 6) {
            return Math.copySign(1.0, z);
        }
        double z2 = az * az;
        double term = az, sum = az;
        for (int n = 1; n < 200; n++) {
            term *= 2 * z2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return Math.copySign(TWO_OVER_SQRT_PI * Math.exp(-z2) * sum, z);
    }

    /** GELU(x) = x·Φ(x) = ½x(1 + erf(x/√2)), torch's exact (erf) form. */
    public static double gelu(double x) {
        return 0.5 * x * (1 + erf(x * SQRT1_2));
    }

    /** φ(x) = e^(−x²/2)/√(2π), the standard normal density. */
    public static double normalDensity(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** GELU′(x) = Φ(x) + x·φ(x). */
    public static double geluDerivative(double x) {
        return 0.5 * (1 + erf(x * SQRT1_2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }
}
