package org.losslab.format.lesson;

import java.util.List;
import org.losslab.format.escape.EscapeSpec;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.sweep.SweepSpec;
import org.losslab.format.train.TrainConfig;

/**
 * One page of a lesson: what it sets up (exactly one of a scenario, a training config, a sweep or an
 * escape study), what to do, what to look for and why it happens, which of the app's controls it
 * needs, and optionally a "try it" prompt that notices when the student did it.
 *
 * @param title    the page's heading
 * @param todo     what to do, two or three sentences ("Drag lr past the orange 2/λ mark.")
 * @param look     what to look for
 * @param why      why it happens: the equation
 * @param setup    what the page sets up
 * @param controls the controls the page needs ({@link #CONTROLS}); the app dims the others (every control when the
 *                 file does not say; none for a demonstration)
 * @param tryIt    the prompt, or null
 */
public record LessonPage(String title, String todo, String look, String why, Setup setup, List<String> controls,
                         TryIt tryIt) {
    /** The names of the app's controls a page may ask for. */
    public static final List<String> CONTROLS = List.of("lr", "momentum", "temperature", "warmup", "samRho", "steps",
            "runs", "surface", "narration");

    public LessonPage {
        controls = List.copyOf(controls);
    }

    /** The four kinds of setup, by their key in the file. */
    public enum Kind {
        SCENARIO("scenario"), TRAIN("train"), SWEEP("sweep"), ESCAPE("escape");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * What a page sets up: its kind, the file it names (null when embedded) and the spec read from it;
     * exactly the field of its kind is set.
     */
    public record Setup(Kind kind, String reference, Scenario scenario, TrainConfig train, SweepSpec sweep,
                        EscapeSpec escape) {
        /** The scenario behind it: the page's own, or the one the sweep or escape study varies (null for a training). */
        public Scenario baseScenario() {
            return switch (kind) {
                case SCENARIO -> scenario;
                case SWEEP -> sweep.scenario();
                case ESCAPE -> escape.scenario();
                case TRAIN -> null;
            };
        }

        /** How many runs a check may name on this page (1 for a sweep or an escape study: the study itself). */
        public int runCount() {
            return switch (kind) {
                case SCENARIO -> scenario.runs().size();
                case TRAIN -> train.runs().size();
                case SWEEP, ESCAPE -> 1;
            };
        }
    }

    /**
     * A "try it" prompt: the page's {@code todo} is the prompt, {@code action} on run {@code run} with
     * {@code value} what the app waits for, {@code noticed} what it says when it sees it.
     */
    public record TryIt(int run, org.losslab.engine.lesson.Action action, double value, String noticed) {
    }
}
