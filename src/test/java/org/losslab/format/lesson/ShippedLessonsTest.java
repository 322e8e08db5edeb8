package org.losslab.format.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.engine.Cancellation;
import org.losslab.engine.WorkerThreads;

/** Every shipped lesson reads, and every claim it makes holds on its own settings. */
class ShippedLessonsTest {
    static final Path FOLDER = Path.of("sample-landscapes", "lessons");
    static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = WorkerThreads.pool(2, "lesson-test");
    }

    @AfterAll
    static void stop() {
        pool.shutdown();
    }

    static Stream<Path> lessons() throws Exception {
        return LessonLibrary.files(FOLDER).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void everyClaimHolds(Path file) throws Exception {
        Lesson lesson = LessonReader.read(file);
        assertTrue(lesson.checks().size() >= 2, "a lesson states its claims as checks");
        List<LessonRunner.Verdict> verdicts = new LessonRunner(lesson, pool, 2, Cancellation.NEVER).checkAll();
        StringBuilder failed = new StringBuilder();
        for (LessonRunner.Verdict v : verdicts) {
            if (!v.passed()) {
                failed.append("\n  ").append(v.check().claim()).append(": measured ").append(v.measured())
                        .append(' ').append(v.check().op().symbol()).append(' ').append(v.expected());
            }
        }
        assertEquals("", failed.toString(), file + ": claims that do not hold");
    }

    /** A prompt that is done before the student touches anything would praise them for nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void noPromptIsDoneAtItsPagesOwnSettings(Path file) throws Exception {
        Lesson lesson = LessonReader.read(file);
        for (int i = 0; i < lesson.pages().size(); i++) {
            LessonPage p = lesson.pages().get(i);
            if (p.tryIt() == null) {
                continue;
            }
            var s = p.setup().scenario();
            var paths = s.simulation().run(pool, Cancellation.NEVER);
            var run = s.runs().get(p.tryIt().run()).toRunSettings(s.start());
            assertEquals(false, p.tryIt().action().done(run, paths.get(p.tryIt().run()), p.tryIt().value()),
                    file + " page " + (i + 1) + ": the prompt is done before the student acts");
        }
    }

    @Test
    void theLibraryHasAtLeastTwelveLessonsWithDistinctIds() throws Exception {
        LessonLibrary lib = LessonLibrary.read(FOLDER);
        assertTrue(lib.lessons().size() >= 12, "lessons: " + lib.lessons().size());
        assertEquals(lib.lessons().size(), lib.lessons().stream().map(Lesson::id).distinct().count());
    }
}
