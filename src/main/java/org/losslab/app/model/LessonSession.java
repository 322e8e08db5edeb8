package org.losslab.app.model;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.losslab.format.lesson.Lesson;
import org.losslab.format.lesson.LessonPage;
import org.losslab.format.scenario.Scenario;

/**
 * A lesson being taught: which page is shown, and whether the student has done what the page's
 * "try it" prompt asks. Free of nodes; the panel shows it and the window applies each page's setup.
 * The prompt is decided by the page's {@link org.losslab.engine.lesson.Action} on the watched run's
 * current settings and its computed path, and once noticed stays noticed until the page changes or
 * is reset (a student who drags past the mark and back has still done it).
 */
public final class LessonSession {
    private final Lesson lesson;
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper noticed = new ReadOnlyBooleanWrapper(false);

    public LessonSession(Lesson lesson) {
        this.lesson = lesson;
    }

    public Lesson lesson() {
        return lesson;
    }

    /** The page shown, 0-based. */
    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public int page() {
        return page.get();
    }

    public LessonPage current() {
        return lesson.pages().get(page.get());
    }

    public int pageCount() {
        return lesson.pages().size();
    }

    public boolean hasNext() {
        return page.get() + 1 < pageCount();
    }

    public boolean hasPrevious() {
        return page.get() > 0;
    }

    /** Shows page i (clamped to the lesson); the prompt starts watching again. */
    public void go(int i) {
        noticed.set(false);
        page.set(Math.max(0, Math.min(pageCount() - 1, i)));
    }

    public void next() {
        go(page.get() + 1);
    }

    public void previous() {
        go(page.get() - 1);
    }

    /** Back to the page's own settings (the window reapplies its setup): the prompt watches again. */
    public void reset() {
        noticed.set(false);
    }

    /** Has the student done what the page's prompt asks? Always false on a page without one. */
    public ReadOnlyBooleanProperty noticedProperty() {
        return noticed.getReadOnlyProperty();
    }

    public boolean noticed() {
        return noticed.get();
    }

    /**
     * Looks at what the student made of the page's scenario: its current settings, and the paths when
     * they are computed for exactly these settings ({@code snapshot} may be older, then only the
     * settings count). Called after every change; returns whether the prompt is (now) noticed.
     */
    public boolean observe(Scenario scenario, Snapshot snapshot) {
        LessonPage.TryIt t = current().tryIt();
        if (t == null || noticed.get() || scenario == null || t.run() >= scenario.runs().size()) {
            return noticed.get();
        }
        var settings = scenario.runs().get(t.run()).toRunSettings(scenario.start());
        var path = snapshot != null && snapshot.scenario().equals(scenario) ? snapshot.trajectory(t.run()) : null;
        if (t.action().done(settings, path, t.value())) {
            noticed.set(true);
        }
        return noticed.get();
    }
}
