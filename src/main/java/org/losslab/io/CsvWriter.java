package org.losslab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Rows of a CSV file, one field at a time: numbers as {@link Numbers} prints them (the shortest
 * decimal that reads back to the same double, as Python's {@code repr}), text quoted as RFC 4180
 * says, an empty field for "no value", '.' whatever the locale. Each row is built in one reused
 * buffer (numbers formatted into it, {@link Numbers#appendTo}) and written when it ends, so
 * streaming millions of rows allocates little per row: Schubfach's string of each number. Write
 * errors surface as {@link UncheckedIOException} (rows are often written from engine callbacks);
 * {@link AtomicFiles#writeText} turns them back into the IOException.
 */
public final class CsvWriter {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(160);
    private char[] chars = new char[160];
    private boolean first = true;

    /** A writer that starts with {@code header} (the column names, comma-separated) as its first row. */
    public CsvWriter(Writer out, String header) {
        this.out = out;
        line.append(header);
        end();
    }

    private StringBuilder next() {
        if (!first) {
            line.append(',');
        }
        first = false;
        return line;
    }

    public CsvWriter number(double v) {
        Numbers.appendTo(next(), v);
        return this;
    }

    public CsvWriter integer(long v) {
        next().append(v);
        return this;
    }

    /** The number, or an empty field when {@code present} is false. */
    public CsvWriter numberIf(boolean present, double v) {
        next();
        if (present) {
            Numbers.appendTo(line, v);
        }
        return this;
    }

    /** A whole number ≥ 0, or an empty field for a negative one ("never"). */
    public CsvWriter countOrEmpty(long v) {
        next();
        if (v >= 0) {
            line.append(v);
        }
        return this;
    }

    /** Text as it is, for fields known to need no quoting (already quoted, or plain words). */
    public CsvWriter raw(String s) {
        next().append(s);
        return this;
    }

    /** Text, quoted when it holds a comma, a quote or a line break. */
    public CsvWriter text(String s) {
        return raw(quote(s));
    }

    /** Ends the row and writes it (through a reused char array: {@code Writer.append} would make a string of it). */
    public void end() {
        line.append('\n');
        int n = line.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        line.getChars(0, n, chars, 0);
        try {
            out.write(chars, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line.setLength(0);
        first = true;
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
