package org.losslab.engine.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Large batches take Rosenbrock's vectorized path; it must give exactly the one-point values. */
class RosenbrockBatchTest {

    @Test
    void largeBatchesEqualSinglePointsBitForBitAndLeaveThePaddingAlone() throws Exception {
        Rosenbrock s = new Rosenbrock(1, 100);
        SplittableRandom r = new SplittableRandom(5);
        for (int n : new int[] {15, 16, 100, 257}) {
            int stride = n + 13;
            double[] p = new double[2 * stride], f = new double[stride], g = new double[2 * stride];
            java.util.Arrays.fill(f, 7);
            java.util.Arrays.fill(g, 7);
            for (int i = 0; i < n; i++) {
                p[i] = r.nextDouble(-2, 2);
                p[stride + i] = r.nextDouble(-1, 3);
            }
            s.evaluate(n, stride, p, 0, f, g);
            double[] g1 = new double[2];
            for (int i = 0; i < n; i++) {
                double f1 = s.valueAndGradient(p[i], p[stride + i], 0, g1);
                assertEquals(f1, f[i], "f " + i);
                assertEquals(g1[0], g[i], "gx " + i);
                assertEquals(g1[1], g[stride + i], "gy " + i);
            }
            for (int i = n; i < stride; i++) {
                assertEquals(7, f[i]);
                assertEquals(7, g[i]);
                assertEquals(7, g[stride + i]);
            }
        }
        // Threads have their own scratch: a shared surface evaluated concurrently stays exact.
        Thread[] ts = new Thread[4];
        Throwable[] failure = new Throwable[1];
        for (int k = 0; k < ts.length; k++) {
            int seed = k;
            ts[k] = new Thread(() -> {
                try {
                    SplittableRandom rr = new SplittableRandom(seed);
                    int n = 64 + seed, stride = n;
                    double[] p = new double[2 * n], f = new double[n], g = new double[2 * n], g1 = new double[2];
                    for (int rep = 0; rep < 2000; rep++) {
                        for (int i = 0; i < 2 * n; i++) {
                            p[i] = rr.nextDouble(-2, 2);
                        }
                        s.evaluate(n, stride, p, 0, f, g);
                        int i = rep % n;
                        if (s.valueAndGradient(p[i], p[stride + i], 0, g1) != f[i] || g1[1] != g[stride + i]) {
                            throw new AssertionError("thread " + seed + " rep " + rep);
                        }
                    }
                } catch (Throwable t) {
                    failure[0] = t;
                }
            });
            ts[k].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertEquals(null, failure[0]);
    }
}
