package org.losslab.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files that one read opened: the file named, and those it references (a sweep's scenario file,
 * a training config's CSV data). A command compares its outputs with these before writing, so no
 * output can overwrite an input however deep the reference. The readers resolve references inside
 * their own parsing; every file goes through {@link TextFiles#read}, which notes it here, so no
 * reader or record has to carry a list of paths.
 */
public final class FilesRead {
    private static final ThreadLocal<List<Path>> CURRENT = new ThreadLocal<>();

    private FilesRead() {
    }

    /** A read that may throw {@link InputException}. */
    @FunctionalInterface
    public interface Reading<T> {
        T read() throws InputException;
    }

    /** What a read returned and every file it opened, in the order opened. */
    public record Result<T>(T value, List<Path> files) {
    }

    /** Runs {@code reading} on this thread and collects the files it opens. */
    public static <T> Result<T> of(Reading<T> reading) throws InputException {
        List<Path> outer = CURRENT.get();
        List<Path> files = new ArrayList<>();
        CURRENT.set(files);
        try {
            T value = reading.read();
            if (outer != null) {
                outer.addAll(files);
            }
            return new Result<>(value, List.copyOf(files));
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Called by {@link TextFiles} for each file it opens. */
    static void opened(Path file) {
        List<Path> files = CURRENT.get();
        if (files != null) {
            files.add(file);
        }
    }
}
