package org.losslab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.losslab.app.model.DefaultScenario;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.RecentFiles;
import org.losslab.app.model.WorkPools;

/**
 * Builds the main window on a stage: the view model on the app's threads, the FXML layout and its
 * controller, and the scenario it opens on.
 */
public final class MainWindow {
    /** Smallest window that still shows every control. */
    static final double MIN_WIDTH = 1024, MIN_HEIGHT = 700;

    private MainWindow() {
    }

    /** A view model that recomputes on the interactive threads of {@code pools}, publishing on the FX thread. */
    public static LabModel newModel(WorkPools pools) {
        return new LabModel(pools.recompute(), pools.interactive(), Platform::runLater);
    }

    /**
     * Shows the main window on {@code stage}, {@code width × height} (0: fit the screen), opening
     * {@code scenario} (null: the default sample or the built-in Rosenbrock race).
     *
     * @param pools where all of the window's background work runs; the caller closes it
     */
    public static MainController show(Stage stage, WorkPools pools, Path scenario, double width, double height) {
        LabModel model = newModel(pools);
        MainController c = new MainController(model, pools, new RecentFiles(Preferences.userRoot().node("org/losslab/app")));
        // The first scenario is in place before the panels are built from it.
        Path start = scenario != null ? scenario : DefaultScenario.defaultFile();
        model.show(DefaultScenario.rosenbrockRace());
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("main.fxml"));
        loader.setController(c);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load main.fxml", e);
        }
        if (width <= 0 || height <= 0) {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            width = Math.max(MIN_WIDTH, Math.min(1600, screen.getWidth() * 0.92));
            height = Math.max(MIN_HEIGHT, Math.min(1000, screen.getHeight() * 0.92));
        }
        Scene scene = new Scene(root, width, height);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        c.attach(stage);
        c.setSurfaceViewFactory(m -> Surface3DBinding.create(m, pools.render()));
        if (start != null) {
            c.open(start);
        }
        stage.show();
        return c;
    }
}
