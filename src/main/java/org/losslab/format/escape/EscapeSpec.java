package org.losslab.format.escape;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.losslab.engine.analysis.Escape;
import org.losslab.engine.surface.DoubleWell;
import org.losslab.format.InputException;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.SpecFiles;

/**
 * An escape file (format {@code losslab-escape/1}, see docs/escape-format.md): a double-well
 * scenario, the run whose dynamics to use, the temperatures and how many seeds each. Immutable.
 *
 * @param title        shown above the plots
 * @param scenario     the scenario (steps and seed replaced by the spec's, if given)
 * @param run          the index of the run whose optimizer, schedule, … drive the Langevin dynamics
 * @param wells        which wells to start in: "sharp", "flat" or both, in that order
 * @param temperatures the temperatures T &gt; 0
 * @param seeds        runs per well and temperature
 */
public record EscapeSpec(String title, Scenario scenario, int run, List<String> wells, double[] temperatures, int seeds) {
    public static final String FORMAT = "losslab-escape/1";
    public static final int MAX_TEMPERATURES = 64;
    public static final int MAX_SEEDS = 100_000;
    private static final Set<String> KEYS =
            Set.of("format", "title", "scenario", "run", "wells", "temperatures", "seeds", "steps", "seed");

    public EscapeSpec {
        wells = List.copyOf(wells);
        temperatures = temperatures.clone();
    }

    @Override
    public double[] temperatures() {
        return temperatures.clone();
    }

    /** Reads and checks a file of this kind. */
    public static EscapeSpec read(Path file) throws InputException {
        return SpecFiles.read(file, FORMAT, KEYS, EscapeSpec::parse);
    }

    /** Reads from text; {@code source} names it in messages, {@code folder} resolves a referenced scenario. */
    public static EscapeSpec read(String text, String source, Path folder) throws InputException {
        return SpecFiles.read(text, source, folder, FORMAT, KEYS, EscapeSpec::parse);
    }

    private static EscapeSpec parse(JsonNode root, SpecFiles f, String title, Scenario scenario) throws InputException {
        if (!scenario.surface().type().equals("doubleWell")) {
            throw f.error("$.scenario.surface.type", "escape needs the \"doubleWell\" surface, got \"" + scenario.surface().type() + "\"");
        }
        if (!((DoubleWell) scenario.buildSurface()).hasTwoMinima()) {
            throw f.error("$.scenario.surface", "these parameters merge the two wells into one minimum: there is no barrier to escape over");
        }
        if (root.has("steps")) {
            scenario = scenario.withSteps(f.integer(root.get("steps"), "$.steps", 1, Scenario.MAX_STEPS));
        } else if (scenario.steps() < 1) {
            throw f.error("$.scenario.steps", "escape runs need at least 1 step");
        }
        if (root.has("seed")) {
            scenario = scenario.withSeed(f.integer(root.get("seed"), "$.seed", Long.MIN_VALUE, Long.MAX_VALUE));
        }
        int run = root.has("run") ? (int) f.integer(root.get("run"), "$.run", 0, scenario.runs().size() - 1) : 0;
        List<String> wells = List.of("sharp", "flat");
        if (root.has("wells")) {
            JsonNode w = root.get("wells");
            if (!w.isArray() || w.isEmpty() || w.size() > 2) {
                throw f.error("$.wells", "must be a list of \"sharp\", \"flat\" or both, got " + SpecFiles.describe(w));
            }
            List<String> list = new ArrayList<>();
            for (int i = 0; i < w.size(); i++) {
                String s = f.string(w.get(i), "$.wells[" + i + "]");
                if (!s.equals("sharp") && !s.equals("flat")) {
                    throw f.error("$.wells[" + i + "]", "must be \"sharp\" or \"flat\", got \"" + s + "\"");
                }
                if (list.contains(s)) {
                    throw f.error("$.wells[" + i + "]", "\"" + s + "\" is listed twice");
                }
                list.add(s);
            }
            wells = list;
        }
        JsonNode t = f.required(root, "$", "temperatures");
        if (!t.isArray() || t.isEmpty() || t.size() > MAX_TEMPERATURES) {
            throw f.error("$.temperatures", "must be a list of 1 to " + MAX_TEMPERATURES + " temperatures, got " + SpecFiles.describe(t));
        }
        double[] temps = new double[t.size()];
        for (int i = 0; i < temps.length; i++) {
            temps[i] = f.number(t.get(i), "$.temperatures[" + i + "]");
            if (!(temps[i] > 0)) {
                throw f.error("$.temperatures[" + i + "]", "must be > 0, got " + t.get(i).asText());
            }
        }
        int seeds = (int) f.integer(f.required(root, "$", "seeds"), "$.seeds", 1, MAX_SEEDS);
        return new EscapeSpec(title, scenario, run, wells, temps, seeds);
    }

    /** The engine escape study starting in one well. */
    public Escape escape(String well) {
        DoubleWell surface = (DoubleWell) scenario.buildSurface();
        return new Escape(surface, scenario.runs().get(run).toRunSettings(scenario.start()), well.equals("sharp"),
                temperatures, seeds, scenario.steps(), scenario.seed());
    }
}
