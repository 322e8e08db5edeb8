package org.losslab.app;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.losslab.app.model.LessonSession;
import org.losslab.format.lesson.LessonPage;

/**
 * The lesson panel beside the views: the page's title and its three short texts (what to do, what to
 * look for, why) in type large enough for the back row, the "try it" prompt that turns green when the
 * student has done it, and previous / reset / next. It shows a {@link LessonSession}; what a page sets
 * up is {@link LessonMode}'s.
 */
final class LessonPanel extends VBox {
    private final Label lessonTitle = new Label(), pageNumber = new Label(), pageTitle = new Label();
    private final Label todo = text("lessonDo"), look = text("lessonLook"), why = text("lessonWhy");
    private final Label doHead = head("Do"), lookHead = head("Look for"), whyHead = head("Why");
    private final Label tryIt = new Label();
    private final Button previous = new Button("◀ Previous"), next = new Button("Next ▶"), reset = new Button("Reset page"),
            close = new Button("Close lesson");
    private LessonSession session;

    LessonPanel(Runnable onPrevious, Runnable onNext, Runnable onReset, Runnable onClose) {
        setId("lessonPanel");
        getStyleClass().add("lesson-panel");
        lessonTitle.setId("lessonTitle");
        lessonTitle.getStyleClass().add("lesson-title");
        lessonTitle.setWrapText(true);
        pageNumber.setId("lessonPageNumber");
        pageNumber.getStyleClass().add("lesson-page-number");
        pageTitle.setId("lessonPageTitle");
        pageTitle.getStyleClass().add("lesson-page-title");
        pageTitle.setWrapText(true);
        tryIt.setId("lessonTryIt");
        tryIt.getStyleClass().add("lesson-try-it");
        tryIt.setWrapText(true);
        tryIt.setMaxWidth(Double.MAX_VALUE);
        previous.setId("lessonPrevious");
        next.setId("lessonNext");
        reset.setId("lessonReset");
        close.setId("lessonClose");
        reset.setTooltip(new Tooltip("Back to this page's settings"));
        previous.setOnAction(e -> onPrevious.run());
        next.setOnAction(e -> onNext.run());
        reset.setOnAction(e -> onReset.run());
        close.setOnAction(e -> onClose.run());
        next.setDefaultButton(false);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox nav = new HBox(8, previous, reset, gap, next);
        nav.setAlignment(Pos.CENTER_LEFT);
        nav.getStyleClass().add("lesson-nav");
        VBox body = new VBox(6, pageTitle, doHead, todo, tryIt, lookHead, look, whyHead, why);
        body.getStyleClass().add("lesson-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lesson-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox top = new HBox(8, pageNumber, new Region(), close);
        HBox.setHgrow(top.getChildren().get(1), Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, lessonTitle, scroll, nav);
    }

    private static Label text(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("lesson-text");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label head(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("lesson-head");
        return l;
    }

    /** Shows this session's current page (null: nothing). */
    void show(LessonSession s) {
        session = s;
        refresh();
    }

    void refresh() {
        if (session == null) {
            return;
        }
        LessonPage p = session.current();
        lessonTitle.setText(session.lesson().title());
        pageNumber.setText("Page " + (session.page() + 1) + " of " + session.pageCount());
        pageTitle.setText(p.title());
        set(doHead, todo, p.todo());
        set(lookHead, look, p.look());
        set(whyHead, why, p.why());
        LessonPage.TryIt t = p.tryIt();
        tryIt.setVisible(t != null);
        tryIt.setManaged(t != null);
        boolean done = session.noticed();
        tryIt.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("noticed"), done);
        tryIt.setText(t == null ? "" : done ? "✓ " + t.noticed() : "Try it — waiting for you to do it.");
        previous.setDisable(!session.hasPrevious());
        next.setDisable(!session.hasNext());
    }

    private static void set(Label head, Label body, String text) {
        boolean any = !text.isEmpty();
        head.setVisible(any);
        head.setManaged(any);
        body.setVisible(any);
        body.setManaged(any);
        body.setText(text);
    }
}
