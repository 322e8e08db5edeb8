package org.losslab.engine.update;

import org.losslab.engine.random.Seeds;

/**
 * Where the runs of a batch draw their randomness: run r of the batch uses the streams of run
 * {@code runs[r]} of its scenario or training, seeded from {@code seed} ({@link Seeds}). A sweep
 * gives many cells the streams of the one run they vary, so each cell replays that run's noise.
 */
public final class RandomStreams {
    private final long seed;
    private final int[] runs;

    /** @param runs the run index of each slot. Not modified. */
    public RandomStreams(long seed, int[] runs) {
        this.seed = seed;
        this.runs = runs.clone();
    }

    /** The seed of slot r's stream for {@code purpose} ({@link Seeds#NOISE}, {@link Seeds#BATCHES}, …). */
    public long seed(int slot, int purpose) {
        return Seeds.of(seed, runs[slot], purpose);
    }
}
