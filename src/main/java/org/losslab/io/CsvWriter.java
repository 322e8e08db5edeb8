package org.losslab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Rows of a CSV file, one field at a time: numbers as {@link Numbers} prints them (the shortest
 * decimal that reads back to the same double, as Python's {@code repr}), text quoted as RFC 4180
 * says, an empty field for "no value", '.' whatever the locale. Each row is built in one reused
 * buffer and written when it ends, so streaming millions of rows allocates nothing per row. Write
 * errors surface as {@link UncheckedIOException} (rows are often written from engine callbacks);
 * {@link AtomicFiles#writeText} turns them back into the IOException.
 */
public final class CsvWriter {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(160);
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
        next().append(Numbers.format(v));
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
            line.append(Numbers.format(v));
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

    /** Ends the row and writes it. */
    public void end() {
        line.append('\n');
        try {
            out.append(line);
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
