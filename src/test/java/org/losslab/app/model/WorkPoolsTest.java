package org.losslab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.losslab.app.trainer.model.TrainerModel;

/**
 * The app's threads. The property that matters: long work never starves what the sliders drive.
 * The long-job pool is filled with tasks that block until the test lets them go, more of them
 * queued behind; a recomputation of the lab and a training step must still complete. The same
 * recomputation on one shared pool is shown to wait, so the first test would fail with one.
 */
class WorkPoolsTest {
    private static final long PATIENCE_SECONDS = 60;

    private final WorkPools pools = new WorkPools(2);
    private final CountDownLatch release = new CountDownLatch(1);
    /** The FX thread of these tests: the test thread takes what is published. */
    private final LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        pools.close();
        assertTrue(pools.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS));
    }

    /** Occupies every thread of {@code pool}, with as many tasks again waiting behind them. */
    private void saturate(java.util.concurrent.Executor pool, int threads) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(threads);
        for (int i = 0; i < 2 * threads; i++) {
            pool.execute(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(started.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the pool's threads are all taken");
    }

    /** Runs what is published until {@code done} holds; false if it did not within {@code seconds}. */
    private boolean publishUntil(BooleanSupplier done, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!done.getAsBoolean()) {
            long left = end - System.nanoTime();
            Runnable r = left > 0 ? fx.poll(left, TimeUnit.NANOSECONDS) : null;
            if (r == null) {
                return done.getAsBoolean();
            }
            r.run();
        }
        return true;
    }

    @Test
    void aSaturatedLongJobPoolDoesNotHoldUpARecomputation() throws InterruptedException {
        saturate(pools.jobs().pool(), pools.jobs().threads());
        LabModel lab = new LabModel(pools.recompute(), pools.interactive(), fx::add);
        lab.show(DefaultScenario.rosenbrockRace());
        lab.requestGrid(60, 40);
        assertTrue(publishUntil(() -> lab.snapshot() != null && lab.fieldProperty().get() != null, PATIENCE_SECONDS),
                "the paths and the contour field arrive while every long-job thread is busy");
        assertEquals(4, lab.snapshot().trajectories().size());
        String moved = lab.moveStart(0.5, 0.5);
        assertNull(moved);
        assertTrue(publishUntil(() -> lab.snapshot().scenario().equals(lab.scenario()), PATIENCE_SECONDS),
                "and so does the recomputation after an edit");
    }

    @Test
    void withOneSharedPoolTheSameRecomputationWaitsForTheLongJobs() throws InterruptedException {
        ExecutorService recompute = Executors.newSingleThreadExecutor();
        ExecutorService shared = Executors.newFixedThreadPool(2);
        try {
            saturate(shared, 2);
            LabModel lab = new LabModel(recompute, shared, fx::add);
            lab.show(DefaultScenario.rosenbrockRace());
            // The pool's threads are blocked, so nothing can finish; a second is long enough to see it.
            assertFalse(publishUntil(() -> lab.snapshot() != null, 1.0), "no paths while the long jobs hold every thread");
            assertNull(lab.snapshot());
            release.countDown();
            assertTrue(publishUntil(() -> lab.snapshot() != null, PATIENCE_SECONDS), "they come once the jobs are done");
        } finally {
            recompute.shutdownNow();
            shared.shutdownNow();
        }
    }

    @Test
    void aSaturatedLongJobPoolDoesNotHoldUpTraining() throws InterruptedException {
        saturate(pools.jobs().pool(), pools.jobs().threads());
        TrainerModel trainer = new TrainerModel(pools.training(), pools.trainingHalves(), pools.jobs(), fx::add);
        trainer.session().step(20);
        assertTrue(publishUntil(() -> trainer.session().lastSnapshot() != null && trainer.session().lastSnapshot().step() == 20,
                PATIENCE_SECONDS), "training steps while every long-job thread is busy");
        assertNull(trainer.computeSlice(3, 0.5, false, 1));
        assertTrue(trainer.slice().runningProperty().get(), "the slice waits its turn on the long-job pool");
        release.countDown();
        assertTrue(publishUntil(() -> trainer.slice().sliceProperty().get() != null, PATIENCE_SECONDS));
    }

    @Test
    void oneCoreIsEnough() throws InterruptedException {
        try (WorkPools one = new WorkPools(1)) {
            LabModel lab = new LabModel(one.recompute(), one.interactive(), fx::add);
            lab.show(DefaultScenario.rosenbrockRace());
            lab.requestGrid(30, 20);
            assertTrue(publishUntil(() -> lab.snapshot() != null && lab.fieldProperty().get() != null, PATIENCE_SECONDS),
                    "a recomputation waits for its runs on its own thread, never on the pool that runs them");
            assertEquals(1, one.jobs().threads());
        }
    }

    @Test
    void everyThreadIsANamedDaemonAndCloseEndsThem() throws InterruptedException {
        List<java.util.concurrent.Executor> all = List.of(pools.recompute(), pools.interactive(), pools.render(), pools.jobs().pool(),
                pools.jobs().coordinator(), pools.background(), pools.training(), pools.trainingHalves());
        LinkedBlockingQueue<Thread> seen = new LinkedBlockingQueue<>();
        for (java.util.concurrent.Executor e : all) {
            e.execute(() -> seen.add(Thread.currentThread()));
        }
        for (int i = 0; i < all.size(); i++) {
            Thread t = seen.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertNotNull(t);
            assertTrue(t.isDaemon(), t.getName());
            assertTrue(t.getName().matches("losslab-[a-z-]+-\\d+"), t.getName());
        }
        assertTrue(pools.jobs().pool() != pools.interactive(), "long jobs and interactive work have threads of their own");
        pools.close();
        assertTrue(pools.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS));
    }
}
