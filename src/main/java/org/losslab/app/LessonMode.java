package org.losslab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.stage.FileChooser;
import org.losslab.app.analysis.AnalysisTabs;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.LessonSession;
import org.losslab.format.InputException;
import org.losslab.format.lesson.Lesson;
import org.losslab.format.lesson.LessonLibrary;
import org.losslab.format.lesson.LessonPage;
import org.losslab.format.lesson.LessonReader;

/**
 * Teaching with a lesson: the Lessons menu (the shipped lessons, a lesson file of one's own, close),
 * the lesson panel on the right, and each page applied to the window — its scenario shown (or the
 * trainer, a sweep or an escape study started with the page's settings), the controls it does not
 * need dimmed and disabled, and its "try it" prompt watching every change the student makes.
 */
final class LessonMode {
    private final MainController window;
    private final LabModel model;
    private final LessonPanel panel;
    private final Menu menu = new Menu("_Lessons");
    private final MenuItem closeItem = new MenuItem("_Close lesson");
    private LessonSession session;

    LessonMode(MainController window, LabModel model) {
        this.window = window;
        this.model = model;
        this.panel = new LessonPanel(this::previous, this::next, this::reset, this::close);
        menu.setId("lessonsMenu");
        closeItem.setOnAction(e -> close());
        closeItem.setDisable(true);
        menu.setOnShowing(e -> fillMenu());
        fillMenu();
        model.scenarioProperty().addListener(x -> observe());
        model.snapshotProperty().addListener(x -> observe());
    }

    Menu menu() {
        return menu;
    }

    LessonSession session() {
        return session;
    }

    LessonPanel panel() {
        return panel;
    }

    /** The shipped lessons, read afresh each time the menu opens (a teacher may be editing one). */
    private void fillMenu() {
        List<MenuItem> items = new java.util.ArrayList<>();
        Path folder = LessonLibrary.shippedFolder();
        List<Path> files = List.of();
        try {
            files = folder == null ? List.of() : LessonLibrary.files(folder);
        } catch (IOException e) {
            files = List.of();
        }
        for (Path f : files) {
            MenuItem item;
            try {
                Lesson l = LessonReader.read(f);
                item = new MenuItem(l.title());
                item.setOnAction(e -> open(l));
            } catch (InputException e) {
                item = new MenuItem(f.getFileName() + " (cannot be read)");
                item.setOnAction(x -> window.showMessage("Lesson not opened: " + e.getMessage()));
            }
            item.setMnemonicParsing(false);
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("No lessons found (sample-landscapes/lessons)");
            none.setDisable(true);
            items.add(none);
        }
        MenuItem openFile = new MenuItem("_Open lesson file…");
        openFile.setOnAction(e -> askOpen());
        items.add(new SeparatorMenuItem());
        items.add(openFile);
        items.add(closeItem);
        menu.getItems().setAll(items);
    }

    private void askOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open lesson");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lesson files (losslab-lesson/1)", "*.json"));
        Path folder = LessonLibrary.shippedFolder();
        if (folder != null) {
            fc.setInitialDirectory(folder.toFile());
        }
        var f = fc.showOpenDialog(window.stage());
        if (f != null) {
            open(f.toPath());
        }
    }

    /**
     * Opens a lesson named on the command line ({@code -Dlosslab.lesson}): the path of a lesson file, or
     * the id of a shipped lesson; then shows its page {@code page} (1-based).
     */
    boolean open(String name, int page) {
        Path file = Path.of(name);
        boolean opened;
        if (java.nio.file.Files.isRegularFile(file)) {
            opened = open(file);
        } else {
            Path folder = LessonLibrary.shippedFolder();
            Lesson found = null;
            try {
                found = folder == null ? null : LessonLibrary.read(folder).find(name);
            } catch (InputException | IOException e) {
                window.showMessage("Lesson not opened: " + e.getMessage());
                return false;
            }
            if (found == null) {
                window.showMessage("No lesson \"" + name + "\" (Lessons menu lists them)");
                return false;
            }
            open(found);
            opened = true;
        }
        if (opened && page > 1 && session != null) {
            session.go(page - 1);
            apply();
        }
        return opened;
    }

    /** Opens a lesson file; a bad one is one message in the banner and changes nothing. */
    boolean open(Path file) {
        try {
            open(LessonReader.read(file));
            return true;
        } catch (InputException e) {
            window.showMessage("Lesson not opened: " + e.getMessage());
            return false;
        }
    }

    /** Starts teaching a lesson at its first page. */
    void open(Lesson l) {
        if (session == null && !window.confirmDiscard()) {
            return;
        }
        session = new LessonSession(l);
        panel.show(session);
        window.root().setRight(panel);
        closeItem.setDisable(false);
        window.hideMessage();
        apply();
    }

    void close() {
        if (session == null) {
            return;
        }
        session = null;
        window.root().setRight(null);
        closeItem.setDisable(true);
        window.sliders().useOnly(null);
        window.scenarioPane().setDisable(false);
        window.runsPane().setDisable(false);
        runTab().setDisable(false);
        if (!window.trainerShown()) {
            window.root().setLeft(window.sideTabs());
        }
        window.setStatus("Lesson closed");
    }

    void next() {
        if (session != null && session.hasNext()) {
            session.next();
            apply();
        }
    }

    void previous() {
        if (session != null && session.hasPrevious()) {
            session.previous();
            apply();
        }
    }

    /** Back to the page's own settings. */
    void reset() {
        if (session != null) {
            session.reset();
            apply();
        }
    }

    private Tab runTab() {
        return window.sideTabs().getTabs().get(1);
    }

    /** Sets the window up as the current page says. */
    private void apply() {
        LessonPage p = session.current();
        LessonPage.Setup s = p.setup();
        AnalysisTabs analysis = window.analysis();
        String problem = null;
        switch (s.kind()) {
            case SCENARIO -> {
                window.showTrainer(false);
                model.show(s.scenario());
                if (p.tryIt() != null) {
                    // The sliders act on the selected run: the one the prompt watches.
                    model.selectedProperty().set(p.tryIt().run());
                }
                window.centerTabs().getSelectionModel().select(0);
            }
            case TRAIN -> {
                window.showTrainer(true);
                problem = window.trainer().model().setup().load(s.train(), s.train().title());
            }
            case SWEEP -> {
                window.showTrainer(false);
                model.show(s.sweep().scenario());
                analysis.sweepModel().load(s.sweep());
                problem = analysis.sweepModel().start();
                window.centerTabs().getSelectionModel().select(analysis.sweepTab());
            }
            case ESCAPE -> {
                window.showTrainer(false);
                model.show(s.escape().scenario());
                problem = analysis.escapeModel().start(s.escape());
                window.centerTabs().getSelectionModel().select(analysis.escapeTab());
            }
            default -> throw new AssertionError(s.kind());
        }
        List<String> controls = p.controls();
        window.sliders().useOnly(controls);
        window.scenarioPane().setDisable(!controls.contains("surface"));
        window.runsPane().setDisable(!controls.contains("runs"));
        runTab().setDisable(!controls.contains("runs"));
        if (runTab().isDisabled() && window.sideTabs().getSelectionModel().getSelectedIndex() == 1) {
            window.sideTabs().getSelectionModel().select(0);
        }
        // A page that needs neither the surface nor the runs gets the side panel's width for its views.
        if (!window.trainerShown()) {
            window.root().setLeft(controls.contains("surface") || controls.contains("runs") || controls.contains("narration")
                    ? window.sideTabs() : null);
        }
        if (controls.contains("narration") && !controls.contains("surface") && !controls.contains("runs")) {
            window.sideTabs().getSelectionModel().select(2);
        }
        if (problem != null) {
            window.showMessage("This page's setup was not applied: " + problem);
        }
        window.setStatus(session.lesson().title() + " · page " + (session.page() + 1) + " of " + session.pageCount());
        panel.refresh();
    }

    /** After every change: has the student done what the prompt asks? */
    private void observe() {
        if (session == null || session.current().setup().kind() != LessonPage.Kind.SCENARIO) {
            return;
        }
        boolean before = session.noticed();
        if (session.observe(model.scenario(), model.snapshot()) != before) {
            panel.refresh();
        }
    }
}
