package org.losslab.app.surface3d;

import java.io.File;
import java.util.Collections;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.losslab.app.model.WorkPools;
import org.losslab.engine.sim.Trajectory;
import org.losslab.format.scenario.Scenario;
import org.losslab.render.surface3d.Fixtures;

/**
 * Opens the 3-D view on the Rosenbrock fixture for a person to try; with a file argument it
 * saves a snapshot there once the mesh is shown and exits (screenshots for the docs):
 * {@code java -Dprism.forceGPU=true -cp … org.losslab.app.surface3d.SurfaceView3DDemo out.png [step] [yaw pitch]}.
 */
public final class SurfaceView3DDemo {

    private SurfaceView3DDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo application (a nested class, so the launcher is not an Application subclass). */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Scenario s = Fixtures.rosenbrock(400);
        List<Trajectory> runs = Fixtures.run(s);
        SurfaceView3D view = new SurfaceView3D(WorkPools.forThisMachine().render());
        view.setTrajectories(runs, s.runs().stream().map(r -> r.displayColor(s.runs().indexOf(r))).toList(),
                Collections.nCopies(runs.size(), true));
        if (args.size() > 1) {
            view.setStep(Long.parseLong(args.get(1)));
        }
        if (args.size() > 3) {
            view.setCamera(new org.losslab.render.surface3d.ViewCamera(Double.parseDouble(args.get(2)), Double.parseDouble(args.get(3)),
                    org.losslab.render.surface3d.ViewCamera.DEFAULT.distance(), 0, org.losslab.render.surface3d.ViewCamera.DEFAULT.panY()));
        }
        stage.setScene(new Scene(view, 1000, 700));
        stage.setTitle("Surface view 3-D");
        stage.show();
        view.setSurface(s.buildSurface(), s.viewOrDefault(s.buildSurface())).thenRun(() -> {
            if (!args.isEmpty()) {
                // A moment later the new mesh has been rendered (by the GPU, or by the software
                // renderer on its background thread).
                javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1.5));
                later.setOnFinished(done -> {
                    try {
                        ImageIO.write(SwingFXUtils.fromFXImage(view.snapshotView(), null), "png", new File(args.get(0)));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    Platform.exit();
                });
                later.play();
            }
        });
    }
    }
}
