package org.losslab.engine.mlp;

/**
 * A dataset as a network reads it: the input features computed once, stored feature-major
 * ("example-innermost": feature f of example i at {@code x[f·n + i]}) so the layer loops run over
 * consecutive examples and vectorize, and the targets. Immutable after construction.
 */
final class Examples {
    final int n;
    final int features;
    final double[] x;
    final double[] y;
    final int classes;

    Examples(Architecture arch, Dataset d) {
        n = d.size();
        features = arch.features().size();
        x = new double[features * n];
        y = new double[n];
        classes = d.classes();
        for (int f = 0; f < features; f++) {
            Feature feature = arch.features().get(f);
            for (int i = 0; i < n; i++) {
                x[f * n + i] = feature.of(d.x1(i), d.x2(i));
            }
        }
        for (int i = 0; i < n; i++) {
            y[i] = d.y(i);
        }
    }
}
