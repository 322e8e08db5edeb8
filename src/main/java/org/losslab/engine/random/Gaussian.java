package org.losslab.engine.random;

import java.util.SplittableRandom;

/**
 * Standard normal variates N(0, 1) by the Marsaglia polar method (Marsaglia &amp; Bray 1964, "A
 * convenient method for generating normal variables", SIAM Review 6(3)):
 * <pre>
 *   u, v ~ U(−1, 1) until 0 &lt; s = u² + v² &lt; 1
 *   z₁ = u·√(−2 ln s / s),   z₂ = v·√(−2 ln s / s)
 * </pre>
 * z₁ and z₂ are independent N(0, 1); z₂ is kept for the next call. The JDK's
 * {@code RandomGenerator.nextGaussian()} (which {@link SplittableRandom} inherits) does not specify
 * its algorithm; here the sequence is fixed by the seed and this code alone, and the logarithm is
 * {@link StrictMath#log} (fdlibm), so a scenario replays bit for bit on every JVM.
 *
 * <p>Not thread-safe: give each thread (each run) its own.
 */
public final class Gaussian {
    private final SplittableRandom rng;
    private double spare;
    private boolean hasSpare;

    /** A generator with its own uniform stream, seeded with {@code seed}. */
    public Gaussian(long seed) {
        this(new SplittableRandom(seed));
    }

    /** A generator drawing its uniforms from {@code rng}, which it shares with the caller. */
    public Gaussian(SplittableRandom rng) {
        this.rng = rng;
    }

    /** The next N(0, 1) variate. */
    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u, v, s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * StrictMath.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }
}
