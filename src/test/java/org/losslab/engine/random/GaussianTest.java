package org.losslab.engine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianTest {

    @Test
    void momentsOfAMillionDrawsAreThoseOfTheStandardNormal() {
        Gaussian z = new Gaussian(12345);
        int n = 1_000_000;
        double s1 = 0, s2 = 0, s3 = 0, s4 = 0;
        int within1 = 0;
        for (int i = 0; i < n; i++) {
            double v = z.next();
            s1 += v;
            s2 += v * v;
            s3 += v * v * v;
            s4 += v * v * v * v;
            if (Math.abs(v) < 1) {
                within1++;
            }
        }
        // Bounds of 5 standard errors: √(1/n), √(2/n), √(6/n), √(96/n), √(p(1−p)/n).
        assertEquals(0, s1 / n, 5 * Math.sqrt(1.0 / n), "mean");
        assertEquals(1, s2 / n, 5 * Math.sqrt(2.0 / n), "variance");
        assertEquals(0, s3 / n, 5 * Math.sqrt(6.0 / n), "skewness");
        assertEquals(3, s4 / n, 5 * Math.sqrt(96.0 / n), "fourth moment");
        double p = 0.6826894921370859;
        assertEquals(p, (double) within1 / n, 5 * Math.sqrt(p * (1 - p) / n), "P(|z| < 1)");
    }

    @Test
    void aSeedFixesTheSequence() {
        Gaussian a = new Gaussian(99), b = new Gaussian(99), c = new Gaussian(100);
        Gaussian shared = new Gaussian(new SplittableRandom(99));
        boolean differs = false;
        for (int i = 0; i < 1000; i++) {
            double v = a.next();
            assertEquals(v, b.next(), 0);
            assertEquals(v, shared.next(), 0);
            differs |= v != c.next();
        }
        assertEquals(true, differs, "another seed, another sequence");
    }

    @Test
    void eachPolarPairGivesTwoVariates() {
        // Replay the uniforms: the first accepted (u, v) gives u·m, then the cached v·m.
        SplittableRandom rng = new SplittableRandom(5);
        double u, v, s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * StrictMath.log(s) / s);
        double next = rng.nextDouble();

        SplittableRandom shared = new SplittableRandom(5);
        Gaussian z = new Gaussian(shared);
        assertEquals(u * m, z.next(), 0);
        assertEquals(v * m, z.next(), 0);
        assertEquals(next, shared.nextDouble(), 0, "the second variate came from the cache, not the stream");
        assertNotEquals(u * m, v * m);
    }
}
