package org.losslab.fuzz;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.losslab.format.lesson.LessonReader;

/**
 * The fuzz target of the lesson reader ({@code losslab-lesson/1}), by the property of
 * {@link FuzzTargetsTest}, seeded with the shipped lessons.
 */
class LessonFuzzTargetTest {
    static final Path LESSONS = Path.of("sample-landscapes/lessons");
    private static final Path NOWHERE = Path.of("target/fuzz-nowhere");
    private static final JsonMutator LESSON_FILES = new JsonMutator(JsonMutator.seeds("losslab-lesson/1", LESSONS));

    @Test
    void lesson() {
        Fuzz.run("lesson", LESSON_FILES::next,
                text -> FuzzTargetsTest.readsOrRefusesInOneLine("l.json", () -> LessonReader.read(text, "l.json", NOWHERE)));
    }
}
