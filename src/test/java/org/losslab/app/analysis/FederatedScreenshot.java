package org.losslab.app.analysis;

import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.losslab.app.MainController;
import org.losslab.app.MainWindow;
import org.losslab.app.model.WorkPools;
import org.losslab.render.PngExport;

/**
 * A screenshot of the Federated tab for the docs, under Xvfb:
 * {@code java -cp … org.losslab.app.analysis.FederatedScreenshot FEDERATED.json out.png [width height [round]]}.
 * Opens the file through File ▸ Open, waits for its runs, sets the round and snapshots the window.
 */
public final class FederatedScreenshot {
    private static final WorkPools POOLS = WorkPools.forThisMachine();

    private FederatedScreenshot() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The application (nested, so the launcher is not an Application subclass). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            var a = getParameters().getRaw();
            double w = a.size() > 3 ? Double.parseDouble(a.get(2)) : 1600, h = a.size() > 3 ? Double.parseDouble(a.get(3)) : 1000;
            MainController c = MainWindow.show(stage, POOLS, null, w, h);
            FederatedModel m = c.analysis().federatedModel();
            m.resultProperty().addListener((o, was, s) -> {
                if (s == null) {
                    return;
                }
                // The model sets the last round right after the result: choose the round once it has.
                Platform.runLater(() -> {
                    if (a.size() > 4) {
                        m.roundProperty().set(Integer.parseInt(a.get(4)));
                    }
                });
                PauseTransition p = new PauseTransition(Duration.millis(2000));
                p.setOnFinished(x -> {
                    try {
                        PngExport.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), Path.of(a.get(1)));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    Platform.exit();
                });
                p.play();
            });
            c.open(Path.of(a.get(0)));
        }
    }
}
