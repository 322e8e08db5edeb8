package org.losslab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Coalescing, cancellation of stale work and publication of the newest result only. */
class LatestWinsTest {

    @Test
    void onlyTheNewestOfWaitingRequestsRunsAndSlowStaleWorkIsCancelled() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        CountDownLatch idle = new CountDownLatch(1);
        LatestWins<Integer> lw = new LatestWins<>(worker, Runnable::run, idle::countDown);
        CountDownLatch firstStarted = new CountDownLatch(1);
        List<Integer> started = java.util.Collections.synchronizedList(new ArrayList<>());
        boolean[] firstCancelled = {false};
        lw.submit(cancel -> {
            started.add(0);
            firstStarted.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                if (cancel.isCancelled()) {
                    firstCancelled[0] = true;
                    return null;
                }
            }
            return 0;
        }, r -> { });
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        List<Integer> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int v = i;
            lw.submit(cancel -> {
                started.add(v);
                return v;
            }, results::add);
        }
        assertTrue(lw.active());
        assertTrue(idle.await(5, TimeUnit.SECONDS));
        worker.shutdown();
        assertTrue(firstCancelled[0], "a long job is cancelled once newer work waits");
        assertEquals(List.of(0, 5), started, "waiting requests are coalesced into the newest");
        assertEquals(List.of(5), results);
        assertFalse(lw.active());
    }
}
