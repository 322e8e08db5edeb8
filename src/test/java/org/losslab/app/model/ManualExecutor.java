package org.losslab.app.model;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * A thread played by the test: tasks wait in order until the test runs them, so a test of
 * background work sees exactly the interleaving it writes.
 */
public final class ManualExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs the waiting tasks, and those they queue, until none is left. */
    public void runAll() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            r.run();
        }
    }

    /** Takes the oldest waiting task without running it. */
    public Runnable take() {
        return tasks.remove();
    }

    public int waiting() {
        return tasks.size();
    }
}
