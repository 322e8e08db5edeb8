package org.losslab.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Inputs for a reader's fuzz target, made from valid files of its kind (the seeds): mostly
 * structure-aware mutations of the JSON tree (a value replaced by a value of another type or an
 * extreme number, a key removed, added from the seeds' own vocabulary or renamed, list items
 * removed or copied, whole subtrees moved), so that inputs get past the syntax into every check of
 * the reader, and on top of that, or alone, text mutations (ranges cut or doubled, syntax
 * characters and odd code points inserted, the text truncated) for the JSON parser and its errors.
 */
final class JsonMutator {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String SYNTAX = "{}[]:,\"\\ 0123456789eE.-+ntfrul\n\t\r/";

    private final List<String> texts = new ArrayList<>();
    private final List<JsonNode> trees = new ArrayList<>();
    /** Every key and string value of the seeds: type names, keys, enum values. */
    private final List<String> words;

    JsonMutator(List<String> seeds) {
        TreeSet<String> vocabulary = new TreeSet<>();
        for (String s : seeds) {
            texts.add(s);
            try {
                JsonNode t = PLAIN.readTree(s);
                trees.add(t);
                collect(t, vocabulary);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        words = List.copyOf(vocabulary);
    }

    /** The seeds: every {@code .json} file under the folders whose {@code "format"} is {@code format}. */
    static List<String> seeds(String format, Path... folders) {
        List<String> out = new ArrayList<>();
        for (Path folder : folders) {
            try (var files = Files.list(folder)) {
                for (Path p : files.sorted().toList()) {
                    if (p.toString().endsWith(".json")) {
                        String text = Files.readString(p);
                        if (PLAIN.readTree(text).path("format").asText().equals(format)) {
                            out.add(text);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static void collect(JsonNode n, TreeSet<String> words) {
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(words::add);
        }
        if (n.isTextual() && n.textValue().length() < 40) {
            words.add(n.textValue());
        }
        n.elements().forEachRemaining(c -> collect(c, words));
    }

    String next(Random r) {
        int k = r.nextInt(trees.size());
        String text;
        if (r.nextInt(5) != 0) {
            JsonNode t = trees.get(k).deepCopy();
            int edits = 1 + r.nextInt(4);
            for (int i = 0; i < edits; i++) {
                t = mutate(t, r);
            }
            text = r.nextBoolean() ? t.toString() : t.toPrettyString();
        } else {
            text = texts.get(k);
        }
        if (r.nextInt(4) == 0) {
            text = TextMutations.mutate(text, r, SYNTAX, 1 + r.nextInt(3));
        }
        return text;
    }

    private JsonNode mutate(JsonNode root, Random r) {
        List<JsonNode> containers = new ArrayList<>();
        containers(root, containers);
        if (containers.isEmpty()) {
            return value(r, root);
        }
        JsonNode c = containers.get(r.nextInt(containers.size()));
        if (c instanceof ObjectNode o) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            int op = keys.isEmpty() ? 2 : r.nextInt(5);
            String key = keys.isEmpty() ? null : keys.get(r.nextInt(keys.size()));
            switch (op) {
                case 0, 1 -> o.set(key, value(r, root));
                case 2 -> o.set(word(r), value(r, root));
                case 3 -> o.remove(key);
                default -> {
                    JsonNode v = o.remove(key);
                    o.set(r.nextBoolean() ? word(r) : key + "x", v);
                }
            }
        } else if (c instanceof ArrayNode a) {
            int op = a.isEmpty() ? 2 : r.nextInt(5);
            int i = a.isEmpty() ? 0 : r.nextInt(a.size());
            switch (op) {
                case 0, 1 -> a.set(i, value(r, root));
                case 2 -> a.insert(i, r.nextBoolean() && !a.isEmpty() ? a.get(r.nextInt(a.size())).deepCopy() : value(r, root));
                case 3 -> a.remove(i);
                default -> a.removeAll();
            }
        }
        return root;
    }

    private static void containers(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                containers(it.next(), out);
            }
        }
    }

    private String word(Random r) {
        return words.get(r.nextInt(words.size()));
    }

    /** A value of any type: extreme and ordinary numbers, the seeds' words, containers, subtrees. */
    private JsonNode value(Random r, JsonNode root) {
        switch (r.nextInt(12)) {
            case 0:
                return F.numberNode(new BigDecimal(new String[] {"0", "-0.0", "1", "-1", "0.5", "2", "3", "10", "1e-9", "1e308", "-1e308",
                        "4.9e-324", "1e400", "-1e400", "1e-400", "2147483648", "9223372036854775807", "9223372036854775808",
                        "-9223372036854775809", "1e7", "10000001", "1e9", "0.999999", "1.0000001", "100000", "65536"}[r.nextInt(26)]));
            case 1:
                return F.numberNode(r.nextInt(200) - 20);
            case 2:
                return F.numberNode(r.nextGaussian() * Math.pow(10, r.nextInt(9) - 4));
            case 3:
            case 4:
                return F.textNode(word(r));
            case 5:
                return F.textNode(new String[] {"", " ", "x", "#12ab34", "#zzzzzz", "\u0000", "é", "../x.json", "x".repeat(5000)}[r.nextInt(9)]);
            case 6:
                return F.booleanNode(r.nextBoolean());
            case 7:
                return F.nullNode();
            case 8:
                return r.nextBoolean() ? F.arrayNode() : F.objectNode();
            case 9: {
                ArrayNode a = F.arrayNode();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(r.nextInt(3) == 0 ? F.numberNode(new BigInteger("1" + "0".repeat(r.nextInt(30)))) : F.numberNode(r.nextGaussian()));
                }
                return a;
            }
            default: {
                List<JsonNode> all = new ArrayList<>();
                all(root, all);
                return all.get(r.nextInt(all.size())).deepCopy();
            }
        }
    }

    private static void all(JsonNode n, List<JsonNode> out) {
        out.add(n);
        n.elements().forEachRemaining(c -> all(c, out));
    }
}
