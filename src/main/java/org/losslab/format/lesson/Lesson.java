package org.losslab.format.lesson;

import java.nio.file.Path;
import java.util.List;

/**
 * A lesson: a short sequence of pages and the claims they make, as checks.
 *
 * @param id      a short name, lowercase letters, digits and dashes ({@code losslab lesson ID})
 * @param title   one line
 * @param summary one or two sentences for the list of lessons
 * @param pages   one or more pages, in order
 * @param checks  the claims, each measured on one of the pages' setups
 * @param file    the file it was read from (null for text)
 */
public record Lesson(String id, String title, String summary, List<LessonPage> pages, List<LessonCheck> checks, Path file) {
    public static final String FORMAT = "losslab-lesson/1";

    public Lesson {
        pages = List.copyOf(pages);
        checks = List.copyOf(checks);
    }
}
