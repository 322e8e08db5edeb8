package org.losslab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The bodies of {@link EngineThroughput} and {@link StepperAnatomy} timed by the thread's CPU time,
 * best of 40 calls after 20 warm-up calls: a cross-check of the JMH scores that stays meaningful on
 * a shared, loaded machine, where wall-clock scores swing by ±50 %. One JVM runs all bodies, so
 * call sites see several optimizer types, as in the app.
 *
 * <p>Run: {@code java -cp target/benchmarks.jar org.losslab.bench.CpuTimeRunner [REGEX]}
 */
public final class CpuTimeRunner {
    private static final int WARMUP = 20, MEASURED = 40;

    private CpuTimeRunner() {
    }

    public static void main(String[] args) {
        EngineThroughput e = new EngineThroughput();
        StepperAnatomy s = new StepperAnatomy();
        EngineThroughput.Recording rec = new EngineThroughput.Recording();
        Map<String, DoubleSupplier> bodies = new LinkedHashMap<>();
        bodies.put("sgdMomentumPlainLoop", e::sgdMomentumPlainLoop);
        bodies.put("sgdMomentumOptimizerOnly", e::sgdMomentumOptimizerOnly);
        bodies.put("loopWithPoll", s::loopWithPoll);
        bodies.put("loopWithPollAndReport", s::loopWithPollAndReport);
        bodies.put("sgdMomentumStepper", e::sgdMomentumStepper);
        bodies.put("sgdMomentumStepperRecording", () -> {
            rec.freshTrajectory();
            return e.sgdMomentumStepperRecording(rec);
        });
        bodies.put("stepperBatchOf8", s::stepperBatchOf8);
        bodies.put("adamPlainLoop", e::adamPlainLoop);
        bodies.put("adamPlainLoopRunningPowers", e::adamPlainLoopRunningPowers);
        bodies.put("adamOptimizerOnly", e::adamOptimizerOnly);
        bodies.put("adamStepper", e::adamStepper);
        bodies.put("adamStepperRecording", () -> {
            rec.freshTrajectory();
            return e.adamStepperRecording(rec);
        });
        String only = args.length > 0 ? args[0] : ".*";
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double checksum = 0;
        for (Map.Entry<String, DoubleSupplier> b : bodies.entrySet()) {
            if (!b.getKey().matches(only)) {
                continue;
            }
            long best = Long.MAX_VALUE;
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                long t0 = threads.getCurrentThreadCpuTime();
                checksum += b.getValue().getAsDouble();
                long dt = threads.getCurrentThreadCpuTime() - t0;
                if (i >= WARMUP) {
                    best = Math.min(best, dt);
                }
            }
            double ns = (double) best / EngineThroughput.STEPS;
            System.out.printf("%-30s %7.1f M updates/s  (%5.1f ns/update)%n", b.getKey(), 1e3 / ns, ns);
        }
        System.out.println("checksum " + checksum);
    }
}
