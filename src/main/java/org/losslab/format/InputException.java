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
        super(source + ": " + where + ": " + problem);
        this.source = source;
        this.where = where;
        this.problem = problem;
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
