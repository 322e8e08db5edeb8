package org.losslab.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.WorkPools;
import org.losslab.engine.surface.Window;
import org.losslab.format.Point;
import org.losslab.format.RunSpec;
import org.losslab.format.Typed;
import org.losslab.format.scenario.Scenario;

/**
 * Measures what a teacher feels while dragging the learning-rate slider: 8 runs × 5,000 steps on
 * Rosenbrock, the slider moved once per frame for 4 seconds; for every value, the time from the
 * slider event to the first painted frame showing that value's paths (values overtaken by newer
 * ones count to the frame showing the newer one). On a loaded machine the wall-clock figures
 * mostly measure the wait for a core, so it also prints the CPU time each thread spent per slider
 * event during the drag (thread CPU time, which other processes do not inflate): the FX thread
 * (edit, layout, painting the canvases), the renderer (rasterizing them) and the workers
 * (simulation, contours). Not a unit test; run it on a quiet machine:
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q test-compile
 * xvfb-run -a java -cp target/classes:target/test-classes:'target/lib/*':'target/javafx/*' org.losslab.app.DragLatencyBench
 * </pre>
 */
public final class DragLatencyBench {
    private static final int FRAMES = 240;

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window under test (a nested class: a main class extending Application needs the module path). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            MainController c = MainWindow.show(stage, WorkPools.forThisMachine(), null, 1366, 768);
            LabModel m = c.model();
            m.show(scenario());
            m.linkedProperty().set(true);
            Screenshots.whenDrawn(c, () -> drag(c, m));
        }
    }

    static Scenario scenario() {
        List<RunSpec> runs = new ArrayList<>();
        String[][] opt = {{"sgd", "0.001"}, {"sgd", "0.0005", "0.9"}, {"adam", "0.05"}, {"adamw", "0.05"},
            {"rmsprop", "0.005"}, {"adagrad", "0.5"}, {"nadam", "0.05"}, {"sgd", "0.0003", "0.95"}};
        for (String[] o : opt) {
            Typed t = new Typed(o[0], Map.of("lr", Double.parseDouble(o[1])));
            if (o.length > 2) {
                t = t.with("momentum", Double.parseDouble(o[2]));
            }
            runs.add(RunSpec.of(o[0], t));
        }
        return new Scenario("bench", "", new Typed("rosenbrock", Map.of()), new Window(-2, 2, -1, 3), new Point(-1.5, 2),
                5000, 0, runs);
    }

    private static void drag(MainController c, LabModel m) {
        long[] sentAt = new long[FRAMES];
        Scenario[] sent = new Scenario[FRAMES];
        long[] latency = new long[FRAMES];
        Arrays.fill(latency, -1);
        List<Long> computeNanos = new ArrayList<>();
        List<Long> editNanos = new ArrayList<>();
        List<Long> pulseNanos = new ArrayList<>();
        m.snapshotProperty().addListener((o, a, s) -> computeNanos.add(s.nanos()));
        Map<String, Long> cpuBefore = threadCpu();
        new AnimationTimer() {
            private int frame;
            private long lastPaints = c.plot().paints();

            @Override
            public void handle(long now) {
                // Runs after the frame loop in the same pulse: what was painted is on screen now.
                long t = System.nanoTime();
                if (c.plot().paints() != lastPaints) {
                    lastPaints = c.plot().paints();
                    Scenario shown = m.snapshot().scenario();
                    int idx = -1;
                    for (int i = 0; i < frame; i++) {
                        if (sent[i] == shown) {
                            idx = i;
                        }
                    }
                    for (int i = 0; i <= idx; i++) {
                        if (latency[i] < 0) {
                            latency[i] = t - sentAt[i];
                        }
                    }
                }
                if (frame < FRAMES) {
                    double lr = 1e-4 * Math.pow(10, 2.0 * frame / FRAMES);
                    sentAt[frame] = System.nanoTime();
                    m.editActiveRuns(r -> SliderBar.withLr(r, lr));
                    editNanos.add(System.nanoTime() - sentAt[frame]);
                    pulseNanos.add(now);
                    sent[frame] = m.scenario();
                    frame++;
                } else if (!m.computingProperty().get() && frame++ > FRAMES + 30) {
                    stop();
                    report(latency, computeNanos);
                    Map<String, Long> cpu = threadCpu();
                    StringBuilder b = new StringBuilder("CPU time per slider event:");
                    long total = 0;
                    for (var e : cpu.entrySet()) {
                        long d = e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
                        total += d;
                        b.append(String.format(" %s %.2f ms,", e.getKey(), d / 1e6 / FRAMES));
                    }
                    System.out.println(b.append(String.format(" all %.2f ms", total / 1e6 / FRAMES)));
                    long[] e = editNanos.stream().mapToLong(Long::longValue).sorted().toArray();
                    System.out.printf("edit on the FX thread (validate, new scenario, listeners): median %.2f ms, p90 %.2f ms%n",
                            e[e.length / 2] / 1e6, e[(int) (e.length * 0.9)] / 1e6);
                    long[] gaps = new long[pulseNanos.size() - 1];
                    for (int i = 1; i < pulseNanos.size(); i++) {
                        gaps[i - 1] = pulseNanos.get(i) - pulseNanos.get(i - 1);
                    }
                    Arrays.sort(gaps);
                    System.out.printf("frame interval while dragging: median %.1f ms, p90 %.1f ms%n", gaps[gaps.length / 2] / 1e6,
                            gaps[(int) (gaps.length * 0.9)] / 1e6);
                    Platform.exit();
                }
            }
        }.start();
    }

    /** CPU nanoseconds so far of the threads that serve a drag, summed by role. */
    private static Map<String, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (String role : List.of("fx", "renderer", "workers")) {
            cpu.put(role, 0L);
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            String role = Platform.isFxApplicationThread() && t == Thread.currentThread() ? "fx"
                    : n.startsWith("QuantumRenderer") ? "renderer"
                    : n.startsWith("losslab-") ? "workers" : null;
            long ns = role == null ? -1 : mx.getThreadCpuTime(t.getId());
            if (ns > 0) {
                cpu.merge(role, ns, Long::sum);
            }
        }
        return cpu;
    }

    private static void report(long[] latency, List<Long> compute) {
        long[] shown = Arrays.stream(latency).filter(x -> x >= 0).sorted().toArray();
        long[] comp = compute.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("8 runs x 5000 steps, %d slider events at 60 Hz: %d recomputed and drawn%n", latency.length,
                comp.length);
        System.out.printf("slider event -> frame with its paths: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                shown[shown.length / 2] / 1e6, shown[(int) (shown.length * 0.9)] / 1e6, shown[shown.length - 1] / 1e6);
        System.out.printf("simulation of all 8 runs: median %.1f ms, p90 %.1f ms%n", comp[comp.length / 2] / 1e6,
                comp[(int) (comp.length * 0.9)] / 1e6);
    }
}
