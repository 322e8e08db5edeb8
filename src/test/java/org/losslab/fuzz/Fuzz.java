package org.losslab.fuzz;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The fuzz driver: runs a property on {@link #TRIES} inputs, input i drawn by the target's own
 * generator from a {@link Random} seeded with the i-th value of one {@link SplittableRandom} stream,
 * so a failure is replayed from the run's seed and the input's index alone (both in the message).
 * {@code -Dlosslab.fuzz.tries=N} sets the count (2,000 in every build, 1,000,000 in the long runs of
 * docs/fuzzing.md), {@code -Dlosslab.fuzz.seed=S} the seed (a fresh one by default, so every build
 * tries new inputs).
 */
final class Fuzz {
    /** Inputs per target. */
    static final int TRIES = Integer.getInteger("losslab.fuzz.tries", 2000);
    /** The run's seed. */
    static final long SEED = Long.getLong("losslab.fuzz.seed", new SplittableRandom().nextLong());

    @FunctionalInterface
    interface Property<T> {
        void check(T input) throws Throwable;
    }

    private Fuzz() {
    }

    /** Checks {@code property} on {@link #TRIES} inputs of {@code generator}; the first failure fails the target. */
    static <T> void run(String target, Function<Random, T> generator, Property<T> property) {
        SplittableRandom seeds = new SplittableRandom(SEED);
        for (int i = 0; i < TRIES; i++) {
            long inputSeed = seeds.nextLong();
            T input = generator.apply(new Random(inputSeed));
            try {
                property.check(input);
            } catch (Throwable t) {
                throw new AssertionError(target + " failed on input " + i + " of " + TRIES + " (replay with -Dlosslab.fuzz.seed="
                        + SEED + "): " + t + "\ninput: " + shown(input), t);
            }
        }
        System.out.println("fuzz " + target + ": " + TRIES + " inputs checked, seed " + SEED);
    }

    private static String shown(Object input) {
        String s = input instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(input);
        return s.length() > 4000 ? s.substring(0, 4000) + "… (" + s.length() + " characters)" : s;
    }
}
