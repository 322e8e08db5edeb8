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

    /** Moves run {@code from}'s settings and state to slot {@code to} (compaction of a batch). */
    void moveRun(int from, int to);
}
