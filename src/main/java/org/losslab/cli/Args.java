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
    /** The output options read so far by {@link #output}, as given. */
    private final Map<String, Path> outputs = new LinkedHashMap<>();

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
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            throw new UsageException(name + " " + v + ": is not a regular file (a device or a pipe); name an ordinary file");
        }
        for (Map.Entry<String, Path> other : outputs.entrySet()) {
            if (OutputPaths.same(p, other.getValue())) {
                throw new UsageException(name + " " + v + " and " + other.getKey() + " " + options.get(other.getKey())
                        + " are the same file; give each output its own file");
            }
        }
        outputs.put(name, p);
        return p;
    }

    /**
     * Refuses an output that is one of the files the command read (the file named and those it
     * references), compared by real path, so no spelling, link or relative path lets an output
     * overwrite an input. Called after reading and before writing anything.
     */
    void checkOutputs(List<Path> inputs) throws UsageException {
        for (Map.Entry<String, Path> out : outputs.entrySet()) {
            for (Path in : inputs) {
                if (OutputPaths.same(out.getValue(), in)) {
                    throw new UsageException(out.getKey() + " " + options.get(out.getKey()) + ": is the input file " + in
                            + "; writing it would destroy it, so name another file (nothing was written)");
                }
            }
        }
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
