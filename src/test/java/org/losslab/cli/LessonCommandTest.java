package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.format.lesson.LessonLibrary;

/** {@code losslab lesson}: the list, the checks with their exit status, and bad lesson files. */
class LessonCommandTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listPrintsOneLessonPerLineIdFirst() throws Exception {
        Result r = cli("lesson", "--list");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(LessonLibrary.files(Path.of("sample-landscapes", "lessons")).size(), lines.size());
        assertEquals("learning-rate-limit  The learning-rate limit 2/L", lines.get(0));
    }

    @Test
    void checkPrintsEveryClaimWithItsValueAndExitsZeroWhenAllHold() {
        Result r = cli("lesson", "learning-rate-limit", "--check");
        assertEquals(0, r.status(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(1).startsWith("PASS  above 2/λ (lr 0.21) it diverges: divergedAt of run 1 on page 1 = 3713 < 4000"), lines.get(1));
        assertTrue(lines.get(lines.size() - 1).matches("learning-rate-limit: (\\d+) of \\1 claims hold"), r.out());
    }

    @Test
    void aClaimThatFailsSaysFailAndExitsOne() throws Exception {
        Path f = dir.resolve("wrong.json");
        Files.writeString(f, """
                { "format": "losslab-lesson/1", "id": "wrong", "title": "A false claim",
                  "pages": [ { "title": "P", "scenario": "%s" } ],
                  "checks": [ { "claim": "lr 0.21 converges", "run": 1, "measure": "diverged", "atMost": 0 },
                              { "claim": "lr 0.19 converges", "run": 0, "measure": "diverged", "atMost": 0 } ] }
                """.formatted(Path.of("sample-landscapes/stability-edge.json").toAbsolutePath().toString().replace("\\", "/")));
        Result r = cli("lesson", f.toString(), "--check");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("FAIL  lr 0.21 converges: diverged of run 1 on page 1 = 1 ≤ 0\nPASS  lr 0.19 converges"), r.out());
        assertTrue(r.out().endsWith("wrong: 1 of 2 claims hold\n"), r.out());
    }

    @Test
    void aBadLessonFileIsExitTwoWithOneLine() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{ \"format\": \"losslab-lesson/1\", \"id\": \"bad\", \"title\": \"T\", \"pages\": [ { \"title\": \"P\" } ] }");
        Result r = cli("lesson", f.toString(), "--check");
        assertEquals(2, r.status());
        assertEquals(f + ": $.pages[0]: missing the page's setup: one of the keys scenario, train, sweep, escape\n", r.err());
        assertEquals("", r.out());
        r = cli("lesson", "--list", "--dir", dir.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count());
        r = cli("lesson", "no-such-lesson", "--check");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("losslab: no lesson \"no-such-lesson\""), r.err());
    }

    @Test
    void withoutCheckItPrintsThePages() {
        Result r = cli("lesson", "momentum");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Momentum: the heavy ball, overshoot and Nesterov\n"), r.out());
        assertTrue(r.out().contains("\n1. Heavy ball at its optimal settings  [scenario]\n   Do: "), r.out());
        assertTrue(r.out().contains("\n2. Momentum overshoots  [scenario ../momentum-overshoot.json]\n"), r.out());
        assertTrue(r.out().endsWith("6 claims; losslab lesson momentum --check evaluates them\n"), r.out());
    }

    @Test
    void twoLessonsWithOneIdInAFolderAreAnError() throws Exception {
        String lesson = """
                { "format": "losslab-lesson/1", "id": "same", "title": "T",
                  "pages": [ { "title": "P", "scenario": "%s" } ] }
                """.formatted(Path.of("sample-landscapes/default.json").toAbsolutePath().toString().replace("\\", "/"));
        Files.writeString(dir.resolve("01-a.json"), lesson);
        Files.writeString(dir.resolve("02-b.json"), lesson);
        Result r = cli("lesson", "--list", "--dir", dir.toString());
        assertEquals(2, r.status());
        assertEquals(dir.resolve("02-b.json") + ": $.id: the id \"same\" is already that of 01-a.json\n", r.err());
        Files.delete(dir.resolve("02-b.json"));
        r = cli("lesson", "--list", "--dir", dir.toString());
        assertEquals("same  T\n", r.out());
        r = cli("lesson", "--list", "--check");
        assertEquals(2, r.status());
    }
}
