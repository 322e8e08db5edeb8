package org.losslab.engine;

/** Polled by long computations, every few thousand updates; true means stop as soon as possible. */
@FunctionalInterface
public interface Cancellation {
    Cancellation NEVER = () -> false;

    boolean isCancelled();
}
