package org.losslab.format;

/**
 * Bad input, reported in one line that names the file, where in it (a JSON path such as
 * {@code $.runs[1].optimizer.lr}, an expression column, or a line and column for malformed JSON) and
 * what is wrong.
 */
public final class InputException extends Exception {
    private final String source;
    private final String where;
    private final String problem;

    public InputException(String source, String where, String problem) {
        super(oneLine(source, 400) + ": " + oneLine(where, 200) + ": " + oneLine(problem, 2000));
        this.source = source;
        this.where = oneLine(where, 200);
        this.problem = oneLine(problem, 2000);
    }

    /**
     * The message is one line whatever the file holds: a key or value quoted from the file may
     * contain line breaks or control characters (shown as a backslash-u escape) or be very long (cut).
     */
    private static String oneLine(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), max + 8));
        for (int i = 0; i < s.length(); i++) {
            if (b.length() >= max) {
                return b.append('…').toString();
            }
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The file (or other source) that was read. */
    public String source() {
        return source;
    }

    /** A JSON path, or "line L, column C". */
    public String where() {
        return where;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
