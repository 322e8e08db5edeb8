package org.losslab.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code { "type": ..., params }} object of a scenario (a surface, an optimizer or a schedule) as
 * the file says it: the type and the parameters that were given, in file order, with their values
 * checked and normalized (Double, Long, Boolean, String, or lists/maps of those). Defaults are not
 * filled in here, so saving writes back exactly what the author wrote; {@link Schema} supplies them
 * when the engine object is built.
 */
public record Typed(String type, Map<String, Object> params) {

    public Typed {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static Typed of(String type) {
        return new Typed(type, Map.of());
    }

    /** This object with one parameter set (or replaced). */
    public Typed with(String key, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put(key, value);
        return new Typed(type, p);
    }

    /** This object without a parameter (so its default applies). */
    public Typed without(String key) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.remove(key);
        return new Typed(type, p);
    }

    public boolean has(String key) {
        return params.containsKey(key);
    }
}
