/**
 * Learning-rate schedules of the scenario spec, each torch.optim.lr_scheduler's rate as a pure
 * function of s = t − W, the update number after warmup (ReduceLROnPlateau, which reacts to losses,
 * is the one stateful exception).
 *
 * <p>Each schedule type is a record implementing {@link org.losslab.engine.schedule.ScheduleConfig}:
 * its parameters with the spec's names and defaults, {@code validate(n)}, and {@code create(lr, n)}
 * returning the {@link org.losslab.engine.schedule.Schedule}. {@link org.losslab.engine.schedule.Warmup}
 * puts the spec's linear warmup in front.
 *
 * <p>Numbers: every rate is evaluated in the floating-point order of the Python that defines it
 * (torch's {@code get_lr}, or the closed form the reference script uses), so that a trajectory
 * matches PyTorch float64 to 1e-9. Transcendentals use {@link java.lang.Math}, not
 * {@link java.lang.StrictMath}: HotSpot's {@code Math.cos}/{@code Math.pow} agree with glibc's libm
 * (which CPython's {@code math.cos} and {@code **} call) to the last bit on all but a handful of the
 * ~15,000 tabulated steps, while fdlibm differs from it in the last bits on about 230.
 */
package org.losslab.engine.schedule;
