package org.losslab.engine.mlp;

/**
 * The built-in datasets. Points lie in about [−1.5, 1.5]²; noise σ adds σ·N(0, 1) to each
 * coordinate (to the target of the curve).
 * <ul>
 *   <li>{@link #SPIRALS}: two interleaved spirals of 1.75 turns, r = s, angle = 3.5π·s + cπ, s ∈ [0, 1) (the Playground's);</li>
 *   <li>{@link #MOONS}: two interleaving half circles (sklearn's make_moons, centred);</li>
 *   <li>{@link #CIRCLES}: a ring of radius 1 around a ring of radius 0.5 (make_circles, factor 0.5);</li>
 *   <li>{@link #XOR}: the four quadrants of [−1, 1]², label 1 where x₁·x₂ &lt; 0, kept 0.1 off the axes;</li>
 *   <li>{@link #BLOBS}: k Gaussian blobs (σ = 0.2) centred on a circle of radius 0.8;</li>
 *   <li>{@link #CURVE}: 1-D regression y = sin(π·x₁), x₁ ~ U(−1, 1), x₂ = 0;</li>
 *   <li>{@link #CSV}: points read from a file of (x1, x2, label).</li>
 * </ul>
 */
public enum DataKind {
    SPIRALS("spirals"),
    MOONS("moons"),
    CIRCLES("circles"),
    XOR("xor"),
    BLOBS("blobs"),
    CURVE("curve"),
    CSV("csv");

    private final String id;

    DataKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DataKind of(String id) {
        for (DataKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown data type \"" + id + "\"");
    }
}
