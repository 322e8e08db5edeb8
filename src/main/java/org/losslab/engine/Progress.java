package org.losslab.engine;

/**
 * Told how far a long analysis has come. Called from worker threads, possibly concurrently and
 * often; a UI should only store the numbers and redraw on its next pulse.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    /** {@code done} of {@code total} units (grid rows, temperatures, …) are finished. */
    void update(int done, int total);
}
