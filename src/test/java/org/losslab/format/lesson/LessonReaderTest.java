package org.losslab.format.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.lesson.Action;
import org.losslab.engine.lesson.Comparison;
import org.losslab.format.InputException;

/** The strict reader of losslab-lesson/1: what it builds, and a one-line error with its path for each mistake. */
class LessonReaderTest {
    static final String SCENARIO = """
            { "format": "losslab-scenario/1", "surface": { "type": "quadratic", "kappa": 10 }, "start": [-2.5, 0.3], "steps": 300,
              "runs": [ { "optimizer": { "type": "sgd", "lr": 0.19 } }, { "optimizer": { "type": "sgd", "lr": 0.21 } } ] }""";

    static String lesson(String page, String checks) {
        return """
                { "format": "losslab-lesson/1", "id": "demo", "title": "Demo",
                  "pages": [ %s ],
                  "checks": [ %s ] }""".formatted(page, checks);
    }

    static String page(String extra) {
        return "{ \"title\": \"P\", \"do\": \"Drag lr.\", \"scenario\": " + SCENARIO + extra + " }";
    }

    static Lesson read(String text) throws InputException {
        return LessonReader.read(text, "l.json", Path.of("sample-landscapes"));
    }

    @Test
    void readsPagesPromptsAndChecks() throws InputException {
        Lesson l = read(lesson(page(", \"controls\": [\"lr\"], \"tryIt\": { \"when\": \"lrAbove\", \"value\": 0.2, \"noticed\": \"Yes.\" }"),
                "{ \"claim\": \"a\", \"measure\": \"finalLoss\", \"lessThan\": 1e-6 },"
                        + "{ \"claim\": \"b\", \"run\": 1, \"measure\": \"finalLoss\", \"greaterThan\": { \"run\": 0, \"measure\": \"finalLoss\" } },"
                        + "{ \"claim\": \"c\", \"measure\": \"contraction\", \"target\": [0, 0], \"from\": 10, \"to\": 100, \"near\": 0.9, \"tolerance\": 0.02 }"));
        assertEquals("demo", l.id());
        LessonPage p = l.pages().get(0);
        assertEquals(LessonPage.Kind.SCENARIO, p.setup().kind());
        assertEquals(List.of("lr"), p.controls());
        assertEquals(Action.LR_ABOVE, p.tryIt().action());
        assertEquals(3, l.checks().size());
        assertEquals(Comparison.NEAR, l.checks().get(2).op());
        assertEquals(0.02, l.checks().get(2).tolerance());
        // The checks measure this lesson's own runs: lr 0.19 converges, lr 0.21 grows (by 1.1 per step on y).
        List<LessonRunner.Verdict> v = new LessonRunner(l, Runnable::run, 1, Cancellation.NEVER).checkAll();
        assertEquals(true, v.get(0).passed());
        assertEquals(true, v.get(1).passed());
        assertEquals(true, v.get(2).passed(), "contraction " + v.get(2).measured());
        assertEquals(0.9, v.get(2).measured(), 0.01);
    }

    @Test
    void referencedFilesResolveAgainstTheLessonsFolder() throws InputException {
        Lesson l = read(lesson("{ \"title\": \"P\", \"sweep\": \"sweep-quadratic-heavy-ball.json\" }",
                "{ \"claim\": \"a\", \"measure\": \"divergedInsideStableRegion\", \"atMost\": 0 }"));
        assertEquals(LessonPage.Kind.SWEEP, l.pages().get(0).setup().kind());
        assertEquals("sweep-quadratic-heavy-ball.json", l.pages().get(0).setup().reference());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{ "format": "losslab-lesson/1", "id": "Demo", "title": "T", "pages": [] }`|$.id|must be lowercase
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [] }`|$.pages|must have 1 to 50 entries, got 0
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P" } ] }`|$.pages[0]|missing the page's setup
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "scenario": "nope.json" } ] }`|$.pages[0].scenario|no such file
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "scenario": { "format": "losslab-scenario/1" } } ] }`|$.pages[0].scenario|missing required key "surface"
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "scenario": "default.json", "controls": ["speed"] } ] }`|$.pages[0].controls[0]|unknown control "speed"
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "scenario": "default.json", "colour": 1 } ] }`|$.pages[0].colour|unknown key
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "do": "x", "scenario": "default.json", "tryIt": { "when": "lrUp", "noticed": "" } } ] }`|$.pages[0].tryIt.when|unknown action "lrUp"
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "do": "x", "scenario": "default.json", "tryIt": { "when": "lrAbove", "noticed": "" } } ] }`|$.pages[0].tryIt|missing required key "value"
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "scenario": "default.json" } ], "checks": [ { "claim": "c", "page": 1, "measure": "finalLoss", "lessThan": 1 } ] }`|$.checks[0].page|
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "scenario": "default.json" } ], "checks": [ { "claim": "c", "measure": "finalTestAccuracy", "lessThan": 1 } ] }`|$.checks[0].measure|unknown quantity "finalTestAccuracy" for a scenario page
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "scenario": "default.json" } ], "checks": [ { "claim": "c", "measure": "finalLoss" } ] }`|$.checks[0]|missing the comparison
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "scenario": "default.json" } ], "checks": [ { "claim": "c", "measure": "stepsTo", "lessThan": 9 } ] }`|$.checks[0]|"stepsTo" needs a "threshold"
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "scenario": "default.json" } ], "checks": [ { "claim": "c", "measure": "finalLoss", "lessThan": 1, "tolerance": 0.1 } ] }`|$.checks[0].tolerance|only a "near" comparison
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "scenario": "default.json" } ], "checks": [ { "claim": "c", "measure": "finalLoss", "lessThan": 1, "atMost": 2 } ] }`|$.checks[0].|a check makes one comparison
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "escape": "escape-double-well.json" } ], "checks": [ { "claim": "c", "measure": "meanEscapeTime", "lessThan": 1 } ] }`|$.checks[0]|an escape check names the "well"
            `{ "format": "losslab-lesson/1", "id": "d", "title": "T", "pages": [ { "title": "P", "sweep": "sweep-double-well-sam.json" } ], "checks": [ { "claim": "c", "measure": "divergedInsideStableRegion", "lessThan": 1 } ] }`|$.checks[0].measure|needs a sweep of an sgd run's optimizer.lr
            """)
    void mistakesAreOneLineErrorsWithTheirPath(String text, String where, String problem) {
        InputException e = assertThrows(InputException.class, () -> read(text));
        assertEquals("l.json", e.source(), e.getMessage());
        assertEquals(true, e.where().startsWith(where), e.getMessage());
        assertEquals(true, e.problem().contains(problem == null ? "" : problem), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
