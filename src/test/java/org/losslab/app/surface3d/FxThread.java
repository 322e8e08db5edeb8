package org.losslab.app.surface3d;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Starts the JavaFX toolkit once per test JVM and runs code on its thread. */
final class FxThread {
    private static boolean started;

    private FxThread() {
    }

    static synchronized void start() throws Exception {
        if (started) {
            return;
        }
        // Started the way TestFX starts it: a toolkit begun with Platform.startup leaves TestFX's
        // robot unable to reach the windows of the TestFX tests that run after this one in the JVM.
        org.testfx.api.FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Runs on the FX thread and waits for the result (rethrowing its failure). */
    static <T> T call(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until the FX thread has been through {@code n} more pulses' worth of queued work. */
    static void settle(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            run(() -> {
            });
            Thread.sleep(40);
        }
    }
}
