package org.losslab.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
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

    /**
     * Writes {@code target} atomically. Every failure is reported as "cannot write TARGET: reason",
     * naming the user's path, never the temporary file (whose name the file system's own messages
     * carry). An existing target that is not an ordinary file (a device, a pipe) is refused rather
     * than replaced.
     */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + target + ": folder " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new IOException("cannot write " + target + ": it is a folder");
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            throw new IOException("cannot write " + target + ": it is not a regular file (a device or a pipe)");
        }
        Path tmp = null;
        boolean done = false;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
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
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e, tmp), e);
        } finally {
            if (!done && tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the write's own failure is the one to report
                }
            }
        }
    }

    /** Why a write failed, in the file system's words, without the temporary file's name. */
    static String reason(IOException e, Path tmp) {
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            why = f.getReason();
        } else if (e instanceof FileSystemException) {
            why = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (tmp != null) {
            why = why.replace(tmp.toString(), "").replace(tmp.getFileName().toString(), "").strip();
        }
        return why.isEmpty() ? "input/output error" : why;
    }
}
