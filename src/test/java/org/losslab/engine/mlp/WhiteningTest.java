package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class WhiteningTest {
    /** {mean x̃₁, mean x̃₂, var x̃₁, cov x̃₁x̃₂, var x̃₂} with the unbiased (n − 1) covariance. */
    static double[] moments(Dataset d) {
        int n = d.size();
        double m1 = 0, m2 = 0;
        for (int i = 0; i < n; i++) {
            m1 += d.x1(i);
            m2 += d.x2(i);
        }
        m1 /= n;
        m2 /= n;
        double c11 = 0, c12 = 0, c22 = 0;
        for (int i = 0; i < n; i++) {
            double a = d.x1(i) - m1, b = d.x2(i) - m2;
            c11 += a * a;
            c12 += a * b;
            c22 += b * b;
        }
        return new double[] {m1, m2, c11 / (n - 1), c12 / (n - 1), c22 / (n - 1)};
    }

    /** Points stretched 12:0.5 and correlated, far from the origin: the case whitening is for. */
    static Dataset stretched(int n, long seed) {
        Dataset moons = new DataSpec(DataKind.MOONS, n, 0.08, 0, 2, false, 0, seed).generate();
        double[] a = new double[n], b = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 40 + 12 * moons.x1(i) + 3 * moons.x2(i);
            b[i] = 0.2 + 0.9 * moons.x1(i) + 0.5 * moons.x2(i);
            y[i] = moons.y(i);
        }
        return new Dataset(a, b, y, 2);
    }

    @ParameterizedTest
    @EnumSource(value = DataKind.class, names = {"SPIRALS", "MOONS", "CIRCLES", "XOR", "BLOBS"})
    void whitenedTrainingInputsHaveIdentityCovariance(DataKind kind) {
        DataSpec.Split s = new DataSpec(kind, 500, 0.05, 0.3, 3, false, 0, 11).split();
        Dataset w = Whitening.fit(s.train()).apply(s.train());
        assertArrayEquals(new double[] {0, 0, 1, 0, 1}, moments(w), 1e-12, kind.toString());
    }

    @Test
    void stretchedCorrelatedPointsComeOutRoundAndCentred() {
        Dataset d = stretched(400, 5);
        double[] before = moments(d);
        assertTrue(before[2] / before[4] > 100 && Math.abs(before[3]) > 1, "the raw points are stretched and correlated");
        Whitening w = Whitening.fit(d);
        assertArrayEquals(new double[] {0, 0, 1, 0, 1}, moments(w.apply(d)), 1e-12);
        double[] lambda = w.variances();
        assertTrue(lambda[0] > lambda[1] && lambda[1] > 0, "largest variance first");
        // The variances are the covariance's eigenvalues: their sum is its trace, their product its determinant.
        assertEquals(before[2] + before[4], lambda[0] + lambda[1], 1e-9 * (before[2] + before[4]));
        assertEquals(before[2] * before[4] - before[3] * before[3], lambda[0] * lambda[1], 1e-9 * lambda[0] * lambda[1]);
        // Labels ride along; the transform is x̃ = P(x − μ).
        Dataset t = w.apply(d);
        double[] p = w.matrix(), mu = w.mean();
        for (int i = 0; i < d.size(); i += 37) {
            assertEquals(d.y(i), t.y(i));
            assertEquals(p[0] * (d.x1(i) - mu[0]) + p[1] * (d.x2(i) - mu[1]), t.x1(i), 1e-12);
        }
        // Each direction's largest entry is positive: the transform does not hang on the SVD's signs.
        for (int k = 0; k < 2; k++) {
            double a = p[2 * k], b = p[2 * k + 1];
            assertTrue((Math.abs(a) >= Math.abs(b) ? a : b) > 0, "row " + k);
        }
    }

    @Test
    void theTestSetGoesThroughTheTrainingSetsTransform() {
        Dataset all = stretched(600, 9);
        DataSpec.Split s = new DataSpec(DataKind.CSV, 600, 0, 0.5, 2, false, 0, 2).split(all);
        DataSpec.Split w = Whitening.whiten(s);
        assertArrayEquals(new double[] {0, 0, 1, 0, 1}, moments(w.train()), 1e-12);
        double[] test = moments(w.test());
        // Another sample of the same points: near, not exactly, centred and round.
        assertTrue(Math.abs(test[0]) < 0.2 && Math.abs(test[2] - 1) < 0.2 && Math.abs(test[3]) < 0.2, java.util.Arrays.toString(test));
        assertTrue(Math.abs(test[0]) > 1e-9, "not refitted on the test set");
    }

    @Test
    void aDirectionWithoutVarianceMapsToZero() {
        DataSpec.Split s = new DataSpec(DataKind.CURVE, 200, 0.1, 0.5, 2, false, 0, 4).split();
        Whitening w = Whitening.fit(s.train());
        Dataset t = w.apply(s.train());
        double[] m = moments(t);
        assertEquals(1, m[2], 1e-12);
        assertEquals(0, w.variances()[1]);
        for (int i = 0; i < t.size(); i++) {
            assertEquals(0, t.x2(i));
        }
    }

    @Test
    void refusesWhatCannotBeWhitened() {
        Dataset one = new Dataset(new double[] {1}, new double[] {2}, new double[] {0}, 2);
        assertThrows(IllegalArgumentException.class, () -> Whitening.fit(one));
        Dataset same = new Dataset(new double[] {1, 1, 1}, new double[] {2, 2, 2}, new double[] {0, 1, 0}, 2);
        assertThrows(IllegalArgumentException.class, () -> Whitening.fit(same));
    }
}
