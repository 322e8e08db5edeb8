package org.losslab.engine.optim;

import java.util.List;
import org.losslab.engine.random.Seeds;

/**
 * The hyperparameters of one run's optimizer: an immutable value, one record per torch.optim
 * class ({@link Sgd.Config}, {@link Adam.Config}, …). {@link #create} builds the optimizer for a
 * batch of runs that share the type but may differ in every numeric hyperparameter.
 */
public sealed interface OptimizerConfig
        permits Sgd.Config, Adam.Config, RmsProp.Config, Adagrad.Config, NAdam.Config,
                Lbfgs.Config, Newton.Config, CmaEs.Config {

    /** The spec's type name: {@code sgd}, {@code adam}, {@code adamw}, …. */
    String type();

    /** The base learning rate (torch's {@code lr}). */
    double lr();

    /** This config with another base learning rate. */
    OptimizerConfig withLr(double lr);

    /**
     * An optimizer for runs {@code 0..configs.size()-1} of a batch with {@code dim} coordinates per
     * run and room for {@code stride} runs.
     *
     * @throws IllegalArgumentException if the configs are not all of one type, or differ in a
     *         switch (nesterov, amsgrad, …) that the batch must share
     */
    static Optimizer create(int dim, int stride, List<? extends OptimizerConfig> configs) {
        return create(dim, stride, configs, null);
    }

    /**
     * As {@link #create(int, int, List)}, for methods that draw random numbers (CMA-ES samples its
     * population): slot r's stream is seeded with {@code seeds[r]}, which the update pipeline takes
     * from the run's {@code RandomStreams}, so a run's samples depend on the scenario seed and its
     * index only. Deterministic methods ignore the seeds.
     *
     * @param seeds one seed per config; null: {@code Seeds.of(0, r, Seeds.OPTIMIZER)} for slot r. Not modified.
     */
    static Optimizer create(int dim, int stride, List<? extends OptimizerConfig> configs, long[] seeds) {
        if (configs.isEmpty() || configs.size() > stride) {
            throw new IllegalArgumentException("need 1.." + stride + " configs, got " + configs.size());
        }
        Class<?> kind = configs.get(0).getClass();
        for (OptimizerConfig c : configs) {
            if (c.getClass() != kind) {
                throw new IllegalArgumentException("a batch mixes optimizer types " + configs.get(0).type() + " and " + c.type());
            }
        }
        if (seeds == null) {
            seeds = new long[configs.size()];
            for (int r = 0; r < seeds.length; r++) {
                seeds[r] = Seeds.of(0, r, Seeds.OPTIMIZER);
            }
        } else if (seeds.length < configs.size()) {
            throw new IllegalArgumentException("need a seed per config: " + seeds.length + " for " + configs.size());
        }
        return configs.get(0).newBatch(dim, stride, configs, seeds);
    }

    /** Builds this type's optimizer for a batch; {@link #create} has checked the types agree. */
    Optimizer newBatch(int dim, int stride, List<? extends OptimizerConfig> configs);

    /** As {@link #newBatch(int, int, List)} with each slot's random seed; deterministic methods need none. */
    default Optimizer newBatch(int dim, int stride, List<? extends OptimizerConfig> configs, long[] seeds) {
        return newBatch(dim, stride, configs);
    }

    /** Single-run convenience: an optimizer for one run of {@code dim} coordinates. */
    static Optimizer create(int dim, OptimizerConfig config) {
        return create(dim, 1, List.of(config));
    }

    /** Narrows a batch of configs already checked to be of one type. */
    @SuppressWarnings("unchecked")
    static <T> List<T> cast(List<?> list) {
        return (List<T>) list;
    }
}
