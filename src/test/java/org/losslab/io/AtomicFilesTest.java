package org.losslab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void newFilesAreReadableByOthersAndReplacedFilesKeepTheirPermissions() throws IOException {
        Path fresh = dir.resolve("fresh.csv");
        AtomicFiles.write(fresh, out -> out.write("a\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Path shared = dir.resolve("shared.csv");
        Files.writeString(shared, "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.write(shared, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(shared));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("keep.csv");
        Files.writeString(target, "keep");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("keep", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void failuresNameTheUsersPathNeverTheTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeText(target, w -> {
            w.write("partial");
            // what a full disk reports, with the file system naming the file it was writing
            throw new java.nio.file.FileSystemException(dir.resolve(".out.csv.123.part").toString(), null, "No space left on device");
        }));
        assertEquals("cannot write " + target + ": No space left on device", e.getMessage());
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is gone");
        }
        Path proc = Path.of("/proc/losslab-cannot-write-here.csv");
        if (Files.isDirectory(proc.getParent())) {
            IOException p = assertThrows(IOException.class, () -> AtomicFiles.writeText(proc, w -> w.write("x")));
            assertTrue(p.getMessage().startsWith("cannot write " + proc + ": "), p.getMessage());
            assertFalse(p.getMessage().contains(".part"), p.getMessage());
        }
        Path device = Path.of("/dev/null");
        if (Files.exists(device)) {
            IOException d = assertThrows(IOException.class, () -> AtomicFiles.writeText(device, w -> w.write("x")));
            assertEquals("cannot write /dev/null: it is not a regular file (a device or a pipe)", d.getMessage());
            assertFalse(Files.isRegularFile(device));
        }
    }
}
