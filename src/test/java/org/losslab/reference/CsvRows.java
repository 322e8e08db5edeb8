package org.losslab.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.losslab.io.Numbers;

/** Reads trajectory CSV rows (the spec's columns) for comparisons in tests. */
public record CsvRows(List<Row> rows) {

    public record Row(int run, String label, long step, double x, double y, double loss, double gradNorm, double lr) {
    }

    public static CsvRows read(Path p) throws IOException {
        return parse(Files.readString(p));
    }

    public static CsvRows parse(String text) {
        String[] lines = text.split("\n");
        if (!lines[0].equals("run,label,step,x,y,loss,grad_norm,lr")) {
            throw new IllegalArgumentException("bad header " + lines[0]);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            List<String> f = fields(lines[i]);
            rows.add(new Row(Integer.parseInt(f.get(0)), f.get(1), Long.parseLong(f.get(2)), Numbers.parse(f.get(3)),
                    Numbers.parse(f.get(4)), Numbers.parse(f.get(5)), Numbers.parse(f.get(6)),
                    f.get(7).isEmpty() ? Double.NaN : Numbers.parse(f.get(7))));
        }
        return new CsvRows(rows);
    }

    /** RFC 4180 fields of one line. */
    public static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    sb.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }
}
