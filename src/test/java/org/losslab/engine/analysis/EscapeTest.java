package org.losslab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.Progress;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.surface.DoubleWell;
import org.losslab.engine.update.RunSettings;

class EscapeTest {
    private static final double[] TEMPERATURES = {0.23, 0.19, 0.16, 0.14, 0.125};
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static Escape escape(boolean fromSharp, int seeds, long steps) {
        return new Escape(DoubleWell.defaults(), RunSettings.of(new Sgd.Config(0.02, 0, 0, false, 0), 0, 0), fromSharp,
                TEMPERATURES, seeds, steps, 1);
    }

    /** Kramers: ln τ = ln A + ΔE/T, so the slope of ln(mean escape time) against 1/T is the barrier. */
    @Test
    void fittedArrheniusBarrierIsTheTrueBarrier() {
        for (boolean sharp : new boolean[] {true, false}) {
            EscapeResult r = escape(sharp, 128, 20_000).run(pool, 2, Cancellation.NEVER, Progress.NONE);
            EscapeResult.Arrhenius fit = r.arrhenius();
            assertNotNull(fit);
            assertEquals(DoubleWell.defaults().barrierHeight(sharp), r.trueBarrier(), 0);
            assertEquals(r.trueBarrier(), fit.barrier(), 0.2 * r.trueBarrier(), (sharp ? "sharp" : "flat") + " well");
            // Colder means slower, at every step of the ladder.
            for (int m = 1; m < TEMPERATURES.length; m++) {
                assertTrue(r.meanTime(m) > r.meanTime(m - 1), "mean escape time grows as T falls");
            }
        }
    }

    @Test
    void theFlatWellHoldsLongerAndMostRunsEndInIt() {
        // Equal barriers, but the flat well's low curvature means fewer attempts per unit time
        // (Kramers' prefactor), and its width gives it most of the Boltzmann weight.
        EscapeResult sharp = escape(true, 64, 8000).run(pool, 2, Cancellation.NEVER, Progress.NONE);
        EscapeResult flat = escape(false, 64, 8000).run(pool, 2, Cancellation.NEVER, Progress.NONE);
        for (int m = 0; m < 2; m++) {
            assertTrue(flat.meanTime(m) > 2 * sharp.meanTime(m), "T = " + TEMPERATURES[m]);
            EscapeResult.AtTemperature s = sharp.temperatures().get(m);
            assertTrue(s.inOther() > s.inStart(), "most runs started in the sharp well end in the flat one");
            assertEquals(s.runs(), s.inStart() + s.inOther() + s.diverged());
        }
    }

    @Test
    void resultsDoNotDependOnThreads() {
        Escape e = escape(true, 100, 3000);
        EscapeResult one = e.run(Runnable::run, 1, Cancellation.NEVER, Progress.NONE);
        EscapeResult two = e.run(pool, 2, Cancellation.NEVER, Progress.NONE);
        for (int m = 0; m < TEMPERATURES.length; m++) {
            assertArrayEquals(one.temperatures().get(m).passages(), two.temperatures().get(m).passages());
            assertEquals(one.temperatures().get(m).inStart(), two.temperatures().get(m).inStart());
        }
        int[] h = one.temperatures().get(0).histogram(10, 3000);
        assertEquals(one.temperatures().get(0).escaped(), java.util.Arrays.stream(h).sum());
    }

    @Test
    void cancelStopsPromptlyAndProgressCounts() {
        AtomicInteger reports = new AtomicInteger();
        long t0 = System.nanoTime();
        EscapeResult r = escape(true, 512, 5_000_000).run(pool, 2, () -> System.nanoTime() - t0 > 200_000_000L,
                (done, total) -> reports.incrementAndGet());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertNull(r);
        assertTrue(seconds < 3, "stopped after " + seconds + " s");
        AtomicInteger last = new AtomicInteger();
        escape(true, 70, 100).run(Runnable::run, 1, Cancellation.NEVER, (done, total) -> {
            assertEquals(TEMPERATURES.length * 2, total);
            last.set(done);
        });
        assertEquals(TEMPERATURES.length * 2, last.get());
    }
}
