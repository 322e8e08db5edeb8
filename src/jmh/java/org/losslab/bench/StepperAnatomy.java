package org.losslab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Optimizer;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Stepper;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.update.RunSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the general path's time goes, for SGD + momentum on Rosenbrock (the setting of
 * {@link EngineThroughput}): the engine's pieces driven by loops that add one piece of the
 * {@link Stepper}'s per-update work at a time, and the Stepper itself with a batch of 8 runs (what
 * its structure-of-arrays layout is built for). All scores are updates per second (one run's
 * update is one operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(EngineThroughput.STEPS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StepperAnatomy {
    private static final int STEPS = EngineThroughput.STEPS;
    private static final int BATCH = 8;
    private final Rosenbrock surface = new Rosenbrock(EngineThroughput.A, EngineThroughput.B);
    private final Sgd.Config config = new Sgd.Config(EngineThroughput.SGD_LR, EngineThroughput.MOMENTUM, 0, false, 0);

    /** Optimizer step and surface evaluation through the engine's arrays, with a long counter and cancellation poll. */
    @Benchmark
    public double loopWithPoll() {
        Optimizer opt = OptimizerConfig.create(2, 1, List.of(config));
        double[] theta = {EngineThroughput.X0, EngineThroughput.Y0};
        double[] grad = new double[2];
        double[] loss = new double[1];
        double[] lr = {EngineThroughput.SGD_LR};
        Cancellation cancel = Cancellation.NEVER;
        surface.evaluate(1, 1, theta, 0, loss, grad);
        for (long k = 0; k < STEPS; k++) {
            if ((k & 1023) == 0 && cancel.isCancelled()) {
                break;
            }
            opt.step(1, theta, grad, loss, lr, null);
            surface.evaluate(1, 1, theta, k + 1, loss, grad);
        }
        return loss[0];
    }

    /** As {@link #loopWithPoll} plus the Stepper's per-point bookkeeping: ‖g‖ and the finiteness checks. */
    @Benchmark
    public double loopWithPollAndReport() {
        Optimizer opt = OptimizerConfig.create(2, 1, List.of(config));
        double[] theta = {EngineThroughput.X0, EngineThroughput.Y0};
        double[] grad = new double[2];
        double[] loss = new double[1];
        double[] lr = {EngineThroughput.SGD_LR};
        Cancellation cancel = Cancellation.NEVER;
        surface.evaluate(1, 1, theta, 0, loss, grad);
        long diverged = -1;
        for (long k = 0; k < STEPS; k++) {
            if ((k & 1023) == 0 && cancel.isCancelled()) {
                break;
            }
            opt.step(1, theta, grad, loss, lr, null);
            surface.evaluate(1, 1, theta, k + 1, loss, grad);
            double x = theta[0], y = theta[1], f = loss[0], gn = Math.sqrt(grad[0] * grad[0] + grad[1] * grad[1]);
            if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(f) && Double.isFinite(gn))) {
                diverged = k + 1;
                break;
            }
        }
        return loss[0] + diverged;
    }

    /** The Stepper on a batch of 8 identical runs: per-run cost when the per-update overhead is shared. */
    @Benchmark
    @OperationsPerInvocation(EngineThroughput.STEPS)
    public double stepperBatchOf8() {
        List<RunSettings> runs = new java.util.ArrayList<>();
        int[] index = new int[BATCH];
        for (int r = 0; r < BATCH; r++) {
            runs.add(RunSettings.of(config, EngineThroughput.X0, EngineThroughput.Y0));
            index[r] = r;
        }
        Stepper s = new Stepper(surface, runs, index, STEPS / BATCH, 0);
        s.run(null, Cancellation.NEVER);
        return s.lastLoss(0);
    }
}
