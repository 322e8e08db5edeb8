package org.losslab.app.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.losslab.app.model.JobThreads;
import org.losslab.app.model.Samples;
import org.losslab.engine.federated.FederatedPath;
import org.losslab.engine.federated.GlobalObjective;
import org.losslab.format.InputException;
import org.losslab.format.federated.FederatedSpec;
import org.losslab.io.FederatedCsv;
import org.losslab.io.Numbers;
import org.losslab.render.FederatedPainter;

/**
 * The Federated tab's state, free of nodes: the open federated file, its runs computed in the
 * background (reading, every round of every run, F's lowest point), and the round shown.
 */
public final class FederatedModel extends StudyModel<FederatedModel.Study> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A computed study: the file, its spec, the global objective, every run's path and F's lowest point. */
    public record Study(Path file, FederatedSpec spec, GlobalObjective problem, List<FederatedPath> paths, double[] minimum) {
        public Study {
            paths = List.copyOf(paths);
        }
    }

    private final IntegerProperty round = new SimpleIntegerProperty(this, "round");

    /** @param threads where the study runs (its runs go in parallel on the pool) */
    public FederatedModel(JobThreads threads, Consumer<Runnable> publish) {
        super(threads, publish, "Open a federated file (losslab-federated/1), e.g. sample-landscapes/federated-client-drift.json.");
    }




    /** The round shown, 0 … rounds (set to the last when a study arrives). */
    public IntegerProperty roundProperty() {
        return round;
    }

    /** Does the file say it is a federated file? (Unreadable files are not.) */
    public static boolean isFederated(Path p) {
        try {
            return FederatedSpec.FORMAT.equals(JSON.readTree(p.toFile()).path("format").asText(null));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The federated files among the samples, sorted by name. */
    public static List<Path> samples() {
        Path dir = Samples.directory();
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).filter(FederatedModel::isFederated).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Reads and runs a federated file in the background; a bad file keeps the study shown and says
     * what is wrong in {@link #messageProperty()}. Call on the FX thread.
     */
    public void open(Path file) {
        message.set("Running " + file.getFileName() + "…");
        long t0 = System.nanoTime();
        job.start((pool, threads, cancel, progress) -> {
            try {
                FederatedSpec spec = FederatedSpec.read(file);
                GlobalObjective problem = spec.problem();
                List<FederatedPath> paths = spec.simulation(problem).run(pool, cancel);
                return paths == null ? null : new Study(file, spec, problem, paths, problem.lowestPoint());
            } catch (InputException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, () -> { }, study -> {
            result.set(study);
            round.set(study.spec().rounds());
            message.set(String.format("%s: %d clients, %d rounds, %d runs in %.2f s. %s", file.getFileName(),
                    study.spec().clients().size(), study.spec().rounds(), study.paths().size(), (System.nanoTime() - t0) / 1e9,
                    summary(study)));
        }, problem -> message.set("Could not open the federated file. " + problem));
    }

    /** Each run's distance from F's lowest point after the last round. */
    public static String summary(Study s) {
        StringBuilder b = new StringBuilder("After the last round, distance to F's minimum: ");
        for (int j = 0; j < s.paths().size(); j++) {
            FederatedPath p = s.paths().get(j);
            int r = p.rounds();
            b.append(j > 0 ? "; " : "").append(s.spec().runLabels().get(j)).append(' ').append(p.diverged() ? "diverged"
                    : Numbers.format(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g",
                    Math.hypot(p.serverX(r) - s.minimum()[0], p.serverY(r) - s.minimum()[1])))));
        }
        return b.append('.').toString();
    }

    public void exportPng(Path file) throws IOException {
        Study s = require();
        FederatedPainter.writePng(s.spec(), s.problem(), s.paths(), 1600, 1000, file);
    }

    public void exportCsv(Path file) throws IOException {
        Study s = require();
        FederatedCsv.write(s.paths(), s.spec().runLabels(), file);
    }

    private Study require() throws IOException {
        Study s = result.get();
        if (s == null) {
            throw new IOException("there is no federated study to export yet");
        }
        return s;
    }
}
