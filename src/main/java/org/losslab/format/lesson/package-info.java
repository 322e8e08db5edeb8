/**
 * Lessons, {@code losslab-lesson/1}: guided pages that each set up a scenario, a training, a sweep or an
 * escape study, and the claims of the lesson as checks on them (docs/lesson-format.md). Read by the
 * same strict JSON reader as every other file kind; the checks are measured by
 * {@code org.losslab.engine.lesson}.
 */
package org.losslab.format.lesson;
