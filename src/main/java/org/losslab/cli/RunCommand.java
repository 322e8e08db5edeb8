package org.losslab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.losslab.engine.sim.Cancellation;
import org.losslab.engine.sim.Simulation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.io.AtomicFiles;
import org.losslab.io.Numbers;
import org.losslab.io.TrajectoryCsv;
import org.losslab.scenario.Scenario;
import org.losslab.scenario.ScenarioException;
import org.losslab.scenario.ScenarioReader;

/**
 * {@code losslab run SCENARIO.json [--csv FILE] [--png FILE] [--view contour|surface] [--size WxH]}:
 * runs a scenario headless. With no output option it prints a summary of each run.
 */
final class RunCommand {
    static final String USAGE = "losslab run SCENARIO.json [--csv FILE]";

    private RunCommand() {
    }

    static void run(List<String> argv, PrintStream out) throws UsageException, ScenarioException, IOException {
        Args a = Args.parse(argv, Set.of("--csv"), USAGE);
        if (a.positional.size() != 1) {
            throw new UsageException("expected one scenario file; usage: " + USAGE);
        }
        Path csv = a.output("--csv");
        Scenario scenario = ScenarioReader.read(Path.of(a.positional.get(0)));
        Surface surface = scenario.buildSurface();
        Simulation sim = scenario.simulation(surface);
        if (csv != null) {
            AtomicFiles.write(csv, stream -> {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                try {
                    sim.runSequentially(new TrajectoryCsv(w, scenario.labels()), Cancellation.NEVER);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                w.flush();
            });
        }
        if (csv == null) {
            summary(scenario, sim, out);
        }
    }

    private static void summary(Scenario scenario, Simulation sim, PrintStream out) {
        List<Trajectory> trajectories = sim.run(Runnable::run, Cancellation.NEVER);
        out.println(scenario.title().isEmpty() ? "(untitled scenario)" : scenario.title());
        for (int i = 0; i < trajectories.size(); i++) {
            Trajectory t = trajectories.get(i);
            int last = t.size() - 1;
            out.printf("%2d  %-24s  %s%n", i, scenario.labels().get(i), t.diverged()
                    ? "diverged at step " + t.divergedAt()
                    : "loss " + Numbers.format(t.loss(last)) + " at (" + Numbers.format(t.x(last)) + ", "
                    + Numbers.format(t.y(last)) + ") after " + last + " steps");
        }
    }
}
