package org.losslab.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads background work runs on, in the app and on the command line alike: daemons (an
 * unfinished study never keeps the JVM alive after the window closes or a command returns), named
 * {@code losslab-<kind>-<n>} so a profile or a thread dump says what each one does.
 */
public final class WorkerThreads implements ThreadFactory {
    private final String kind;
    private final int priority;
    private final AtomicInteger count = new AtomicInteger();

    public WorkerThreads(String kind) {
        this(kind, Thread.NORM_PRIORITY);
    }

    /** @param priority a hint the OS may honour (long work runs a notch below normal in the app) */
    public WorkerThreads(String kind, int priority) {
        this.kind = kind;
        this.priority = priority;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, "losslab-" + kind + "-" + count.incrementAndGet());
        t.setDaemon(true);
        t.setPriority(priority);
        return t;
    }

    /** A pool of {@code threads} such threads. */
    public static ExecutorService pool(int threads, String kind) {
        return Executors.newFixedThreadPool(threads, new WorkerThreads(kind));
    }
}
