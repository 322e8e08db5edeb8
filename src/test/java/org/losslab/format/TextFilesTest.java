package org.losslab.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.format.scenario.ScenarioReader;
import org.losslab.format.train.DataCsv;

/**
 * Every data file is read through {@link TextFiles}: special files, folders, oversized files and
 * text in another encoding are refused in one line naming the file, without reading them whole (a
 * device or a pipe would never end), and the scenario, training, sweep and data readers all do so.
 */
class TextFilesTest {
    @TempDir
    Path dir;

    private static InputException refused(Path file, long limit) {
        return assertThrows(InputException.class, () -> TextFiles.read(file, limit));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void devicesAndPipesAreRefusedWithoutBeingOpened() throws Exception {
        for (String dev : List.of("/dev/zero", "/dev/urandom", "/dev/null")) {
            Path p = Path.of(dev);
            if (Files.exists(p)) {
                InputException e = refused(p, TextFiles.MAX_JSON_BYTES);
                assertEquals(dev + ": file: is not a regular file (a device, a pipe or a socket); name an ordinary file", e.getMessage());
            }
        }
        Path fifo = dir.resolve("pipe.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo available");
        // Opening a pipe with no writer blocks forever; the reader must decide from its attributes.
        assertTrue(refused(fifo, TextFiles.MAX_JSON_BYTES).getMessage().contains("is not a regular file"));
        assertTrue(assertThrows(InputException.class, () -> ScenarioReader.read(fifo)).getMessage().contains("is not a regular file"));
        assertTrue(assertThrows(InputException.class, () -> DataCsv.read(fifo, false)).getMessage().contains("is not a regular file"));
        Path link = dir.resolve("zero.json");
        Files.createSymbolicLink(link, Path.of("/dev/zero"));
        assertTrue(refused(link, TextFiles.MAX_JSON_BYTES).getMessage().contains("is not a regular file"), "a link to a device too");
    }

    @Test
    void aFolderAndAMissingFile() {
        assertEquals(dir + ": file: is a folder, not a file", refused(dir, 100).getMessage());
        assertEquals(dir.resolve("nope") + ": file: no such file", refused(dir.resolve("nope"), 100).getMessage());
    }

    @Test
    void aFileOverTheLimitIsRefusedFromItsSize() throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(TextFiles.MAX_JSON_BYTES + 1); // sparse: no disk, and never read
        }
        assertEquals(big + ": file: is larger than 32 MiB, the limit for a file of this kind",
                assertThrows(InputException.class, () -> ScenarioReader.read(big)).getMessage());
        Path csv = dir.resolve("big.csv");
        try (RandomAccessFile f = new RandomAccessFile(csv.toFile(), "rw")) {
            f.setLength(TextFiles.MAX_CSV_BYTES + 1);
        }
        assertTrue(assertThrows(InputException.class, () -> DataCsv.read(csv, false)).getMessage().endsWith("is larger than 128 MiB, the limit for a file of this kind"));
        Path exact = dir.resolve("exact.txt");
        Files.writeString(exact, "x".repeat(100));
        assertEquals(100, TextFiles.read(exact, 100).length());
        assertTrue(refused(exact, 99).getMessage().contains("larger than"));
    }

    @Test
    void aFileThatClaimsNoSizeIsStillBounded() throws Exception {
        // Files under /proc report size 0 whatever they hold; at most limit + 1 bytes are read.
        Path p = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(p));
        assertEquals(0, Files.size(p));
        assertTrue(refused(p, 16).getMessage().contains("larger than"));
    }

    @Test
    void textInAnotherEncodingIsNamedAtItsLineAndColumn() throws Exception {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\n  \"title\": \"Caf\u00e9\"\n}".getBytes(StandardCharsets.ISO_8859_1));
        InputException e = refused(latin1, 1000);
        assertEquals(latin1 + ": line 2, column 16: not UTF-8 text (byte 0xE9); save the file as UTF-8", e.getMessage());
        Path utf16 = dir.resolve("utf16.json");
        Files.write(utf16, "\uFEFF{}".getBytes(StandardCharsets.UTF_16LE));
        assertEquals(utf16 + ": file: is UTF-16 text; save it as UTF-8", refused(utf16, 1000).getMessage());
        Path csv = dir.resolve("latin1.csv");
        Files.write(csv, "x1,x2,label\n0,0,0\n1,1,1 \u00b5\n".getBytes(StandardCharsets.ISO_8859_1));
        InputException c = assertThrows(InputException.class, () -> DataCsv.read(csv, false));
        assertEquals(csv + ": line 3, column 7: not UTF-8 text (byte 0xB5); save the file as UTF-8", c.getMessage());
        assertFalse(c.getMessage().contains("Input length"), c.getMessage());
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws Exception {
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, "\uFEFF0,0,0\n1,1,1\r\n2,2,0\r3,3,1".getBytes(StandardCharsets.UTF_8));
        assertEquals("0,0,0\n1,1,1\r\n2,2,0\r3,3,1", TextFiles.read(bom, 1000));
        assertEquals(4, DataCsv.read(bom, false).size(), "every line ending of Files.readAllLines");
    }

    @Test
    void everyFileReadIsRecorded() throws Exception {
        Path a = dir.resolve("a.txt");
        Files.writeString(a, "a");
        FilesRead.Result<String> r = FilesRead.of(() -> TextFiles.read(a, 10) + TextFiles.read(a, 10));
        assertEquals("aa", r.value());
        assertEquals(List.of(a, a), r.files());
        assertEquals(List.of(), FilesRead.of(() -> "none").files());
    }
}
