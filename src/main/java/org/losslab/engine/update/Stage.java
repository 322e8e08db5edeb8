package org.losslab.engine.update;

/**
 * Where a link of the update acts, in the order of the spec's "One update, exactly": the constants
 * are declared in the order the links run, so sorting by stage is the update's order. Gradient
 * links (before the optimizer's step) rewrite g; parameter links (after it) rewrite θ.
 */
public enum Stage {
    /** Step 1 replaced: an estimate of g from loss values only ({@link EvolutionStrategyGradient}). */
    GRADIENT_ESTIMATOR(false),
    /** Step 2: sharpness-aware minimization, g = ∇L_B(θ + ρ·g/‖g‖) ({@link Sam}), or adaptive SAM ({@link Asam}). */
    SAM(false),
    /** After SAM: the gradient of the coupled L1/L2 loss terms, g ← g + λ₁·sign(θ) + λ₂·θ ({@link ElasticNetPenalty}). */
    PENALTY(false),
    /** Step 3: gradient-norm clipping, g = g·min(1, c/(‖g‖ + 10⁻⁶)) ({@link ClipNorm}). */
    CLIP_NORM(false),
    /** Step 3, after norm clipping: g ← clamp(g, −v, v) ({@link ClipValue}). */
    CLIP_VALUE(false),
    /**
     * The gradient in a low-precision format, the master weights in place of θ for the step, and at
     * the end of the update θ back in the format ({@link LowPrecision}): the last gradient link.
     */
    PRECISION(false),
    /** Step 6: Langevin noise, θ ← θ + √(2·lr·T)·ξ ({@link LangevinNoise}). */
    LANGEVIN_NOISE(true),
    /** After the step and its noise: Lookahead's slow weights, φ ← φ + α(θ − φ), θ ← φ every k updates ({@link Lookahead}). */
    LOOKAHEAD(true),
    /** Last: the running equal average of the iterates and SWALR's rate ({@link StochasticWeightAveraging}). */
    SWA(true);

    private final boolean afterStep;

    Stage(boolean afterStep) {
        this.afterStep = afterStep;
    }

    /** True for links that act on θ after the optimizer's step; false for links that rewrite g before it. */
    public boolean afterStep() {
        return afterStep;
    }
}
