package org.losslab.engine.optim;

import java.util.List;

/**
 * The hyperparameters of one run's optimizer: an immutable value, one record per torch.optim
 * class ({@link Sgd.Config}, {@link Adam.Config}, …). {@link #create} builds the optimizer for a
 * batch of runs that share the type but may differ in every numeric hyperparameter.
 */
public sealed interface OptimizerConfig
        permits Sgd.Config, Adam.Config, RmsProp.Config, Adagrad.Config, NAdam.Config,
                Lbfgs.Config, Newton.Config {

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
        if (configs.isEmpty() || configs.size() > stride) {
            throw new IllegalArgumentException("need 1.." + stride + " configs, got " + configs.size());
        }
        Class<?> kind = configs.get(0).getClass();
        for (OptimizerConfig c : configs) {
            if (c.getClass() != kind) {
                throw new IllegalArgumentException("a batch mixes optimizer types " + configs.get(0).type() + " and " + c.type());
            }
        }
        return configs.get(0).newBatch(dim, stride, configs);
    }

    /** Builds this type's optimizer for a batch; {@link #create} has checked the types agree. */
    Optimizer newBatch(int dim, int stride, List<? extends OptimizerConfig> configs);

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
