package org.losslab.app.trainer;

import java.nio.file.Path;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import org.losslab.app.MainController;
import org.losslab.app.MainWindow;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.io.PngExport;
import org.losslab.scenario.Typed;

/**
 * Writes docs/screenshots/trainer.png: the trainer on two spirals, Adam beside heavy-ball SGD,
 * after some training, with the landscape slice computed. Run under Xvfb:
 * {@code java -cp … org.losslab.app.trainer.TrainerScreenshot$Launch OUT.png [width height] [landscape] [dark] [presentation]}.
 */
public final class TrainerScreenshot extends Application {
    @Override
    public void start(Stage stage) {
        var args = getParameters().getRaw();
        Path out = Path.of(args.get(0));
        double w = args.size() > 2 ? Double.parseDouble(args.get(1)) : 1366;
        double h = args.size() > 2 ? Double.parseDouble(args.get(2)) : 768;
        boolean landscape = args.contains("landscape");
        MainController c = MainWindow.show(stage, null, w, h);
        // Themes through the View menu, as a user picks them.
        var bar = (javafx.scene.control.MenuBar) stage.getScene().lookup(".menu-bar");
        for (var menu : bar.getMenus()) {
            for (var item : menu.getItems()) {
                if (args.contains("dark") && "_Dark theme".equals(item.getText())) {
                    item.fire();
                }
                if (args.contains("presentation") && item instanceof javafx.scene.control.CheckMenuItem ci
                        && "_Presentation mode".equals(ci.getText())) {
                    ci.setSelected(true);
                }
            }
        }
        c.showTrainer(true);
        TrainerPane pane = c.trainer();
        TrainerModel m = pane.model();
        m.addRun();
        m.editRun(1, r -> SetupSchemas.withOptimizer(r, new Typed("sgd", Map.of("lr", 0.3, "momentum", 0.9))));
        m.showRun(0);
        m.play();
        new AnimationTimer() {
            private int phase;

            @Override
            public void handle(long now) {
                if (phase == 0 && m.curves().get(0).step() >= 1200) {
                    m.pause();
                    if (landscape) {
                        ((javafx.scene.control.TabPane) stage.getScene().lookup("#trainerTabs")).getSelectionModel().select(1);
                        m.computeSlice(41, 1, false, 7);
                    }
                    phase = 1;
                } else if (phase >= 1 && phase < 30 && !m.sliceRunningProperty().get()) {
                    phase++;
                } else if (phase == 30) {
                    stop();
                    try {
                        PngExport.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), out);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    Platform.exit();
                }
            }
        }.start();
    }

    /** The entry point (a class that is not the Application, so the classpath launch works). */
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(TrainerScreenshot.class, args);
        }
    }
}
