package org.losslab.format;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters one type accepts (e.g. optimizer {@code adam}), with a title and the update
 * equations or formula for tooltips and docs.
 */
public record Schema(String type, String title, String help, List<Param> params) {

    public Schema {
        params = List.copyOf(params);
    }

    public Optional<Param> param(String name) {
        // A loop, not a stream: every key of every run of a file is looked up here, and a scenario of
        // 100,000 runs spent a tenth of its reading in stream set-up.
        for (Param p : params) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public List<String> names() {
        return params.stream().map(Param::name).toList();
    }

    /** The value of {@code key} in {@code t}, or its default (null if derived from the scenario). */
    public Object get(Typed t, String key) {
        Object v = t.params().get(key);
        if (v != null) {
            return v;
        }
        return param(key).orElseThrow(() -> new IllegalArgumentException(type + " has no parameter " + key)).defaultValue();
    }

    public double number(Typed t, String key) {
        return ((Number) get(t, key)).doubleValue();
    }

    /** A number that may be derived: {@code fallback} when neither given nor defaulted. */
    public double number(Typed t, String key, double fallback) {
        Object v = get(t, key);
        return v == null ? fallback : ((Number) v).doubleValue();
    }

    public long integer(Typed t, String key) {
        return ((Number) get(t, key)).longValue();
    }

    public long integer(Typed t, String key, long fallback) {
        Object v = get(t, key);
        return v == null ? fallback : ((Number) v).longValue();
    }

    public boolean bool(Typed t, String key) {
        return (Boolean) get(t, key);
    }

    public String string(Typed t, String key) {
        return (String) get(t, key);
    }

    @SuppressWarnings("unchecked")
    public List<Double> pair(Typed t, String key) {
        return (List<Double>) get(t, key);
    }

    @SuppressWarnings("unchecked")
    public List<Long> integers(Typed t, String key) {
        return (List<Long>) get(t, key);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Double> numberMap(Typed t, String key) {
        return (Map<String, Double>) get(t, key);
    }
}
