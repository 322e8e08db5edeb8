package org.losslab.format.lesson;

import org.losslab.engine.lesson.MeasureArgs;

/**
 * One measured quantity of a check: on page {@code page}'s setup, of run {@code run} (a scenario or
 * training run; 0 for a sweep or escape study), the named quantity with its arguments, times a
 * constant factor.
 *
 * @param quantity    the quantity's key ({@code finalLoss}, {@code meanEscapeTime}, …), valid for the page's kind
 * @param well        the escape study's well ({@code sharp} or {@code flat}), else null
 * @param temperature the escape study's temperature index (−1: the lowest)
 * @param times       a factor the value is multiplied by (1 unless given)
 */
public record Measurement(int page, int run, String quantity, MeasureArgs args, String well, int temperature,
                          double times) {
    /** How the measurement reads in a report: "finalLoss of run 1 on page 2". */
    public String describe(Lesson lesson) {
        LessonPage p = lesson.pages().get(page);
        String of = switch (p.setup().kind()) {
            case SCENARIO, TRAIN -> " of run " + run;
            case ESCAPE -> " of the " + well + " well";
            case SWEEP -> " of the sweep";
        };
        return (times != 1 ? org.losslab.io.Numbers.format(times) + " × " : "") + quantity + of + " on page " + (page + 1);
    }
}
