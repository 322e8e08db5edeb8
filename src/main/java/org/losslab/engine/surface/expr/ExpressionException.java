package org.losslab.engine.surface.expr;

/**
 * A formula or a param of an {@code expression} surface that cannot be used, with where it goes
 * wrong: a 1-based {@link #column()} in the formula (counted in Unicode code points), or, for a
 * bad param name, {@link #param()}. The message reads e.g. {@code "column 7: unknown function
 * 'sinn'"} or {@code "param 'sin': shadows the function sin"}.
 */
public final class ExpressionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int column;
    private final String param;
    private final String detail;

    private ExpressionException(String message, int column, String param, String detail) {
        super(message);
        this.column = column;
        this.param = param;
        this.detail = detail;
    }

    /** An error at a column of the formula. */
    static ExpressionException at(int column, String detail) {
        return new ExpressionException("column " + column + ": " + detail, column, null, detail);
    }

    /** An error in the name of a param (the formula was not looked at). */
    static ExpressionException inParam(String name, String detail) {
        return new ExpressionException("param '" + name + "': " + detail, 0, name, detail);
    }

    /** The 1-based column in the formula where it goes wrong; 0 when the error is in {@link #param()}. */
    public int column() {
        return column;
    }

    /** The name of the offending param, or null when the error is in the formula. */
    public String param() {
        return param;
    }

    /** What is wrong, without the location prefix, e.g. {@code "unknown function 'sinn'"}. */
    public String detail() {
        return detail;
    }
}
