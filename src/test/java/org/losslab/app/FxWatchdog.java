package org.losslab.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javafx.application.Platform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * Fails a UI test in which the FX thread is blocked for more than {@link #LIMIT_MS} while a sweep,
 * a slice or training runs. Register it ({@code @RegisterExtension final FxWatchdog watchdog = new
 * FxWatchdog();}) and call {@link #watch} when the test starts such work; after the test (or at
 * {@link #stop}) every block found fails it, with the FX thread's stack while it was blocked.
 *
 * <p>How blocks are measured: a watcher thread posts a heartbeat to the FX thread
 * ({@code Platform.runLater}) every {@link #PERIOD_MS} ms and samples the FX thread while the
 * heartbeat waits. The FX thread counts as blocked for the time it spent running something else
 * (its CPU time, which grows only while it computes) plus the time it spent waiting on a lock, a
 * sleep or a future (its state sampled as BLOCKED, WAITING or TIMED_WAITING while work is queued for
 * it). Time in which the FX thread could not run at all — the machine busy with other processes, a
 * garbage-collection pause — is not the application's doing and is not counted; so the watchdog
 * does not turn a loaded build machine into failures, and a pulse that the renderer delays does not
 * count either (heartbeats do not wait for pulses).
 */
public final class FxWatchdog implements AfterEachCallback {
    public static final long LIMIT_MS = 50;
    static final long PERIOD_MS = 5;
    private static final long SAMPLE_NS = 1_000_000;

    /** One block: how long the FX thread was kept from its queue, and where it was. */
    public record Block(String during, double blockedMs, double latencyMs, String stack) {
        @Override
        public String toString() {
            return String.format("FX thread blocked %.0f ms (heartbeat answered after %.0f ms) during %s, at%n%s",
                    blockedMs, latencyMs, during, stack);
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Block> blocks = new ArrayList<>();
    private volatile Thread watcher;
    private volatile boolean running;
    private volatile String during = "";
    private Thread fx;
    private volatile String idleFrame = "";

    /** Starts watching the FX thread (again, if it was); {@code what} names the work in messages. */
    public synchronized void watch(String what) throws InterruptedException {
        during = what;
        if (running) {
            return;
        }
        CountDownLatch found = new CountDownLatch(1);
        Platform.runLater(() -> {
            fx = Thread.currentThread();
            found.countDown();
        });
        if (!found.await(20, TimeUnit.SECONDS)) {
            throw new AssertionFailedError("the FX thread did not answer within 20 s");
        }
        // Where the idle FX thread waits for work, so waiting there is not taken for a block.
        String idle = "";
        for (int i = 0; i < 50 && idle.isEmpty(); i++) {
            Thread.sleep(20);
            if (fx.getState() == Thread.State.WAITING || fx.getState() == Thread.State.TIMED_WAITING) {
                idle = ownFrame(fx.getStackTrace());
            }
        }
        idleFrame = idle;
        running = true;
        Thread w = new Thread(this::loop, "fx-watchdog");
        w.setDaemon(true);
        w.setPriority(Thread.MAX_PRIORITY);
        watcher = w;
        w.start();
    }

    /** Stops watching and returns the blocks found since {@link #watch}. */
    public synchronized List<Block> stop() throws InterruptedException {
        running = false;
        Thread w = watcher;
        if (w != null) {
            w.join(5000);
            watcher = null;
        }
        synchronized (blocks) {
            List<Block> out = List.copyOf(blocks);
            blocks.clear();
            return out;
        }
    }

    /** Stops watching and fails if the FX thread was blocked. */
    public void assertNeverBlocked() throws InterruptedException {
        List<Block> found = stop();
        if (!found.isEmpty()) {
            throw new AssertionFailedError(found.size() + " time(s) the FX thread was blocked for more than " + LIMIT_MS + " ms:\n"
                    + found.stream().map(Block::toString).collect(Collectors.joining("\n")));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (watcher != null) {
            assertNeverBlocked();
        }
    }

    private void loop() {
        long fxId = fx.getId();
        while (running) {
            long posted = System.nanoTime();
            long cpu0 = threads.getThreadCpuTime(fxId);
            AtomicLong answered = new AtomicLong();
            Platform.runLater(() -> answered.set(System.nanoTime()));
            long waitingNs = 0;
            String stack = null;
            long last = posted;
            boolean waited = false;
            // Sample until the heartbeat has run (or the test ends and the FX thread never answers).
            while (answered.get() == 0 && (running || System.nanoTime() - posted < 2_000_000_000L)) {
                LockSupport.parkNanos(SAMPLE_NS);
                long now = System.nanoTime();
                Thread.State state = fx.getState();
                boolean waits = (state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                        && !excused(ownFrame(fx.getStackTrace()));
                if (waits && waited) {
                    // Waiting at both samples, and not where the event loop waits for work: on a lock, a sleep or a future.
                    waitingNs += now - last;
                }
                waited = waits;
                last = now;
                if (stack == null && now - posted > LIMIT_MS * 1_000_000) {
                    stack = Arrays.stream(fx.getStackTrace()).limit(24).map(e -> "    at " + e).collect(Collectors.joining("\n"));
                }
            }
            long done = answered.get();
            long end = done == 0 ? System.nanoTime() : done;
            long busyNs = Math.max(0, threads.getThreadCpuTime(fxId) - cpu0);
            double blockedMs = (Math.min(end - posted, busyNs + waitingNs)) / 1e6;
            if (blockedMs > LIMIT_MS) {
                synchronized (blocks) {
                    blocks.add(new Block(during + (done == 0 ? " (never answered)" : ""), blockedMs, (end - posted) / 1e6,
                            stack == null ? "    (no stack taken)" : stack));
                }
            }
            if (done == 0) {
                return;
            }
            LockSupport.parkNanos(PERIOD_MS * 1_000_000);
        }
    }

    /**
     * Waits that are not the application's: the event loop waiting for work, and the toolkit waiting
     * for the renderer (a pulse waiting for the previous frame, a window taking the render lock): their
     * pace is the machine's and the drawing's, which the drag-latency benchmark measures; the watchdog
     * guards the FX thread from the work.
     */
    private boolean excused(String frame) {
        return frame.equals(idleFrame) || frame.startsWith("com.sun.javafx.tk.quantum.");
    }

    /**
     * The first frame outside the JDK of a stack: the FX thread's own code, or the toolkit's event
     * loop where it waits for work when idle.
     */
    private static String ownFrame(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                return c + "." + e.getMethodName();
            }
        }
        return "";
    }
}
