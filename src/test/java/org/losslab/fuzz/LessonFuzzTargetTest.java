package org.losslab.fuzz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.losslab.format.InputException;

/**
 * The fuzz target of the lesson reader ({@code losslab-lesson/1}, format.lesson), by the property of
 * {@link FuzzTargetsTest}, seeded with the shipped lessons. The reader was written beside this branch,
 * so it is reached by name: where it (or its lessons) is not in the build, the target is skipped,
 * and reported as skipped, rather than passing without a check.
 */
@AddLifecycleHook(LessonFuzzTargetTest.SkipWithoutLessons.class)
class LessonFuzzTargetTest {
    static final String READER = "org.losslab.format.lesson.LessonReader";
    static final Path LESSONS = Path.of("sample-landscapes/lessons");
    private static final Path NOWHERE = Path.of("target/fuzz-nowhere");

    private static JsonMutator mutator;
    private static Method read;

    static synchronized JsonMutator mutator() throws ReflectiveOperationException {
        if (mutator == null) {
            read = Class.forName(READER).getMethod("read", String.class, String.class, Path.class);
            mutator = new JsonMutator(JsonMutator.seeds("losslab-lesson/1", LESSONS));
        }
        return mutator;
    }

    /** Skips the target when the lesson reader or the shipped lessons are absent. */
    public static final class SkipWithoutLessons implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            try {
                Class.forName(READER);
            } catch (ClassNotFoundException e) {
                return SkipResult.skip("no lesson reader (" + READER + ") in this build");
            }
            return Files.isDirectory(LESSONS) ? SkipResult.doNotSkip() : SkipResult.skip("no shipped lessons in " + LESSONS);
        }
    }

    @Provide
    Arbitrary<String> lessons() throws ReflectiveOperationException {
        JsonMutator m = mutator();
        return Arbitraries.randomValue(m::next);
    }

    @Property
    void lesson(@ForAll("lessons") String text) throws Throwable {
        FuzzTargetsTest.readsOrRefusesInOneLine("l.json", () -> {
            try {
                return read.invoke(null, text, "l.json", NOWHERE);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof InputException ie) {
                    throw ie;
                }
                throw new AssertionError("the lesson reader threw " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        });
    }
}
