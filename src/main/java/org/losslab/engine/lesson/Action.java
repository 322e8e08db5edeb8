package org.losslab.engine.lesson;

import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.NAdam;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.optim.RmsProp;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.update.RunSettings;

/**
 * What a page's "try it" prompt waits for the student to do, decided from one run's current settings
 * (what the sliders made of it) and the path they produce: a slider past a mark, or an outcome.
 */
public enum Action {
    /** The run's learning rate is above the value (dragged past the 2/λ mark). */
    LR_ABOVE("lrAbove"),
    /** The run's learning rate is below the value. */
    LR_BELOW("lrBelow"),
    /** Momentum μ (β₁ for the Adam family) is above the value. */
    MOMENTUM_ABOVE("momentumAbove"),
    /** Momentum μ (β₁) is below the value. */
    MOMENTUM_BELOW("momentumBelow"),
    /** The Langevin temperature is above the value. */
    TEMPERATURE_ABOVE("temperatureAbove"),
    /** The SAM radius ρ is above the value. */
    SAM_RHO_ABOVE("samRhoAbove"),
    /** The warmup lasts at least the value in updates. */
    WARMUP_AT_LEAST("warmupAtLeast"),
    /** The run diverges. */
    DIVERGES("diverges"),
    /** The run stays finite and ends with a loss at most the value. */
    SETTLES("settles");

    private final String key;

    Action(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Action of(String key) {
        for (Action a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        return null;
    }

    /** Does the action need a value to compare with ({@link #DIVERGES} does not)? */
    public boolean needsValue() {
        return this != DIVERGES;
    }

    /** Is it decided by the path rather than by the settings alone? */
    public boolean readsPath() {
        return this == DIVERGES || this == SETTLES;
    }

    /**
     * Has the student done it?
     *
     * @param path the run's computed path, or null while it is being computed (outcomes are then not done)
     */
    public boolean done(RunSettings run, Trajectory path, double value) {
        switch (this) {
            case LR_ABOVE:
                return run.optimizer().lr() > value;
            case LR_BELOW:
                return run.optimizer().lr() < value;
            case MOMENTUM_ABOVE:
                return momentum(run.optimizer()) > value;
            case MOMENTUM_BELOW:
                return momentum(run.optimizer()) < value;
            case TEMPERATURE_ABOVE:
                return run.noiseTemperature() > value;
            case SAM_RHO_ABOVE:
                return run.samRho() > value;
            case WARMUP_AT_LEAST:
                return run.warmupSteps() >= value;
            case DIVERGES:
                return path != null && path.diverged();
            case SETTLES:
                return path != null && path.size() > 0 && !path.diverged() && path.loss(path.size() - 1) <= value;
            default:
                throw new AssertionError(this);
        }
    }

    /** The momentum-like hyperparameter the app's momentum slider drives; NaN for methods without one. */
    static double momentum(OptimizerConfig o) {
        if (o instanceof Sgd.Config s) {
            return s.momentum();
        }
        if (o instanceof Adam.Config a) {
            return a.beta1();
        }
        if (o instanceof NAdam.Config a) {
            return a.beta1();
        }
        if (o instanceof RmsProp.Config r) {
            return r.momentum();
        }
        return Double.NaN;
    }
}
