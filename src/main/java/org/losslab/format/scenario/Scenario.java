package org.losslab.format.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.losslab.engine.sim.Simulation;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.engine.update.RunSettings;
import org.losslab.format.Point;
import org.losslab.format.RunSpec;
import org.losslab.format.SurfaceCatalog;
import org.losslab.format.Typed;

/**
 * A scenario (format {@code losslab-scenario/1}): a surface, a start, a number of updates and the
 * runs to race. Immutable; edits make new scenarios, which is what background work is handed.
 *
 * @param view null: the surface's default window
 */
public record Scenario(String title, String description, Typed surface, Window view, Point start, long steps, long seed,
                       List<RunSpec> runs) {
    public static final String FORMAT = "losslab-scenario/1";
    public static final long MAX_STEPS = 10_000_000L;

    public Scenario {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(start, "start");
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        runs = List.copyOf(runs);
    }

    /** The engine surface (parses a typed formula). */
    public Surface buildSurface() {
        return SurfaceCatalog.build(surface);
    }

    /** The plot window: the scenario's, or the surface's default. */
    public Window viewOrDefault(Surface s) {
        return view != null ? view : s.defaultView();
    }

    /** The engine simulation of every run. */
    public Simulation simulation() {
        return simulation(buildSurface());
    }

    public Simulation simulation(Surface s) {
        List<RunSettings> rc = new ArrayList<>();
        for (RunSpec r : runs) {
            rc.add(r.toRunSettings(start));
        }
        return new Simulation(s, rc, steps, seed);
    }

    public List<String> labels() {
        return runs.stream().map(RunSpec::displayLabel).toList();
    }

    public Scenario withSurface(Typed s) {
        return new Scenario(title, description, s, view, start, steps, seed, runs);
    }

    public Scenario withView(Window v) {
        return new Scenario(title, description, surface, v, start, steps, seed, runs);
    }

    public Scenario withStart(Point p) {
        return new Scenario(title, description, surface, view, p, steps, seed, runs);
    }

    public Scenario withSteps(long n) {
        return new Scenario(title, description, surface, view, start, n, seed, runs);
    }

    public Scenario withSeed(long s) {
        return new Scenario(title, description, surface, view, start, steps, s, runs);
    }

    public Scenario withRuns(List<RunSpec> r) {
        return new Scenario(title, description, surface, view, start, steps, seed, r);
    }

    public Scenario withRun(int i, RunSpec r) {
        List<RunSpec> copy = new ArrayList<>(runs);
        copy.set(i, r);
        return withRuns(copy);
    }

    public Scenario withTitle(String t, String d) {
        return new Scenario(t, d, surface, view, start, steps, seed, runs);
    }
}
