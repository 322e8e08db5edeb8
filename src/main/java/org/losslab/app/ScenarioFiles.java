package org.losslab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.RecentFiles;
import org.losslab.app.model.Samples;
import org.losslab.format.InputException;

/**
 * The scenario's file commands of the main window: open (also from the Samples and Recent menus),
 * save, save as, and the question about unsaved changes before the window closes. A bad file or a
 * failed write leaves the current scenario and says why in the banner.
 */
final class ScenarioFiles {
    private final MainController main;
    private final LabModel model;
    private final RecentFiles recent;
    private final Menu samplesMenu, recentMenu;

    ScenarioFiles(MainController main, LabModel model, RecentFiles recent, Menu samplesMenu, Menu recentMenu) {
        this.main = main;
        this.model = model;
        this.recent = recent;
        this.samplesMenu = samplesMenu;
        this.recentMenu = recentMenu;
        buildSamplesMenu();
        buildRecentMenu();
    }

    private void buildSamplesMenu() {
        samplesMenu.getItems().clear();
        List<Path> files = Samples.list();
        for (Path p : files) {
            MenuItem item = new MenuItem(p.getFileName().toString().replaceFirst("\\.json$", ""));
            item.setOnAction(e -> main.open(p));
            samplesMenu.getItems().add(item);
        }
        samplesMenu.setDisable(files.isEmpty());
    }

    private void buildRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> main.open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** Opens a scenario; a bad file leaves the current one and says what is wrong in the banner. */
    /** Adds a file opened elsewhere (a study in its own tab) to the Recent menu. */
    void remember(Path p) {
        recent.add(p);
        buildRecentMenu();
    }

    boolean openScenario(Path p) {
        try {
            model.open(p);
            recent.add(p);
            buildRecentMenu();
            main.hideMessage();
            main.setStatus("Opened " + p.getFileName());
            return true;
        } catch (InputException e) {
            main.showMessage("Could not open the scenario. " + e.getMessage());
            return false;
        }
    }

    /** Saves atomically; a failed write says why and leaves the old file. */
    boolean save(Path p) {
        try {
            model.save(p);
            recent.add(p);
            buildRecentMenu();
            main.setStatus("Saved " + p.getFileName());
            return true;
        } catch (IOException ex) {
            main.showMessage("Could not save " + p + ": " + ex.getMessage());
            return false;
        }
    }

    void askOpen() {
        var f = chooser("Open scenario").showOpenDialog(main.stage());
        if (f != null) {
            main.open(f.toPath());
        }
    }

    /** Saves to the scenario's file, or asks for one; false if none was given or the write failed. */
    boolean saveHereOrAsk() {
        Path p = model.fileProperty().get();
        return p == null ? askSaveAs() : save(p);
    }

    boolean askSaveAs() {
        var f = chooser("Save scenario as").showSaveDialog(main.stage());
        return f != null && save(f.toPath());
    }

    /** Unsaved edits: save, discard or stay. True when the window may close. */
    boolean confirmDiscard() {
        if (!model.dirtyProperty().get()) {
            return true;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The scenario has unsaved changes.", save, discard,
                ButtonType.CANCEL);
        a.initOwner(main.stage());
        a.setHeaderText("Save the changes before closing?");
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            return saveHereOrAsk();
        }
        return answer == discard;
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenarios (*.json)", "*.json"));
        Path dir = model.fileProperty().get() != null ? model.fileProperty().get().getParent() : Samples.directory();
        if (dir != null && dir.toFile().isDirectory()) {
            fc.setInitialDirectory(dir.toFile());
        }
        return fc;
    }
}
