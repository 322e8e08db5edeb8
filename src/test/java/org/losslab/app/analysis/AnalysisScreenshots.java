package org.losslab.app.analysis;

import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.losslab.app.MainController;
import org.losslab.app.MainWindow;
import org.losslab.app.WindowThemes;
import org.losslab.app.model.WorkPools;
import org.losslab.format.sweep.SweepSpec;
import org.losslab.render.PngExport;

/**
 * Screenshots of the sweep and escape panels for the docs, under Xvfb:
 * {@code java -cp … org.losslab.app.analysis.AnalysisScreenshots SWEEP_SPEC.json sweep.png escape.png width height [SCENARIO.json eos.png]}.
 * Runs the sample sweep in the window, snapshots it, then a small escape study, snapshots it, and exits.
 */
public final class AnalysisScreenshots {
    private AnalysisScreenshots() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The application (nested, so the launcher is not an Application subclass). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            var a = getParameters().getRaw();
            double w = a.size() > 4 ? Double.parseDouble(a.get(3)) : 1366, h = a.size() > 4 ? Double.parseDouble(a.get(4)) : 768;
            SweepSpec spec = SweepSpec.read(Path.of(a.get(0)));
            MainController c = MainWindow.show(stage, WorkPools.forThisMachine(), null, w, h);
            AnalysisTabs t = c.analysis();
            // -Dshots.css=dark,presentation: the dark theme as View ▸ Dark sets it (stylesheet and plot colours),
            // other stylesheets over the base.
            for (String css : System.getProperty("shots.css", "").split(",")) {
                if (css.equals("dark")) {
                    WindowThemes.dark(c);
                } else if (!css.isBlank()) {
                    stage.getScene().getStylesheets().add(getClass().getResource("/styles/" + css + ".css").toExternalForm());
                }
            }
            t.lab().show(spec.scenario());
            SweepModel m = t.sweepModel();
            Platform.runLater(() -> {
                t.sweepTab().getTabPane().getSelectionModel().select(t.sweepTab());
                m.runProperty().set(spec.run());
                m.xKeyProperty().set(spec.x().key());
                m.yKeyProperty().set(spec.y().key());
                m.xFromProperty().set(spec.x().from());
                m.xToProperty().set(spec.x().to());
                m.xCountProperty().set(spec.x().count());
                m.xLogProperty().set(spec.x().log());
                m.yFromProperty().set(spec.y().from());
                m.yToProperty().set(spec.y().to());
                m.yCountProperty().set(spec.y().count());
                m.yLogProperty().set(spec.y().log());
                m.toleranceProperty().set(spec.tolerance());
                m.measureProperty().set(spec.measure());
                m.start();
            });
            whenDone(m.runningProperty(), () -> later(() -> {
                shot(stage, Path.of(a.get(1)));
                t.escapeTab().getTabPane().getSelectionModel().select(t.escapeTab());
                EscapeModel e = t.escapeModel();
                e.seedsProperty().set(128);
                e.start();
                whenDone(e.runningProperty(), () -> later(() -> {
                    shot(stage, Path.of(a.get(2)));
                    if (a.size() < 6) {
                        Platform.exit();
                        return;
                    }
                    // Edge of stability and the curvature readout on a second scenario.
                    try {
                        t.lab().show(org.losslab.format.scenario.ScenarioReader.read(Path.of(a.get(5))));
                    } catch (org.losslab.format.InputException ex) {
                        throw new IllegalArgumentException(ex.getMessage(), ex);
                    }
                    t.sharpnessTab().getTabPane().getSelectionModel().select(t.sharpnessTab());
                    t.curvatureTab().getTabPane().getSelectionModel().select(t.curvatureTab());
                    later(() -> {
                        shot(stage, Path.of(a.get(6)));
                        t.sharpnessTab().getTabPane().getSelectionModel().select(0);
                        later(() -> {
                            shot(stage, Path.of(a.get(6).replaceFirst("\\.png$", "-landscape.png")));
                            Platform.exit();
                        });
                    });
                }));
            }));
        }

        private static void whenDone(javafx.beans.value.ObservableValue<Boolean> running, Runnable then) {
            running.addListener(new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                    if (was && !is) {
                        running.removeListener(this);
                        then.run();
                    }
                }
            });
        }

        private static void later(Runnable r) {
            PauseTransition p = new PauseTransition(Duration.millis(1500));
            p.setOnFinished(x -> r.run());
            p.play();
        }

        private static void shot(Stage stage, Path file) {
            try {
                PngExport.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
