package org.losslab.format.lesson;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.losslab.format.InputException;

/**
 * A folder of lesson files: every {@code *.json} in it, read and listed in file-name order (so
 * {@code 01-…}, {@code 02-…} set the order of a course). The shipped lessons are
 * {@code sample-landscapes/lessons/}, found as the app finds its samples: the system property
 * {@code losslab.lessons}, else {@code sample-landscapes/lessons} in the working directory, else beside
 * the jar (or its parent, for {@code target/losslab.jar}).
 */
public record LessonLibrary(Path folder, List<Lesson> lessons) {
    public LessonLibrary {
        lessons = List.copyOf(lessons);
    }

    /** The shipped lessons' folder, or null when it cannot be found. */
    public static Path shippedFolder() {
        String prop = System.getProperty("losslab.lessons");
        if (prop != null) {
            Path p = Path.of(prop);
            return Files.isDirectory(p) ? p : null;
        }
        Path cwd = Path.of("sample-landscapes", "lessons");
        if (Files.isDirectory(cwd)) {
            return cwd.toAbsolutePath();
        }
        try {
            Path jar = Path.of(LessonLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = jar.getParent();
            for (int up = 0; dir != null && up < 2; up++, dir = dir.getParent()) {
                Path c = dir.resolve("sample-landscapes").resolve("lessons");
                if (Files.isDirectory(c)) {
                    return c;
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
        return null;
    }

    /** The lesson files of a folder, sorted by name. */
    public static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /**
     * Reads every lesson of a folder. The first bad file is reported as its own one-line error; two
     * lessons with one id are an error on the second.
     */
    public static LessonLibrary read(Path folder) throws InputException, IOException {
        List<Lesson> out = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path f : files(folder)) {
            Lesson l = LessonReader.read(f);
            Path before = ids.putIfAbsent(l.id(), f);
            if (before != null) {
                throw new InputException(f.toString(), "$.id", "the id \"" + l.id() + "\" is already that of " + before.getFileName());
            }
            out.add(l);
        }
        return new LessonLibrary(folder, out);
    }

    /** The lesson with this id, or null. */
    public Lesson find(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
    }
}
