package org.losslab.engine.update;

/**
 * A gradient link that holds θ in a format of its own ({@link LowPrecision}): it puts each run's
 * θ₀ in the format before the first evaluation, and takes θ back into it at the very end of every
 * update, after the optimizer's step and the parameter links. The {@link UpdatePipeline} calls both.
 */
interface ParameterFormat {

    /** θ₀ of runs {@code 0 <= r < n} as the format holds it, in the batch layout. Modified. */
    void start(int n, double[] theta);

    /** The end of an update: θ_{t+1} of the active runs back in the format. */
    void finish(Update u);
}
