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
import org.losslab.app.model.WorkPools;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.format.Typed;
import org.losslab.render.PngExport;

/**
 * Writes docs/screenshots/trainer.png: the trainer on two spirals, Adam beside heavy-ball SGD,
 * after some training, with the landscape slice computed. Run under Xvfb:
 * {@code java -cp … org.losslab.app.trainer.TrainerScreenshot$Launch OUT.png [width height] [landscape] [3d] [dark] [presentation] [curve|blobs]}.
 * With {@code config=FILE} it opens that training config instead (e.g. a sample), trains it at full
 * speed to {@code steps=N} (default 1200) and shows the right-hand tab {@code tab=NAME}
 * (Network, Landscape, Sharpness, …).
 */
public final class TrainerScreenshot extends Application {
    @Override
    public void start(Stage stage) {
        var args = getParameters().getRaw();
        Path out = Path.of(args.get(0));
        double w = args.size() > 2 ? Double.parseDouble(args.get(1)) : 1366;
        double h = args.size() > 2 ? Double.parseDouble(args.get(2)) : 768;
        boolean landscape = args.contains("landscape");
        MainController c = MainWindow.show(stage, WorkPools.forThisMachine(), null, w, h);
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
        String config = option(args, "config");
        long steps = option(args, "steps") == null ? 1200 : Long.parseLong(option(args, "steps"));
        String tab = option(args, "tab");
        if (config != null) {
            if (!pane.openConfig(Path.of(config))) {
                throw new IllegalArgumentException(pane.message());
            }
            m.session().setSpeed(0);
        } else if (args.contains("curve")) {
            m.setup().setData(new org.losslab.engine.mlp.DataSpec(org.losslab.engine.mlp.DataKind.CURVE, 200, 0.1, 0.25, 0, false, 0, 1));
        } else if (args.contains("blobs")) {
            m.setup().setData(new org.losslab.engine.mlp.DataSpec(org.losslab.engine.mlp.DataKind.BLOBS, 400, 0.05, 0.5, 4, false, 0, 1));
        }
        if (config == null) {
            m.addRun();
            m.setup().editRun(1, r -> r.withOptimizer(new Typed("sgd", Map.of("lr", 0.3, "momentum", 0.9))));
        }
        m.session().showRun(0);
        if (tab != null) {
            var tabs = pane.tabs();
            tabs.getTabs().stream().filter(x -> x.getText().equals(tab)).findFirst().ifPresent(x -> tabs.getSelectionModel().select(x));
        }
        m.session().play();
        new AnimationTimer() {
            private int phase;

            @Override
            public void handle(long now) {
                if (phase == 0 && (m.session().curves().get(0).step() >= steps || m.session().finished())) {
                    m.session().pause();
                    if (landscape) {
                        ((javafx.scene.control.TabPane) stage.getScene().lookup("#trainerTabs")).getSelectionModel().select(1);
                        m.computeSlice(41, 1, false, 7);
                        if (args.contains("3d")) {
                            ((javafx.scene.control.CheckBox) stage.getScene().lookup("#slice3d")).setSelected(true);
                        }
                    }
                    if (option(args, "ensemble") != null) {
                        m.trainEnsemble(Integer.parseInt(option(args, "ensemble")));
                    }
                    phase = 1;
                } else if (phase >= 1 && phase < 90 && !m.slice().runningProperty().get()
                        && !m.ensemble().runningProperty().get()) {
                    phase++;
                } else if (phase == 90) {
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

    private static String option(java.util.List<String> args, String key) {
        return args.stream().filter(a -> a.startsWith(key + "=")).map(a -> a.substring(key.length() + 1)).findFirst().orElse(null);
    }

    /** The entry point (a class that is not the Application, so the classpath launch works). */
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(TrainerScreenshot.class, args);
        }
    }
}
