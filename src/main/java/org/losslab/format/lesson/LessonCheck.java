package org.losslab.format.lesson;

import org.losslab.engine.lesson.Comparison;

/**
 * A claim of a lesson as a check: the measured value compared with a number or with another
 * measurement ("sharp-well escape time &lt; flat-well escape time").
 *
 * @param claim     the claim in words, printed beside the verdict
 * @param measured  what is measured
 * @param op        how it must compare
 * @param expected  the number it is compared with (NaN when {@code reference} is given)
 * @param reference the measurement it is compared with, or null
 * @param tolerance the relative tolerance of {@link Comparison#NEAR}
 */
public record LessonCheck(String claim, Measurement measured, Comparison op, double expected, Measurement reference,
                          double tolerance) {
}
