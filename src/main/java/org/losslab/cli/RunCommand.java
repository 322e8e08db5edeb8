package org.losslab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
import org.losslab.io.PngExport;
import org.losslab.io.TrajectoryCsv;
import org.losslab.render.PlotStyle;
import org.losslab.scenario.Scenario;
import org.losslab.scenario.ScenarioException;
import org.losslab.scenario.ScenarioReader;

/**
 * {@code losslab run SCENARIO.json [--csv FILE] [--png FILE] [--view contour|surface] [--size WxH]}:
 * runs a scenario headless. With no output option it prints a summary of each run.
 */
final class RunCommand {
    static final String USAGE = "losslab run SCENARIO.json [--csv FILE] [--png FILE] [--view contour|surface] [--size WxH]";
    private static final int DEFAULT_WIDTH = 1600, DEFAULT_HEIGHT = 1000;

    private RunCommand() {
    }

    static void run(List<String> argv, PrintStream out) throws UsageException, ScenarioException, IOException {
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
        if (png != null && view.equals("surface") && surfaceRenderer() == null) {
            throw new UsageException("--view surface: the 3-D renderer (org.losslab.render3d) is not part of this build; use --view contour");
        }
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
        if (png != null) {
            List<Trajectory> trajectories = sim.run(Runnable::run, Cancellation.NEVER);
            if (view.equals("contour")) {
                PngExport.write(PngExport.contour(scenario, surface, trajectories, size[0], size[1], PlotStyle.LIGHT), png);
            } else {
                renderSurface(scenario, surface, trajectories, size, png);
            }
        }
        if (csv == null && png == null) {
            summary(scenario, sim, out);
        }
    }

    /**
     * The 3-D software renderer, {@code org.losslab.render3d.SurfaceRenderer.renderPng(Scenario,
     * Surface, List<Trajectory>, int, int, Path)}, looked up by name so the command line builds and
     * runs without it; null when absent.
     */
    private static Method surfaceRenderer() {
        try {
            return Class.forName("org.losslab.render3d.SurfaceRenderer").getMethod("renderPng", Scenario.class,
                    Surface.class, List.class, int.class, int.class, Path.class);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static void renderSurface(Scenario sc, Surface s, List<Trajectory> tr, int[] size, Path png) throws IOException {
        try {
            surfaceRenderer().invoke(null, sc, s, tr, size[0], size[1], png);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
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
