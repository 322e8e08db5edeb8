package org.losslab.engine.update;

/**
 * One link of the update, built for a batch of runs by {@link TransformConfig#newBatch}: it
 * rewrites the gradient ({@link Stage#afterStep()} false) or the parameters (true) of the active
 * runs in the {@link Update} it is given. State is allocated at construction; {@link #apply}
 * allocates nothing.
 */
public interface Transform {

    /** Applies this link to runs {@code 0 <= r < u.n}. */
    void apply(Update u);

    /**
     * Called for parameter links after the learning rate is set and before the optimizer's step, with
     * θ_t still in place: to capture θ_t (Lookahead's φ₀) or to set the rate of the update (SWALR).
     */
    default void beforeStep(Update u) {
    }

    /** True when {@link #beforeStep} may rewrite the learning rate (so the optimizer must not assume it constant). */
    default boolean changesRate() {
        return false;
    }

    /** Moves run {@code from}'s settings and state to slot {@code to} (compaction of a batch). */
    void moveRun(int from, int to);
}
