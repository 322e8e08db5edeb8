package org.losslab.engine.surface.expr;

/**
 * Scalar functions with the semantics of the PyTorch 1.13 CPU kernels (float64) that the
 * reference evaluates expressions with, where these differ from {@link Math}.
 *
 * <p>Sources: {@code aten/src/ATen/native/Pow.cpp} and {@code cpu/PowKernel.cpp} (pow),
 * {@code cpu/Activation.cpp} (softplus), {@code cpu/UnaryOpsKernel.cpp} (sigmoid, sign),
 * {@code cpu/BinaryOpsKernel.cpp} (maximum, minimum).
 */
final class TorchMath {

    private TorchMath() {
    }

    /**
     * {@code pow(Tensor, Scalar)}, i.e. {@code u ** c} with a plain number c. torch short-cuts
     * some exponents before calling {@code std::pow}, and the short cuts round differently:
     * <pre>
     *   c = 0: 1    c = 1: u    c = ½: √u    c = −½: 1/√u    c = −1: 1/u
     *   c = 2: u·u  c = 3: u·u·u   c = −2: 1/(u·u)   otherwise std::pow(u, c)
     * </pre>
     */
    static double powScalar(double u, double c) {
        if (c == 0) {
            return 1;
        } else if (c == 1) {
            return u;
        } else if (c == 0.5) {
            return Math.sqrt(u);
        } else if (c == -0.5) {
            return 1 / Math.sqrt(u);
        } else if (c == -1) {
            return 1 / u;
        } else if (c == 2) {
            return u * u;
        } else if (c == 3) {
            return u * u * u;
        } else if (c == -2) {
            return 1 / (u * u);
        }
        return pow(u, c);
    }

    /**
     * C's {@code pow(a, b)} (C99 F.9.4.4), which torch calls for tensor exponents and Python for
     * plain numbers. It differs from {@link Math#pow} only in that {@code pow(1, b) = 1} for every b,
     * NaN included, and {@code pow(−1, ±∞) = 1}; Java gives NaN for both.
     */
    static double pow(double a, double b) {
        if (a == 1 || b == 0) {
            return 1;
        }
        if (a == -1 && Double.isInfinite(b)) {
            return 1;
        }
        return Math.pow(a, b);
    }

    /** torch.sigmoid: σ(u) = 1/(1 + exp(−u)), computed as written (0 for u → −∞, no NaN). */
    static double sigmoid(double u) {
        return 1 / (1 + Math.exp(-u));
    }

    /**
     * torch.nn.functional.softplus with beta = 1, threshold = 20: u when u &gt; 20 (where
     * log1p(exp(u)) = u to double precision anyway), else log1p(exp(u)).
     */
    static double softplus(double u) {
        return u > SOFTPLUS_THRESHOLD ? u : Math.log1p(Math.exp(u));
    }

    /** The threshold of torch's softplus; its first derivative switches at u &gt; 20, its second at u ≥ 20. */
    static final double SOFTPLUS_THRESHOLD = 20;

    /** torch.sgn for reals: (0 &lt; u) − (u &lt; 0), so 0 at ±0 and at NaN. The derivative of |u|. */
    static double sgn(double u) {
        return (u > 0 ? 1 : 0) - (u < 0 ? 1 : 0);
    }

    /** torch.maximum: NaN if either is NaN, else std::max(u, v) (which returns u on a tie). */
    static double maximum(double u, double v) {
        if (u != u || v != v) {
            return Double.NaN;
        }
        return u < v ? v : u;
    }

    /** torch.minimum: NaN if either is NaN, else std::min(u, v) (which returns u on a tie). */
    static double minimum(double u, double v) {
        if (u != u || v != v) {
            return Double.NaN;
        }
        return v < u ? v : u;
    }
}
