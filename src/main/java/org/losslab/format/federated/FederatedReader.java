package org.losslab.format.federated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.losslab.engine.federated.Algorithm;
import org.losslab.engine.surface.Window;
import org.losslab.format.InputException;
import org.losslab.format.JsonInput;
import org.losslab.format.Param;
import org.losslab.format.Point;
import org.losslab.format.RunReader;
import org.losslab.format.RunSpec;
import org.losslab.format.Typed;
import org.losslab.format.scenario.ScenarioReader;

/**
 * Reads and checks federated files with the one-line errors of {@link JsonInput} (the file, the JSON
 * path, what is wrong): the same strict JSON, surfaces, windows and runs as a scenario, plus the
 * clients and the algorithm keys of each run.
 */
final class FederatedReader {
    private static final Set<String> KEYS = Set.of("format", "title", "description", "surface", "view", "clients", "start",
            "rounds", "localSteps", "seed", "runs");
    private static final Set<String> CLIENT_KEYS = Set.of("label", "weight", "shift", "scale", "surface");
    /** A run's own keys beside those of a scenario's run. */
    private static final Set<String> RUN_KEYS = Set.of("algorithm", "mu", "serverLr", "localSteps");

    private final JsonInput in;

    private FederatedReader(String source) {
        in = new JsonInput(source);
    }

    static FederatedSpec read(Path file) throws InputException {
        return read(JsonInput.readText(file), file.toString());
    }

    static FederatedSpec read(String text, String source) throws InputException {
        return new FederatedReader(source).spec(JsonInput.parse(text, source));
    }

    private FederatedSpec spec(JsonNode root) throws InputException {
        in.header(root, "a federated file", FederatedSpec.FORMAT, KEYS);
        String title = root.has("title") ? in.string(root.get("title"), "$.title") : "";
        String description = root.has("description") ? in.string(root.get("description"), "$.description") : "";
        Typed surface = ScenarioReader.surface(in, in.required(root, "$", "surface"), "$.surface");
        Window view = root.has("view") ? ScenarioReader.view(in, root.get("view"), "$.view") : null;
        JsonNode cs = in.required(root, "$", "clients");
        if (!cs.isArray() || cs.isEmpty() || cs.size() > FederatedSpec.MAX_CLIENTS) {
            throw in.error("$.clients", "must be a list of 1 to " + FederatedSpec.MAX_CLIENTS + " clients, got " + Param.describe(cs));
        }
        List<FederatedSpec.Client> clients = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            clients.add(client(cs.get(i), "$.clients[" + i + "]"));
        }
        Point start = in.point(in.required(root, "$", "start"), "$.start");
        int rounds = (int) in.integer(in.required(root, "$", "rounds"), "$.rounds", 0, FederatedSpec.MAX_ROUNDS);
        int k = (int) in.integer(in.required(root, "$", "localSteps"), "$.localSteps", 1, FederatedSpec.MAX_LOCAL_STEPS);
        long seed = root.has("seed") ? in.integer(root.get("seed"), "$.seed", Long.MIN_VALUE, Long.MAX_VALUE) : 0;
        JsonNode rs = in.required(root, "$", "runs");
        if (!rs.isArray() || rs.isEmpty()) {
            throw in.error("$.runs", "must be a list of one or more runs, got " + Param.describe(rs));
        }
        List<FederatedSpec.Run> runs = new ArrayList<>();
        for (int j = 0; j < rs.size(); j++) {
            FederatedSpec.Run r = run(rs.get(j), "$.runs[" + j + "]", rounds, k);
            int kj = r.localSteps() != null ? r.localSteps() : k;
            if ((long) rounds * clients.size() * (kj + 1) > FederatedSpec.MAX_POINTS) {
                throw in.error(r.localSteps() != null ? "$.runs[" + j + "].localSteps" : "$.rounds",
                        String.format("rounds × clients × (localSteps + 1) = %,d client points; at most %,d",
                                (long) rounds * clients.size() * (kj + 1), FederatedSpec.MAX_POINTS));
            }
            runs.add(r);
        }
        return new FederatedSpec(title, description, surface, view, clients, start, rounds, k, seed, runs);
    }

    private FederatedSpec.Client client(JsonNode node, String path) throws InputException {
        in.object(node, path, CLIENT_KEYS);
        String label = node.has("label") ? in.string(node.get("label"), path + ".label") : null;
        double weight = node.has("weight") ? in.number(node.get("weight"), path + ".weight", 0, true) : 1;
        Point shift = node.has("shift") ? in.point(node.get("shift"), path + ".shift") : new Point(0, 0);
        double scale = node.has("scale") ? in.number(node.get("scale"), path + ".scale", 0, true) : 1;
        Typed surface = node.has("surface") ? ScenarioReader.surface(in, node.get("surface"), path + ".surface") : null;
        return new FederatedSpec.Client(label, weight, shift, scale, surface);
    }

    private FederatedSpec.Run run(JsonNode node, String path, int rounds, int fileK) throws InputException {
        if (!node.isObject()) {
            throw in.error(path, "a run must be a JSON object, got " + Param.describe(node));
        }
        Set<String> allowed = new TreeSet<>(RunReader.KEYS);
        allowed.addAll(RUN_KEYS);
        in.unknownKeys(node, path, allowed);
        JsonNode a = in.required(node, path, "algorithm");
        Algorithm algorithm = a.isTextual() ? Algorithm.of(a.textValue()) : null;
        if (algorithm == null) {
            throw in.error(path + ".algorithm", "must be \"fedavg\", \"fedprox\" or \"scaffold\", got " + Param.describe(a));
        }
        double mu = 0;
        if (algorithm == Algorithm.FEDPROX) {
            mu = in.number(in.required(node, path, "mu"), path + ".mu", 0, false);
        } else if (node.has("mu")) {
            throw in.error(path + ".mu", "μ is FedProx's proximal weight; \"" + algorithm.key() + "\" has none");
        }
        double serverLr = node.has("serverLr") ? in.number(node.get("serverLr"), path + ".serverLr", 0, true) : 1;
        Integer k = node.has("localSteps")
                ? (int) in.integer(node.get("localSteps"), path + ".localSteps", 1, FederatedSpec.MAX_LOCAL_STEPS) : null;
        ObjectNode local = ((ObjectNode) node).deepCopy();
        local.remove(RUN_KEYS);
        long updates = (long) rounds * (k != null ? k : fileK);
        RunSpec spec = new RunReader(in, false, updates, Integer.MAX_VALUE).read(local, path, updates);
        if (spec.batchSize() != null) {
            throw in.error(path + ".batchSize", "clients take full-batch steps on their surfaces");
        }
        if (spec.precision() != null) {
            throw in.error(path + ".precision", "federated rounds run in float64 (the server average is not rounded)");
        }
        if (spec.schedule() != null && spec.schedule().type().equals("plateau")) {
            throw in.error(path + ".schedule.type", "a loss-driven schedule has no single loss to watch across clients");
        }
        return new FederatedSpec.Run(spec, algorithm, mu, serverLr, k);
    }
}
