package org.losslab.engine.update;

import java.util.List;

/**
 * The settings of one link of a run's update: an immutable value, one record per kind of link
 * ({@link Sam.Config}, {@link ClipNorm.Config}, {@link LangevinNoise.Config}). {@link #newBatch}
 * builds the link for a batch of runs, some of which may not use it.
 */
public sealed interface TransformConfig permits Sam.Config, ClipNorm.Config, LangevinNoise.Config,
        ClipValue.Config, ElasticNetPenalty.Config, Asam.Config, Lookahead.Config, StochasticWeightAveraging.Config,
        EvolutionStrategyGradient.Config, LowPrecision.Config {

    /** Where in the update this link acts. */
    Stage stage();

    /** True when the link leaves every update as it is (ρ = 0, T = 0, …), so a run need not carry it. */
    boolean isIdentity();

    /**
     * The link for runs {@code 0..slots.size()-1} of a batch with {@code dim} coordinates per run and
     * room for {@code stride} runs.
     *
     * @param slots   each run's config of this kind, or null for a run without this link (the link
     *                then leaves that run unchanged). Not modified.
     * @param streams the random streams of the batch's runs
     */
    Transform newBatch(int dim, int stride, List<? extends TransformConfig> slots, RandomStreams streams);
}
