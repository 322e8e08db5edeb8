package org.losslab.engine.optim;

/**
 * The hyperparameter checks torch.optim makes in its constructors (its {@code ValueError}s),
 * named by the spec's camelCase keys so the scenario layer can point at the offending key.
 */
final class Check {
    private Check() {
    }

    /** torch's "Invalid … value" for {@code not 0.0 <= v}; NaN is invalid too. */
    static void nonNegative(String key, double v) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException(key + " must be >= 0, got " + v);
        }
    }

    /** torch's "Invalid beta parameter" for {@code not 0.0 <= beta < 1.0}. */
    static void unitInterval(String key, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(key + " must be in [0, 1), got " + v);
        }
    }

    static void positive(String key, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(key + " must be >= 1, got " + v);
        }
    }
}
