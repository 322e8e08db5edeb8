package org.losslab.engine.mlp;

/**
 * An input feature computed from a point (x₁, x₂), as in the TensorFlow Playground: the raw
 * coordinates, their squares and product, and their sines. Extra features let a shallow network
 * draw curved boundaries (x₁² + x₂² separates circles with a single unit).
 */
public enum Feature {
    X1("x1", false) {
        @Override
        public double of(double x1, double x2) {
            return x1;
        }
    },
    X2("x2", true) {
        @Override
        public double of(double x1, double x2) {
            return x2;
        }
    },
    X1_SQUARED("x1Squared", false) {
        @Override
        public double of(double x1, double x2) {
            return x1 * x1;
        }
    },
    X2_SQUARED("x2Squared", true) {
        @Override
        public double of(double x1, double x2) {
            return x2 * x2;
        }
    },
    X1_X2("x1x2", true) {
        @Override
        public double of(double x1, double x2) {
            return x1 * x2;
        }
    },
    SIN_X1("sinX1", false) {
        @Override
        public double of(double x1, double x2) {
            return Math.sin(x1);
        }
    },
    SIN_X2("sinX2", true) {
        @Override
        public double of(double x1, double x2) {
            return Math.sin(x2);
        }
    };

    private final String id;
    private final boolean usesX2;

    Feature(String id, boolean usesX2) {
        this.id = id;
        this.usesX2 = usesX2;
    }

    /** The config name: x1, x2, x1Squared, x2Squared, x1x2, sinX1, sinX2. */
    public String id() {
        return id;
    }

    /** True if the feature reads x₂ (a 1-D regression curve has none). */
    public boolean usesX2() {
        return usesX2;
    }

    public abstract double of(double x1, double x2);

    public static Feature of(String id) {
        for (Feature f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature \"" + id + "\"");
    }
}
