package org.losslab.engine.mlp;

/**
 * The normalization layer of each hidden block, between its linear map and its activation
 * (Linear → normalization → σ, as in torch's usual {@code nn.Sequential(nn.Linear, nn.BatchNorm1d,
 * nn.Tanh, …)}): none, {@link BatchNorm} (statistics over the examples of the batch, running
 * statistics for evaluation) or {@link LayerNorm} (statistics over the units of each example).
 */
public enum Normalization {
    NONE("none"),
    BATCH("batch"),
    LAYER("layer");

    private final String id;

    Normalization(String id) {
        this.id = id;
    }

    /** The config name: none, batch, layer. */
    public String id() {
        return id;
    }

    public static Normalization of(String id) {
        for (Normalization n : values()) {
            if (n.id.equals(id)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown normalization \"" + id + "\"");
    }
}
