package org.losslab.format;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds of file losslab reads, by their {@code "format"} value, and the command that reads each.
 * A reader that is handed a file of another kind says which command it is for instead of reporting
 * the other kind's keys as unknown ({@code losslab run} on a sweep file: "this is a losslab-sweep/1
 * file, not a scenario: use `losslab sweep`").
 */
public final class FileKinds {
    private static final Map<String, String> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("losslab-scenario/1", "losslab run");
        COMMANDS.put("losslab-train/1", "losslab train");
        COMMANDS.put("losslab-sweep/1", "losslab sweep");
        COMMANDS.put("losslab-escape/1", "losslab escape");
        COMMANDS.put("losslab-federated/1", "losslab federated");
        COMMANDS.put("losslab-lesson/1", "losslab lesson");
    }

    private FileKinds() {
    }

    /** The command that reads files of {@code format}, or null for a format that is not ours. */
    public static String command(String format) {
        return COMMANDS.get(format);
    }
}
