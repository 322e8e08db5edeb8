package org.losslab.engine.random;

/**
 * Independent random streams from one scenario seed: the stream of run i for purpose p is seeded
 * with a 64-bit mix (SplitMix64's finalizer, Steele et al. 2014) of (seed, i, p), so adding a run or
 * turning on minibatches never changes another run's noise.
 */
public final class Seeds {
    public static final int NOISE = 1;
    public static final int BATCHES = 2;
    /** An optimizer's own draws (CMA-ES's samples). */
    public static final int OPTIMIZER = 3;
    /** The rounds of a federated run (each round draws fresh streams for its clients). */
    public static final int ROUNDS = 4;
    /** A gradient estimator's perturbations (OpenAI-ES's population). */
    public static final int ESTIMATOR = 5;

    private Seeds() {
    }

    public static long of(long seed, int run, int purpose) {
        long z = seed * 0x9E3779B97F4A7C15L + (run + 1) * 0xBF58476D1CE4E5B9L + purpose * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
