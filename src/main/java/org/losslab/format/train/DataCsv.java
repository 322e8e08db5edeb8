package org.losslab.format.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.mlp.Dataset;
import org.losslab.format.InputException;
import org.losslab.format.TextFiles;
import org.losslab.io.Numbers;

/**
 * Imported points: a CSV file of rows {@code x1,x2,label}, an optional header line whose first
 * field is not a number, {@code .} as the decimal point, blank lines ignored. For classification the
 * labels are class numbers 0, 1, …, k−1 (k is the largest label + 1, at least 2); for regression any
 * finite number. The file is read through {@link TextFiles} (an ordinary UTF-8 file of at most
 * {@link TextFiles#MAX_CSV_BYTES}).
 */
public final class DataCsv {
    public static final int MAX_ROWS = 1_000_000;

    private DataCsv() {
    }

    /**
     * @param regression whether the labels are real targets
     * @throws InputException naming the file, the line and what is wrong
     */
    public static Dataset read(Path file, boolean regression) throws InputException {
        return parse(TextFiles.read(file, TextFiles.MAX_CSV_BYTES), file.toString(), regression);
    }

    /** As {@link #read(Path, boolean)} for a file's bytes; {@code name} names it in messages. */
    public static Dataset read(byte[] bytes, String name, boolean regression) throws InputException {
        return parse(TextFiles.decode(bytes, name), name, regression);
    }

    private static Dataset parse(String text, String name, boolean regression) throws InputException {
        List<String> lines = lines(text);
        int n = 0;
        double[] x1 = new double[lines.size()], x2 = new double[lines.size()], y = new double[lines.size()];
        int max = 0;
        for (int li = 0; li < lines.size(); li++) {
            String line = lines.get(li).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (li == 0 && !f[0].isBlank() && !isNumber(f[0].strip())) {
                continue;
            }
            String where = "line " + (li + 1);
            if (f.length != 3) {
                throw new InputException(name, where, "expected 3 fields x1,x2,label, got " + f.length);
            }
            x1[n] = number(f[0], name, where + ", x1");
            x2[n] = number(f[1], name, where + ", x2");
            double label = number(f[2], name, where + ", label");
            if (!regression) {
                if (label != Math.rint(label) || label < 0 || label > 1000) {
                    throw new InputException(name, where + ", label", "must be a class number 0, 1, 2, … (at most 1000), got " + f[2].strip());
                }
                max = Math.max(max, (int) label);
            }
            y[n++] = label;
            if (n > MAX_ROWS) {
                throw new InputException(name, where, "more than " + MAX_ROWS + " points");
            }
        }
        if (n < 2) {
            throw new InputException(name, "file", "needs at least 2 points, found " + n);
        }
        return new Dataset(java.util.Arrays.copyOf(x1, n), java.util.Arrays.copyOf(x2, n), java.util.Arrays.copyOf(y, n),
                regression ? 0 : Math.max(2, max + 1));
    }

    /** The lines of a text, broken at \n, \r\n or \r as {@code Files.readAllLines} breaks them. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0, n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(from, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        if (from < n) {
            lines.add(text.substring(from));
        }
        return lines;
    }

    private static boolean isNumber(String s) {
        try {
            Numbers.parse(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static double number(String s, String name, String where) throws InputException {
        double v;
        try {
            v = Numbers.parse(s.strip());
        } catch (IllegalArgumentException e) {
            throw new InputException(name, where, "not a number: \"" + s.strip() + "\"");
        }
        if (!Double.isFinite(v)) {
            throw new InputException(name, where, "must be finite, got " + s.strip());
        }
        return v;
    }
}
