package org.losslab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** One long job at a time, with the coordinator, the pool and the FX thread as queues run by hand. */
class JobTest {
    private final ManualExecutor coordinator = new ManualExecutor();
    private final ManualExecutor fx = new ManualExecutor();
    private final Executor pool = Runnable::run;
    private final Job job = new Job(new JobThreads(coordinator, pool, 3), fx::execute);
    private final List<Object> done = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    @Test
    void theWorkGetsThePoolAndItsSizeAndTheResultReachesTheFxThread() {
        Executor[] seen = new Executor[1];
        job.start((p, threads, cancel, progress) -> {
            seen[0] = p;
            return threads;
        }, () -> { }, done::add, failed::add);
        assertTrue(job.isRunning());
        assertEquals(0.0, job.progressProperty().get());
        coordinator.runAll();
        assertTrue(done.isEmpty(), "not before the FX thread runs");
        fx.runAll();
        assertEquals(List.of(3), done);
        assertEquals(pool, seen[0]);
        assertFalse(job.isRunning());
        assertEquals(1.0, job.progressProperty().get());
    }

    @Test
    void progressFromManyReportsIsOneUpdatePerPulseAndNeverGoesBack() {
        int[] told = {0};
        job.start((p, threads, cancel, progress) -> {
            for (int i = 1; i <= 10; i++) {
                progress.update(i, 10);
            }
            progress.update(2, 10);
            return "done";
        }, () -> told[0]++, done::add, failed::add);
        coordinator.runAll();
        assertEquals(2, fx.waiting(), "one progress update waits, then the result");
        fx.take().run();
        assertEquals(1.0, job.progressProperty().get());
        assertEquals(1, told[0]);
    }

    @Test
    void aCancelledOrSupersededJobShowsNothing() {
        job.start((p, threads, cancel, progress) -> cancel.isCancelled() ? null : "first", () -> { }, done::add, failed::add);
        job.cancel();
        assertFalse(job.isRunning(), "the UI is free at once");
        coordinator.runAll();
        fx.runAll();
        assertTrue(done.isEmpty());
        job.start((p, threads, cancel, progress) -> "second", () -> { }, done::add, failed::add);
        Runnable second = coordinator.take();
        job.start((p, threads, cancel, progress) -> "third", () -> { }, done::add, failed::add);
        second.run();
        coordinator.runAll();
        fx.runAll();
        assertEquals(List.of("third"), done);
    }

    @Test
    void aFailureIsOneMessageAndAnInterruptIsACancel() {
        job.start((p, threads, cancel, progress) -> {
            throw new IllegalStateException("no memory for the grid");
        }, () -> { }, done::add, failed::add);
        coordinator.runAll();
        fx.runAll();
        assertEquals(List.of("no memory for the grid"), failed);
        assertFalse(job.isRunning());
        job.start((p, threads, cancel, progress) -> {
            throw new InterruptedException();
        }, () -> { }, done::add, failed::add);
        coordinator.runAll();
        assertTrue(Thread.interrupted(), "the interrupt is kept for the thread's owner");
        fx.runAll();
        assertFalse(job.isRunning());
        assertTrue(done.isEmpty());
        assertEquals(1, failed.size());
    }
}
