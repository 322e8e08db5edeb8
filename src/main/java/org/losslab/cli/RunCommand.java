package org.losslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Formatter;
import java.util.List;
import java.util.Set;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Outcome;
import org.losslab.engine.sim.Simulation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.format.FilesRead;
import org.losslab.format.InputException;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;
import org.losslab.io.AtomicFiles;
import org.losslab.io.Numbers;
import org.losslab.io.TrajectoryCsv;
import org.losslab.render.PlotStyle;
import org.losslab.render.PngExport;
import org.losslab.render.surface3d.SurfaceRenderer;

/**
 * {@code losslab run SCENARIO.json [--csv FILE] [--png FILE] [--view contour|surface] [--size WxH]}:
 * runs a scenario headless. With no output option it prints a summary of each run.
 */
final class RunCommand {
    static final String USAGE = "losslab run SCENARIO.json [--csv FILE] [--png FILE] [--view contour|surface] [--size WxH]";
    private static final int DEFAULT_WIDTH = 1600, DEFAULT_HEIGHT = 1000;
    /**
     * The most points of a run a picture holds (40 bytes each): a longer run is drawn through every
     * k-th point and its last, far more points than the picture has pixels.
     */
    static final long PICTURE_POINTS = 1 << 18;

    private RunCommand() {
    }

    static void run(List<String> argv, PrintStream out) throws UsageException, InputException, IOException {
        Args a = Args.parse(argv, Set.of("--csv", "--png", "--view", "--size"), USAGE);
        if (a.positional.size() != 1) {
            throw new UsageException("expected one scenario file; usage: " + USAGE);
        }
        Path csv = a.output("--csv");
        Path png = a.output("--png");
        String view = a.option("--view") == null ? "contour" : a.option("--view");
        if (!view.equals("contour") && !view.equals("surface")) {
            throw new UsageException("--view " + view + ": must be contour or surface");
        }
        if (png == null && (a.option("--view") != null || a.option("--size") != null)) {
            throw new UsageException("--view and --size describe the picture of --png FILE, which is missing");
        }
        int[] size = a.size("--size", DEFAULT_WIDTH, DEFAULT_HEIGHT);
        FilesRead.Result<Scenario> read = FilesRead.of(() -> ScenarioReader.read(Path.of(a.positional.get(0))));
        a.checkOutputs(read.files());
        Scenario scenario = read.value();
        Surface surface = scenario.buildSurface();
        Simulation sim = scenario.simulation(surface);
        if (csv != null) {
            AtomicFiles.writeText(csv, w -> sim.runSequentially(new TrajectoryCsv(w, scenario.labels()), Cancellation.NEVER));
        }
        if (png != null) {
            List<Trajectory> trajectories = sim.runDecimated(Runnable::run, Cancellation.NEVER, PICTURE_POINTS);
            if (view.equals("contour")) {
                PngExport.write(PngExport.contour(scenario, surface, trajectories, size[0], size[1], PlotStyle.LIGHT), png);
            } else {
                SurfaceRenderer.renderPng(scenario, surface, trajectories, size[0], size[1], png);
            }
        }
        if (csv == null && png == null) {
            summary(scenario, sim, out);
        }
    }

    /** ", N stalled updates" for a low-precision run (its link's channel {@code precision.stalled}); else "". */
    private static String stalled(Outcome o) {
        double c = o.channel("precision.stalled");
        return Double.isNaN(c) ? "" : ", " + (long) c + " stalled updates";
    }

    /** Each run's outcome, from the runs' last points only: memory independent of the number of steps. */
    private static void summary(Scenario scenario, Simulation sim, PrintStream out) {
        List<Outcome> outcomes = sim.outcomes(Cancellation.NEVER);
        List<String> labels = scenario.labels();
        out.println(scenario.title().isEmpty() ? "(untitled scenario)" : scenario.title());
        // One write for all lines: a stream that flushes at each line costs a system call per run.
        StringBuilder text = new StringBuilder();
        Formatter lines = new Formatter(text);
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            lines.format("%2d  %-24s  %s%n", i, labels.get(i), o.diverged()
                    ? "diverged at step " + o.divergedAt()
                    : "loss " + Numbers.format(o.loss()) + " at (" + Numbers.format(o.x()) + ", "
                    + Numbers.format(o.y()) + ") after " + scenario.steps() + " steps" + stalled(o));
        }
        out.print(text);
        out.flush();
    }
}
