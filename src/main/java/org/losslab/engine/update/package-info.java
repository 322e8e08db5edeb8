/**
 * One update, written once: the spec's per-update algorithm as a chain of small links that act the
 * same on a batch of 2-D points ({@link org.losslab.engine.sim.Stepper}) and on a network's weights
 * ({@link org.losslab.engine.mlp.Trainer}).
 *
 * <p>In the spirit of optax's chained gradient transformations, update t from θ_t goes
 * <pre>
 *   g  = ∇L_B(θ_t)                        (step 1: the caller's gradient, full or minibatch)
 *   g ← link(g) for each gradient link     (steps 2–3: {@link Sam}, {@link ClipNorm}, …)
 *   lr_t = {@link LearningRate}(t)               (step 4: warmup, then the schedule)
 *   θ  = optimizer(θ_t, g, lr_t)           (step 5: torch.optim's update)
 *   θ ← link(θ) for each parameter link    (step 6: {@link LangevinNoise}, …)
 * </pre>
 * {@link Stage} lists every link in the order it acts. A run states its links as
 * {@link TransformConfig}s in its {@link RunSettings}; {@link UpdatePipeline} builds, for a batch of
 * runs, only the links that some run of the batch uses, so a plain run pays for none of them.
 * A new method that changes the gradient or the parameters (clipping by value, ASAM, Lookahead,
 * SWA, rounding to a low precision) is one new class here with its config record and a
 * {@link Stage}, and both the surfaces and the network trainer get it.
 */
package org.losslab.engine.update;
