package org.losslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerThreadsTest {

    @Test
    void threadsAreNamedDaemonsOfTheirKind() throws Exception {
        Thread a = new WorkerThreads("sweep").newThread(() -> { });
        Thread b = new WorkerThreads("job", Thread.NORM_PRIORITY - 1).newThread(() -> { });
        assertTrue(a.isDaemon() && b.isDaemon(), "a study left running must not keep the JVM alive");
        assertEquals("losslab-sweep-1", a.getName());
        assertEquals(Thread.NORM_PRIORITY - 1, b.getPriority());
        ExecutorService pool = WorkerThreads.pool(2, "escape");
        try {
            String name = pool.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);
            assertTrue(name.startsWith("losslab-escape-"), name);
        } finally {
            pool.shutdown();
        }
    }
}
