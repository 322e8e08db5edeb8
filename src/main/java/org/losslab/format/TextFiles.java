package org.losslab.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way every reader takes a file's text: bounded, strict and with one clear line for each
 * way it can fail. Only an ordinary file is opened (a device such as {@code /dev/zero} or a pipe
 * would be read forever or block, so it is refused from its attributes, before opening); a file over
 * the kind's limit is refused from its size, and at most the limit plus one byte is ever read, so a
 * file that grows or lies about its size (as files in {@code /proc} do) cannot exhaust the memory.
 * The text must be UTF-8: a UTF-8 byte-order mark is skipped, UTF-16 is named as such, and any other
 * byte that is not UTF-8 is reported at its line and column.
 */
public final class TextFiles {
    /** Scenarios, training configs, sweep, escape and federated specs: far above any real one. */
    public static final long MAX_JSON_BYTES = 32L << 20;
    /** Data CSV files: {@link org.losslab.format.train.DataCsv#MAX_ROWS} rows of up to 128 bytes. */
    public static final long MAX_CSV_BYTES = 128L << 20;

    private TextFiles() {
    }

    /**
     * The text of {@code file}, refusing a missing, unreadable, special, oversized or non-UTF-8 file
     * with an {@link InputException} naming the file.
     */
    public static String read(Path file, long maxBytes) throws InputException {
        FilesRead.opened(file);
        String name = file.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new InputException(name, "file", problem(e));
        }
        if (attributes.isDirectory()) {
            throw new InputException(name, "file", "is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new InputException(name, "file", "is not a regular file (a device, a pipe or a socket); name an ordinary file");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(name, maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new InputException(name, "file", problem(e));
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(name, maxBytes);
        }
        return decode(bytes, name);
    }

    /** A file-system error in plain words, without the exception's class or a temporary path. */
    public static String problem(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return "cannot read: " + f.getReason();
        }
        return "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static InputException tooLarge(String name, long maxBytes) {
        return new InputException(name, "file", "is larger than " + (maxBytes >> 20) + " MiB, the limit for a file of this kind");
    }

    /**
     * Strict UTF-8 as {@link #read} applies it to a file's bytes; a bad byte is reported at its line
     * and column (columns count characters), {@code name} names the source.
     */
    public static String decode(byte[] bytes, String name) throws InputException {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw new InputException(name, "file", "is UTF-16 text; save it as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int line = 1, column = 1;
            for (int i = 0; i < out.position(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new InputException(name, "line " + line + ", column " + column, String.format(
                    "not UTF-8 text (byte 0x%02X); save the file as UTF-8", bytes[in.position()] & 0xFF));
        }
        return out.flip().toString();
    }
}
