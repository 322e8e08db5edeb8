package org.losslab.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see either the old file or the whole new one, never half: the
 * bytes go to a temporary file beside the target, which is moved over it only once complete. A
 * failed write deletes the temporary file and leaves the target as it was.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Produces the file's content into a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Produces a text file's content (UTF-8, buffered). */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes a UTF-8 text file atomically, through a 64 KiB buffer, so a long CSV streams to disk
     * instead of sitting in memory. An {@link UncheckedIOException} thrown by the content (from a
     * callback such as a {@link CsvWriter} inside a simulation sink) is reported as its IOException.
     */
    public static void writeText(Path target, Text content) throws IOException {
        write(target, stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            try {
                content.writeTo(w);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            w.flush();
        });
    }

    /**
     * Temporary files are created private (0600); the finished file gets the permissions of the
     * file it replaces, or rw-r--r-- for a new one, as an ordinary write would leave it.
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("folder " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new IOException(abs + " is a folder");
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            keepPermissions(tmp, abs);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
