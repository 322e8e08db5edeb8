package org.losslab.format.scenario;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.losslab.format.JsonInput;
import org.losslab.format.MethodOptions;
import org.losslab.format.PrecisionSpec;
import org.losslab.format.RunSpec;
import org.losslab.format.Typed;
import org.losslab.io.AtomicFiles;

/**
 * Writes scenarios in the spec's key order, saying only what the scenario says (absent optional
 * keys stay absent), so that reading a saved file gives back an equal {@link Scenario}.
 */
public final class ScenarioWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioWriter() {
    }

    /** Saves atomically: the file is either the old one or the whole new one. */
    public static void write(Scenario s, Path file) throws IOException {
        byte[] bytes = toJson(s).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    public static String toJson(Scenario s) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JsonInput.JSON.writer(pp).writeValueAsString(toTree(s)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode toTree(Scenario s) {
        ObjectNode o = NODES.objectNode();
        o.put("format", Scenario.FORMAT);
        if (!s.title().isEmpty()) {
            o.put("title", s.title());
        }
        if (!s.description().isEmpty()) {
            o.put("description", s.description());
        }
        o.set("surface", typed(s.surface()));
        if (s.view() != null) {
            ObjectNode v = o.putObject("view");
            v.set("x", pair(s.view().xMin(), s.view().xMax()));
            v.set("y", pair(s.view().yMin(), s.view().yMax()));
        }
        o.set("start", pair(s.start().x(), s.start().y()));
        o.put("steps", s.steps());
        if (s.seed() != 0) {
            o.put("seed", s.seed());
        }
        ArrayNode runs = o.putArray("runs");
        for (RunSpec r : s.runs()) {
            ObjectNode n = runs.addObject();
            if (r.label() != null) {
                n.put("label", r.label());
            }
            if (r.color() != null) {
                n.put("color", r.color());
            }
            n.set("optimizer", typed(r.optimizer()));
            if (r.schedule() != null) {
                n.set("schedule", typed(r.schedule()));
            }
            if (r.warmupSteps() != 0) {
                n.put("warmupSteps", r.warmupSteps());
            }
            if (r.noiseTemperature() != 0) {
                n.set("noiseTemperature", number(r.noiseTemperature()));
            }
            if (r.samRho() != 0) {
                n.set("samRho", number(r.samRho()));
            }
            if (r.clipNorm() != null) {
                n.set("clipNorm", number(r.clipNorm()));
            }
            methods(n, r.methods());
            if (r.batchSize() != null) {
                n.put("batchSize", r.batchSize());
            }
            if (r.precision() != null) {
                PrecisionSpec p = r.precision();
                if (p.precision() != null) {
                    n.put("precision", p.precision().key());
                }
                if (p.masterWeights() != null) {
                    n.put("masterWeights", p.masterWeights());
                }
                if (p.lossScale() != null) {
                    n.set("lossScale", number(p.lossScale()));
                }
            }
            if (r.start() != null) {
                n.set("start", pair(r.start().x(), r.start().y()));
            }
        }
        return o;
    }

    /** The keys of {@link MethodOptions} the run sets, in the docs' order. */
    static void methods(ObjectNode n, MethodOptions m) {
        if (m.clipValue() != null) {
            n.set("clipValue", number(m.clipValue()));
        }
        if (m.l1() != 0) {
            n.set("l1", number(m.l1()));
        }
        if (m.l2() != 0) {
            n.set("l2", number(m.l2()));
        }
        if (m.samAdaptive()) {
            n.put("samAdaptive", true);
        }
        if (m.lookahead() != null) {
            n.set("lookahead", params(m.lookahead()));
        }
        if (m.swa() != null) {
            n.set("swa", params(m.swa()));
        }
        if (m.gradientEstimator() != null) {
            n.set("gradientEstimator", typed(m.gradientEstimator()));
        }
    }

    private static ObjectNode params(Typed t) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, Object> e : t.params().entrySet()) {
            o.set(e.getKey(), value(e.getValue()));
        }
        return o;
    }

    private static ObjectNode typed(Typed t) {
        ObjectNode o = NODES.objectNode();
        o.put("type", t.type());
        for (Map.Entry<String, Object> e : t.params().entrySet()) {
            o.set(e.getKey(), value(e.getValue()));
        }
        return o;
    }

    private static JsonNode value(Object v) {
        if (v instanceof Double d) {
            return number(d);
        } else if (v instanceof Long l) {
            return NODES.numberNode(l);
        } else if (v instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (v instanceof String s) {
            return NODES.textNode(s);
        } else if (v instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(x -> a.add(value(x)));
            return a;
        } else if (v instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, x) -> o.set((String) k, value(x)));
            return o;
        }
        throw new IllegalArgumentException("cannot write " + v);
    }

    /** Whole numbers without ".0", others in their shortest round-trip form. */
    private static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
            return NODES.numberNode((long) d);
        }
        return NODES.numberNode(d);
    }

    private static ArrayNode pair(double a, double b) {
        ArrayNode n = NODES.arrayNode();
        n.add(number(a));
        n.add(number(b));
        return n;
    }
}
