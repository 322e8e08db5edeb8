package org.losslab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether two paths name one file, as the file system sees it: by real path (links, {@code ..},
 * relative paths and, on case-insensitive systems, case resolved), and for files that both exist by
 * their identity ({@link Files#isSameFile}: the same inode through a hard link). A path that does not
 * exist yet is compared by the real path of its folder and its name.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    static boolean same(Path a, Path b) {
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                return real(a).equals(real(b));
            }
        }
        return real(a).equals(real(b));
    }

    /** The real path of a file, or of its folder plus its name when it does not exist. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path dir = abs.getParent();
            if (dir == null) {
                return abs;
            }
            try {
                return dir.toRealPath().resolve(abs.getFileName());
            } catch (IOException e2) {
                return abs;
            }
        }
    }
}
