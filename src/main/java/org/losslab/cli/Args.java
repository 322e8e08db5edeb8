package org.losslab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's arguments: positional ones and {@code --option value} pairs, checked against what it accepts. */
final class Args {
    final List<String> positional = new ArrayList<>();
    final Map<String, String> options = new LinkedHashMap<>();

    static Args parse(List<String> args, Set<String> allowed, String usage) throws UsageException {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.startsWith("--")) {
                if (!allowed.contains(s)) {
                    throw new UsageException("unknown option " + s + "; usage: " + usage);
                }
                if (i + 1 >= args.size()) {
                    throw new UsageException(s + " needs a value; usage: " + usage);
                }
                if (a.options.put(s, args.get(++i)) != null) {
                    throw new UsageException(s + " given twice");
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    String option(String name) {
        return options.get(name);
    }

    /** An output file option, checked before any work so that bad input touches no file. */
    Path output(String name) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            return null;
        }
        Path p = Path.of(v).toAbsolutePath();
        Path dir = p.getParent();
        if (Files.isDirectory(p)) {
            throw new UsageException(name + " " + v + ": is a folder");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException(name + " " + v + ": folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException(name + " " + v + ": folder " + dir + " is not writable");
        }
        return p;
    }

    /** {@code WxH}, each 16..8192. */
    int[] size(String name, int defW, int defH) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            return new int[] {defW, defH};
        }
        var m = java.util.regex.Pattern.compile("(\\d{1,5})[xX](\\d{1,5})").matcher(v);
        if (!m.matches()) {
            throw new UsageException(name + " " + v + ": must be WIDTHxHEIGHT, e.g. 1600x1000");
        }
        int w = Integer.parseInt(m.group(1)), h = Integer.parseInt(m.group(2));
        if (w < 16 || h < 16 || w > 8192 || h > 8192) {
            throw new UsageException(name + " " + v + ": width and height must be 16 to 8192 pixels");
        }
        return new int[] {w, h};
    }
}
