package org.losslab.engine.mlp;

/**
 * The output layer and its loss, each averaged over the examples of a batch as torch's
 * {@code reduction='mean'} does. With logits z of example i:
 * <ul>
 *   <li>{@link #SIGMOID}: one unit, p = σ(z), binary cross-entropy, computed from the logit as
 *       {@code torch.nn.BCEWithLogitsLoss}: ℓ = max(z, 0) − z·y + log(1 + e^(−|z|)), ∂ℓ/∂z = σ(z) − y;</li>
 *   <li>{@link #SOFTMAX}: one unit per class, p = softmax(z), cross-entropy as
 *       {@code torch.nn.CrossEntropyLoss}: ℓ = logsumexp(z) − z_y, ∂ℓ/∂z_c = p_c − [c = y];</li>
 *   <li>{@link #LINEAR}: identity output with mean squared error as {@code torch.nn.MSELoss}, averaged over
 *       examples and output units: ℓ = (1/m)·Σ_c (z_c − y_c)², ∂ℓ/∂z_c = 2(z_c − y_c)/m. A class label
 *       y is the target itself with two classes (one unit), one-hot with more.</li>
 * </ul>
 */
public enum Output {
    SIGMOID("sigmoid"),
    SOFTMAX("softmax"),
    LINEAR("linear");

    private final String id;

    Output(String id) {
        this.id = id;
    }

    /** The config name: sigmoid (+ binary cross-entropy), softmax (+ cross-entropy), linear (+ MSE). */
    public String id() {
        return id;
    }

    public static Output of(String id) {
        for (Output o : values()) {
            if (o.id.equals(id)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown output \"" + id + "\"");
    }

    /** Output units for a task with {@code classes} classes (0 for regression). */
    public int units(int classes) {
        if (this == SOFTMAX) {
            return classes;
        }
        if (this == LINEAR && classes > 2) {
            return classes;
        }
        return 1;
    }
}
