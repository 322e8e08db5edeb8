package org.losslab.engine.mlp;

/**
 * The hidden-layer nonlinearity σ, as torch.nn defines it, with its first and second derivatives
 * (the second for exact Hessian-vector products, {@link HessianVector}). Layers apply it to a
 * whole block of pre-activations at once, so the switch is taken once per layer, not per unit.
 */
public enum Activation {
    /** tanh z; σ′ = 1 − σ², σ″ = −2σ(1 − σ²). */
    TANH("tanh"),
    /** max(0, z); σ′ = [z &gt; 0] (torch's subgradient 0 at z = 0), σ″ = 0 (as autograd's double backward). */
    RELU("relu"),
    /** z for z &gt; 0, else 0.01·z (torch's default negative_slope); σ′ = 1 or 0.01, σ″ = 0. */
    LEAKY_RELU("leakyRelu"),
    /** 1/(1 + e^(−z)); σ′ = σ(1 − σ), σ″ = σ(1 − σ)(1 − 2σ). */
    SIGMOID("sigmoid"),
    /** z·Φ(z), the exact (erf) GELU; σ′ = Φ(z) + z·φ(z), σ″ = φ(z)(2 − z²). */
    GELU("gelu"),
    /** z: a deep linear network; σ′ = 1, σ″ = 0. */
    IDENTITY("identity");

    static final double LEAKY_SLOPE = 0.01;

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** The config name: tanh, relu, leakyRelu, sigmoid, gelu, identity. */
    public String id() {
        return id;
    }

    public static Activation of(String id) {
        for (Activation a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation \"" + id + "\"");
    }

    /** a[i] = σ(z[i]) for from ≤ i &lt; to. */
    void forward(double[] z, double[] a, int from, int to) {
        switch (this) {
            case TANH:
                MlpMath.tanh(z, a, from, to);
                break;
            case RELU:
                for (int i = from; i < to; i++) {
                    a[i] = Math.max(z[i], 0.0);
                }
                break;
            case LEAKY_RELU:
                for (int i = from; i < to; i++) {
                    double v = z[i];
                    a[i] = v > 0 ? v : LEAKY_SLOPE * v;
                }
                break;
            case SIGMOID:
                for (int i = from; i < to; i++) {
                    a[i] = MlpMath.sigmoid(z[i]);
                }
                break;
            case GELU:
                for (int i = from; i < to; i++) {
                    a[i] = MlpMath.gelu(z[i]);
                }
                break;
            case IDENTITY:
                System.arraycopy(z, from, a, from, to - from);
                break;
            default:
                throw new AssertionError(this);
        }
    }

    /** d[i] *= σ′(z[i]) for from ≤ i &lt; to, given a = σ(z). */
    void backward(double[] z, double[] a, double[] d, int from, int to) {
        switch (this) {
            case TANH:
                for (int i = from; i < to; i++) {
                    double v = a[i];
                    d[i] *= 1 - v * v;
                }
                break;
            case RELU:
                for (int i = from; i < to; i++) {
                    d[i] = z[i] > 0 ? d[i] : 0.0;
                }
                break;
            case LEAKY_RELU:
                for (int i = from; i < to; i++) {
                    d[i] = z[i] > 0 ? d[i] : LEAKY_SLOPE * d[i];
                }
                break;
            case SIGMOID:
                for (int i = from; i < to; i++) {
                    double v = a[i];
                    d[i] *= v * (1 - v);
                }
                break;
            case GELU:
                for (int i = from; i < to; i++) {
                    d[i] *= MlpMath.geluDerivative(z[i]);
                }
                break;
            case IDENTITY:
                break;
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * The R-operator of the activation (Pearlmutter 1994) going forward: R{a} = σ′(z)·R{z}, for
     * from ≤ i &lt; to, given a = σ(z).
     *
     * @param rz R{z}. Not modified.
     * @param ra R{a}. Modified.
     */
    void rForward(double[] z, double[] a, double[] rz, double[] ra, int from, int to) {
        switch (this) {
            case TANH:
                for (int i = from; i < to; i++) {
                    double v = a[i];
                    ra[i] = (1 - v * v) * rz[i];
                }
                break;
            case RELU:
                for (int i = from; i < to; i++) {
                    ra[i] = z[i] > 0 ? rz[i] : 0.0;
                }
                break;
            case LEAKY_RELU:
                for (int i = from; i < to; i++) {
                    ra[i] = z[i] > 0 ? rz[i] : LEAKY_SLOPE * rz[i];
                }
                break;
            case SIGMOID:
                for (int i = from; i < to; i++) {
                    double v = a[i];
                    ra[i] = v * (1 - v) * rz[i];
                }
                break;
            case GELU:
                for (int i = from; i < to; i++) {
                    ra[i] = MlpMath.geluDerivative(z[i]) * rz[i];
                }
                break;
            case IDENTITY:
                System.arraycopy(rz, from, ra, from, to - from);
                break;
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Backward through the activation with the R-operator: given the gradient d = ∂ℓ/∂a and its
     * R{d}, sets R{d} ← σ′(z)·R{d} + σ″(z)·d·R{z} and then d ← σ′(z)·d (both at the same z), for
     * from ≤ i &lt; to.
     *
     * @param rz R{z}. Not modified.
     * @param d  ∂ℓ/∂a in, ∂ℓ/∂z out. Modified.
     * @param rd R{∂ℓ/∂a} in, R{∂ℓ/∂z} out. Modified.
     */
    void rBackward(double[] z, double[] a, double[] rz, double[] d, double[] rd, int from, int to) {
        switch (this) {
            case TANH:
                for (int i = from; i < to; i++) {
                    double v = a[i], s1 = 1 - v * v;
                    rd[i] = s1 * rd[i] - 2 * v * s1 * d[i] * rz[i];
                    d[i] *= s1;
                }
                break;
            case RELU:
                for (int i = from; i < to; i++) {
                    boolean on = z[i] > 0;
                    rd[i] = on ? rd[i] : 0.0;
                    d[i] = on ? d[i] : 0.0;
                }
                break;
            case LEAKY_RELU:
                for (int i = from; i < to; i++) {
                    double s1 = z[i] > 0 ? 1 : LEAKY_SLOPE;
                    rd[i] *= s1;
                    d[i] *= s1;
                }
                break;
            case SIGMOID:
                for (int i = from; i < to; i++) {
                    double v = a[i], s1 = v * (1 - v);
                    rd[i] = s1 * rd[i] + s1 * (1 - 2 * v) * d[i] * rz[i];
                    d[i] *= s1;
                }
                break;
            case GELU:
                for (int i = from; i < to; i++) {
                    double x = z[i];
                    double phi = MlpMath.normalDensity(x);
                    double s1 = MlpMath.geluDerivative(x);
                    rd[i] = s1 * rd[i] + phi * (2 - x * x) * d[i] * rz[i];
                    d[i] *= s1;
                }
                break;
            case IDENTITY:
                break;
            default:
                throw new AssertionError(this);
        }
    }
}
