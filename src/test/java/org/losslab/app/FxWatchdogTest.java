package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The watchdog itself: it finds the FX thread computing, sleeping or waiting on a future for longer
 * than the limit, with the stack of the culprit, and finds nothing while the FX thread is free, even
 * with every core busy elsewhere.
 */
@ExtendWith(ApplicationExtension.class)
class FxWatchdogTest {
    private final FxWatchdog watchdog = new FxWatchdog();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("watchdog"), 200, 100));
        stage.show();
    }

    private List<FxWatchdog.Block> during(Runnable onFx) throws Exception {
        watchdog.watch("the test");
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        if (onFx != null) {
            Platform.runLater(onFx);
        }
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return watchdog.stop();
    }

    /** Computes for {@code ms} of this thread's CPU time (not wall time: a loaded machine may give it less). */
    static void spinOnFx(long ms) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + ms * 1_000_000;
        double x = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 1000; i++) {
                x += Math.sqrt(x + 1);
            }
        }
        assertTrue(x > 0);
    }

    private static double longest(List<FxWatchdog.Block> blocks) {
        return blocks.stream().mapToDouble(FxWatchdog.Block::blockedMs).max().orElse(0);
    }

    @Test
    void aFreeFxThreadIsNeverBlocked() throws Exception {
        assertEquals(List.of(), during(null));
    }

    @Test
    void otherThreadsKeepingEveryCoreBusyAreNotABlock() throws Exception {
        Thread[] hogs = new Thread[Runtime.getRuntime().availableProcessors() * 2];
        for (int i = 0; i < hogs.length; i++) {
            hogs[i] = new Thread(() -> {
                long end = System.nanoTime() + 450_000_000L;
                double x = 0;
                while (System.nanoTime() < end) {
                    x += Math.sqrt(x + 1);
                }
                assertTrue(x > 0);
            });
            hogs[i].start();
        }
        List<FxWatchdog.Block> found = during(null);
        for (Thread h : hogs) {
            h.join();
        }
        assertEquals(List.of(), found);
    }

    @Test
    void computingOnTheFxThreadIsABlock() throws Exception {
        List<FxWatchdog.Block> found = during(() -> spinOnFx(200));
        assertTrue(longest(found) >= 150, found.toString());
        assertTrue(found.get(0).stack().contains("FxWatchdogTest.spinOnFx"), found.get(0).stack());
    }

    @Test
    void sleepingOrWaitingForABackgroundTaskOnTheFxThreadIsABlock() throws Exception {
        List<FxWatchdog.Block> slept = during(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(longest(slept) >= 150, slept.toString());
        assertTrue(slept.get(0).stack().contains("Thread.sleep"), slept.get(0).stack());
        List<FxWatchdog.Block> joined = during(() -> CompletableFuture.runAsync(() -> WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS)).join());
        assertTrue(longest(joined) >= 150, joined.toString());
    }

    @Test
    void theExtensionFailsTheTest() throws Exception {
        watchdog.watch("a sweep");
        Platform.runLater(() -> spinOnFx(120));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        AssertionErrorHolder h = new AssertionErrorHolder();
        try {
            watchdog.afterEach(null);
        } catch (AssertionError e) {
            h.message = e.getMessage();
        }
        assertTrue(h.message != null && h.message.contains("blocked for more than 50 ms") && h.message.contains("during a sweep"), h.message);
    }

    private static final class AssertionErrorHolder {
        String message;
    }
}
