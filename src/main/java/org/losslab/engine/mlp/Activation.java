package org.losslab.engine.mlp;

/**
 * The hidden-layer nonlinearity σ, as torch.nn defines it, with its derivative. Layers apply it to
 * a whole block of pre-activations at once, so the switch is taken once per layer, not per unit.
 */
public enum Activation {
    /** tanh z; σ′ = 1 − σ². */
    TANH("tanh"),
    /** max(0, z); σ′ = [z &gt; 0] (torch's subgradient 0 at z = 0). */
    RELU("relu"),
    /** z for z &gt; 0, else 0.01·z (torch's default negative_slope); σ′ = 1 or 0.01. */
    LEAKY_RELU("leakyRelu"),
    /** 1/(1 + e^(−z)); σ′ = σ(1 − σ). */
    SIGMOID("sigmoid"),
    /** z·Φ(z), the exact (erf) GELU; σ′ = Φ(z) + z·φ(z). */
    GELU("gelu"),
    /** z: a deep linear network. */
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
                for (int i = from; i < to; i++) {
                    a[i] = MlpMath.tanh(z[i]);
                }
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
}
