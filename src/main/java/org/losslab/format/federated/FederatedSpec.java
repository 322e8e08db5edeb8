package org.losslab.format.federated;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.losslab.engine.federated.Algorithm;
import org.losslab.engine.federated.ClientSurface;
import org.losslab.engine.federated.FederatedRun;
import org.losslab.engine.federated.FederatedSimulation;
import org.losslab.engine.federated.GlobalObjective;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.format.InputException;
import org.losslab.format.Point;
import org.losslab.format.RunSpec;
import org.losslab.format.SurfaceCatalog;
import org.losslab.format.Typed;

/**
 * A federated file (format {@code losslab-federated/1}, see docs/federated-format.md): a base
 * surface, the clients (each the base shifted and scaled, or a surface of its own, with a weight),
 * the rounds and local steps, and the algorithm runs to compare from one start. Immutable.
 *
 * @param view       null: the base surface's default window
 * @param localSteps K, the local updates per round (a run may use its own)
 */
public record FederatedSpec(String title, String description, Typed surface, Window view, List<Client> clients, Point start,
                            int rounds, int localSteps, long seed, List<Run> runs) {
    public static final String FORMAT = "losslab-federated/1";
    public static final int MAX_CLIENTS = 64;
    public static final int MAX_ROUNDS = 100_000;
    public static final int MAX_LOCAL_STEPS = 10_000;
    /** The most client points one run may record, rounds × clients × (K + 1): what the app holds in memory. */
    public static final long MAX_POINTS = 4_000_000;

    public FederatedSpec {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(start, "start");
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        clients = List.copyOf(clients);
        runs = List.copyOf(runs);
    }

    /**
     * One client: f_i(θ) = scale·f(θ − shift), f its own surface or the base.
     *
     * @param label   names it in the legend and the CSV; null: "client i"
     * @param surface null: the base surface
     */
    public record Client(String label, double weight, Point shift, double scale, Typed surface) {
        public String displayLabel(int i) {
            return label != null ? label : "client " + (i + 1);
        }
    }

    /**
     * One algorithm run: the local update (a run of a scenario, its start unused) and the
     * algorithm's settings.
     *
     * @param localSteps null: the file's K
     */
    public record Run(RunSpec local, Algorithm algorithm, double mu, double serverLr, Integer localSteps) {
        public String displayLabel() {
            return local.label() != null ? local.label() : algorithm.key();
        }
    }

    /** Reads and checks a federated file. */
    public static FederatedSpec read(Path file) throws InputException {
        return FederatedReader.read(file);
    }

    /** Reads from text; {@code source} names it in messages. */
    public static FederatedSpec read(String text, String source) throws InputException {
        return FederatedReader.read(text, source);
    }

    /** K of run j. */
    public int localSteps(int j) {
        Integer k = runs.get(j).localSteps();
        return k != null ? k : localSteps;
    }

    public List<String> clientLabels() {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            l.add(clients.get(i).displayLabel(i));
        }
        return l;
    }

    public List<String> runLabels() {
        return runs.stream().map(Run::displayLabel).toList();
    }

    /** The global objective F = Σ p_i f_i over the clients' surfaces, with the plot window. */
    public GlobalObjective problem() {
        Surface base = SurfaceCatalog.build(surface);
        List<Surface> fs = new ArrayList<>();
        double[] w = new double[clients.size()];
        for (int i = 0; i < w.length; i++) {
            Client c = clients.get(i);
            Surface s = c.surface() != null ? SurfaceCatalog.build(c.surface()) : base;
            fs.add(new ClientSurface(s, c.shift().x(), c.shift().y(), c.scale()));
            w[i] = c.weight();
        }
        return new GlobalObjective(fs, w, view != null ? view : base.defaultView());
    }

    /** The engine's runs on a problem built once with {@link #problem()}. */
    public FederatedSimulation simulation(GlobalObjective problem) {
        List<FederatedRun> rs = new ArrayList<>();
        for (int j = 0; j < runs.size(); j++) {
            Run r = runs.get(j);
            rs.add(new FederatedRun(r.local().toRunSettings(start), r.algorithm(), r.mu(), r.serverLr(), localSteps(j)));
        }
        return new FederatedSimulation(problem, rs, start.x(), start.y(), rounds, seed);
    }
}
