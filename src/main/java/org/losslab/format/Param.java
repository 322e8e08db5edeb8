package org.losslab.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losslab.io.Numbers;

/**
 * One parameter of a surface, optimizer or schedule: its JSON key, what values it takes, its
 * default ({@code null} when required or derived from the scenario, as {@link #defaultNote} says),
 * and a one-line meaning that the app shows as a tooltip.
 */
public record Param(String name, Kind kind, Object defaultValue, String defaultNote, double min, boolean minOpen,
                    double max, boolean maxOpen, List<String> choices, String help) {

    /** What a value may be. */
    public enum Kind { NUMBER, INTEGER, BOOLEAN, CHOICE, STRING, UNIT_PAIR, INTEGER_LIST, NUMBER_MAP }

    /** A real number in [min, max] (open ends where said). */
    public static Param number(String name, Double def, double min, boolean minOpen, double max, String help) {
        return new Param(name, Kind.NUMBER, def, null, min, minOpen, max, false, List.of(), help);
    }

    /** Any finite real number. */
    public static Param real(String name, Double def, String help) {
        return number(name, def, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, help);
    }

    /** A real number ≥ 0. */
    public static Param nonNegative(String name, Double def, String help) {
        return number(name, def, 0, false, Double.POSITIVE_INFINITY, help);
    }

    /** A real number &gt; 0. */
    public static Param positive(String name, Double def, String help) {
        return number(name, def, 0, true, Double.POSITIVE_INFINITY, help);
    }

    public static Param integer(String name, Long def, long min, long max, String help) {
        return new Param(name, Kind.INTEGER, def, null, min, false, max, false, List.of(), help);
    }

    public static Param bool(String name, boolean def, String help) {
        return new Param(name, Kind.BOOLEAN, def, null, 0, false, 0, false, List.of(), help);
    }

    public static Param choice(String name, String def, List<String> choices, String help) {
        return new Param(name, Kind.CHOICE, def, null, 0, false, 0, false, List.copyOf(choices), help);
    }

    public static Param string(String name, String help) {
        return new Param(name, Kind.STRING, null, null, 0, false, 0, false, List.of(), help);
    }

    /** Two numbers in [0, 1), torch's {@code betas}. */
    public static Param unitPair(String name, double a, double b, String help) {
        return new Param(name, Kind.UNIT_PAIR, List.of(a, b), null, 0, false, 1, true, List.of(), help);
    }

    public static Param integerList(String name, String help) {
        return new Param(name, Kind.INTEGER_LIST, null, null, 0, false, Long.MAX_VALUE, false, List.of(), help);
    }

    public static Param numberMap(String name, String help) {
        return new Param(name, Kind.NUMBER_MAP, Map.of(), null, 0, false, 0, false, List.of(), help);
    }

    /** This parameter with a default that depends on the scenario, described for people. */
    public Param derived(String note) {
        return new Param(name, kind, null, note, min, minOpen, max, maxOpen, choices, help);
    }

    /** This parameter, required (no default). */
    public Param required() {
        return new Param(name, kind, null, null, min, minOpen, max, maxOpen, choices, help);
    }

    /** This parameter with an exclusive upper bound. */
    public Param below(double bound) {
        return new Param(name, kind, defaultValue, defaultNote, min, minOpen, bound, true, choices, help);
    }

    public boolean isRequired() {
        return defaultValue == null && defaultNote == null;
    }

    /**
     * Reads and checks this parameter's JSON value.
     *
     * @return the normalized value (Double, Long, Boolean, String, List, Map)
     * @throws IllegalArgumentException with what is wrong (the caller adds where)
     */
    public Object read(JsonNode v) {
        switch (kind) {
            case NUMBER:
                return checkRange(number(v));
            case INTEGER: {
                long x = integer(v);
                if (x < min || x > max) {
                    throw new IllegalArgumentException("must be " + rangeText() + ", got " + x);
                }
                return x;
            }
            case BOOLEAN:
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException("must be true or false, got " + describe(v));
                }
                return v.booleanValue();
            case CHOICE: {
                if (!v.isTextual() || !choices.contains(v.textValue())) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", choices.stream()
                            .map(c -> '"' + c + '"').toList()) + ", got " + describe(v));
                }
                return v.textValue();
            }
            case STRING:
                if (!v.isTextual()) {
                    throw new IllegalArgumentException("must be a string, got " + describe(v));
                }
                return v.textValue();
            case UNIT_PAIR: {
                if (!v.isArray() || v.size() != 2) {
                    throw new IllegalArgumentException("must be a pair [a, b], got " + describe(v));
                }
                List<Double> out = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    double x = number(v.get(i));
                    if (!(x >= 0 && x < 1)) {
                        throw new IllegalArgumentException("entry " + i + " must be in [0, 1), got " + x);
                    }
                    out.add(x);
                }
                return List.copyOf(out);
            }
            case INTEGER_LIST: {
                if (!v.isArray()) {
                    throw new IllegalArgumentException("must be a list of whole numbers, got " + describe(v));
                }
                List<Long> out = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    long x = integer(v.get(i));
                    if (x < 0) {
                        throw new IllegalArgumentException("entry " + i + " must be ≥ 0, got " + x);
                    }
                    if (!out.isEmpty() && x < out.get(out.size() - 1)) {
                        throw new IllegalArgumentException("must be in increasing order");
                    }
                    out.add(x);
                }
                return List.copyOf(out);
            }
            case NUMBER_MAP: {
                if (!v.isObject()) {
                    throw new IllegalArgumentException("must be an object of named numbers, got " + describe(v));
                }
                Map<String, Double> out = new LinkedHashMap<>();
                var it = v.fields();
                while (it.hasNext()) {
                    var e = it.next();
                    if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        throw new IllegalArgumentException("'" + e.getKey() + "' is not a valid name");
                    }
                    if (!e.getValue().isNumber()) {
                        throw new IllegalArgumentException("'" + e.getKey() + "' must be a number, got " + describe(e.getValue()));
                    }
                    out.put(e.getKey(), e.getValue().doubleValue());
                }
                return java.util.Collections.unmodifiableMap(out);
            }
            default:
                throw new AssertionError(kind);
        }
    }

    private double checkRange(double x) {
        boolean lowOk = minOpen ? x > min : x >= min;
        boolean highOk = maxOpen ? x < max : x <= max;
        if (!lowOk || !highOk) {
            throw new IllegalArgumentException("must be " + rangeText() + ", got " + Numbers.plain(x));
        }
        return x;
    }

    /** The allowed range in words, e.g. "≥ 0", "in [0, 1)", "a whole number ≥ 1". */
    public String rangeText() {
        String lo = Numbers.plain(min), hi = Numbers.plain(max);
        boolean hasLo = min != Double.NEGATIVE_INFINITY && !(kind == Kind.INTEGER && min == Long.MIN_VALUE);
        boolean hasHi = max != Double.POSITIVE_INFINITY && !(kind == Kind.INTEGER && max >= Long.MAX_VALUE);
        String prefix = kind == Kind.INTEGER ? "a whole number " : "";
        if (hasLo && hasHi) {
            if (kind == Kind.INTEGER) {
                return prefix + "from " + lo + " to " + hi;
            }
            return "in " + (minOpen ? "(" : "[") + lo + ", " + hi + (maxOpen ? ")" : "]");
        }
        if (hasLo) {
            return prefix + (minOpen ? "> " : "≥ ") + lo;
        }
        if (hasHi) {
            return prefix + (maxOpen ? "< " : "≤ ") + hi;
        }
        return kind == Kind.INTEGER ? "a whole number" : "a finite number";
    }

    public static double number(JsonNode v) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException("must be a number, got " + describe(v));
        }
        double x = v.doubleValue();
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("must be a finite number, got " + v.asText());
        }
        return x;
    }

    public static long integer(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9e15) {
                return (long) d;
            }
            throw new IllegalArgumentException("must be a whole number, got " + v.asText());
        }
        throw new IllegalArgumentException("must be a whole number, got " + describe(v));
    }

    /** A short description of a JSON value for error messages. */
    public static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            String s = v.textValue();
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (v.isArray()) {
            return "a list of " + v.size();
        }
        if (v.isObject()) {
            return "an object";
        }
        return v.toString();
    }
}
