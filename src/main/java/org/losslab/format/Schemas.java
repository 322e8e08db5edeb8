package org.losslab.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One catalog's schemas (surfaces, optimizers or schedules) by type name, in display order. */
final class Schemas {
    private final Map<String, Schema> byType = new LinkedHashMap<>();

    void add(Schema s) {
        byType.put(s.type(), s);
    }

    void add(String type, String title, String formula, Param... params) {
        add(new Schema(type, title, formula, List.of(params)));
    }

    /** Every type, in display order. */
    List<String> types() {
        return List.copyOf(byType.keySet());
    }

    /** The schema of a type, or null for an unknown one. */
    Schema get(String type) {
        return byType.get(type);
    }

    Map<String, Schema> all() {
        return Collections.unmodifiableMap(byType);
    }
}
