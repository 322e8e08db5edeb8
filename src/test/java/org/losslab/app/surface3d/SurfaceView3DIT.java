package org.losslab.app.surface3d;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.format.scenario.Scenario;
import org.losslab.render.Colormap;
import org.losslab.render.surface3d.Fixtures;
import org.losslab.render.surface3d.PlotBox;
import org.losslab.render.surface3d.ViewCamera;

/**
 * Renders the real FXyz surface with OpenGL (Mesa under Xvfb in CI) and checks the pixels: the
 * surface shows the colormap's colour of its height where it is, and a run's colour where its
 * path is. Skipped without a display; run with
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24 +extension GLX" ./mvnw -B verify}.
 */
class SurfaceView3DIT {
    private static final int W = 900, H = 650;
    private static Stage stage;
    private static SurfaceView3D view;
    /** Builds the meshes off the FX thread, one at a time, as the app's render thread does. */
    private static final ExecutorService MESHES = Executors.newSingleThreadExecutor();
    private static Scenario scenario;
    private static List<Trajectory> runs;

    private static boolean hasDisplay() {
        String display = System.getenv("DISPLAY");
        return display != null && !display.isBlank();
    }

    @BeforeAll
    static void show() throws Exception {
        if (!hasDisplay()) {
            return;
        }
        String display = System.getenv("DISPLAY");
        FxThread.start();
        assertTrue(Platform.isSupported(ConditionalFeature.SCENE3D),
                "JavaFX reports no 3-D support on DISPLAY=" + display + " (run with -Dprism.forceGPU=true and GLX)");
        scenario = Fixtures.rosenbrock(400);
        runs = Fixtures.run(scenario);
        Surface surface = scenario.buildSurface();
        var shown = FxThread.call(() -> {
            view = new SurfaceView3D(MESHES);
            view.setTrajectories(runs, List.of("#0072B2", "#D55E00", "#009E73"), Collections.nCopies(runs.size(), true));
            stage = new Stage();
            stage.setScene(new Scene(view, W, H));
            stage.show();
            return view.setSurface(surface, scenario.viewOrDefault(surface));
        });
        shown.get(60, TimeUnit.SECONDS);
        FxThread.settle(4);
    }

    /** Reported per test as skipped (an assumption in {@code @BeforeAll} would hide the test). */
    @BeforeEach
    void needsDisplay() {
        assumeTrue(hasDisplay(), "no DISPLAY: the 3-D test needs an X server with GLX (xvfb-run)");
    }

    @AfterAll
    static void close() throws Exception {
        if (stage != null) {
            FxThread.run(stage::close);
        }
        MESHES.shutdownNow();
    }

    @Test
    void surfaceHasColormapColoursWherePathsAndMarkersAreDrawnInRunColours() throws Exception {
        WritableImage img = snapshot("surface3d-it.png");
        PixelReader px = img.getPixelReader();
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        assertTrue(w == W && h == H, "snapshot size " + w + "x" + h);

        int background = px.getArgb(2, 2);
        int drawn = 0;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                if (distance(px.getArgb(x, y), background) > 12) {
                    drawn++;
                }
            }
        }
        assertTrue(drawn > 0.12 * (w / 2) * (h / 2), "the scene is nearly blank: " + drawn + " drawn samples");

        // The surface's own colour at points seen from the default camera.
        SurfaceMesh mesh = view.surfaceMeshProperty().get();
        PlotBox box = new PlotBox(mesh.window());
        ViewCamera cam = view.cameraProperty().get();
        double[] o = new double[3];
        int samples = 0, matching = 0;
        for (int i = 1; i < 10; i++) {
            for (int j = 1; j < 10; j++) {
                double x = mesh.window().xMin() + i / 10.0 * mesh.window().width();
                double y = mesh.window().yMin() + j / 10.0 * mesh.window().height();
                double u = mesh.heights().interpolate(x, y);
                if (!cam.project(box.worldX(x), PlotBox.worldY(u), box.worldZ(y), w, h, o)) {
                    continue;
                }
                samples++;
                int c = px.getArgb((int) Math.round(o[0]), (int) Math.round(o[1]));
                if (shadedColormapNear(c, u, 0.08)) {
                    matching++;
                }
            }
        }
        assertTrue(samples == 81, "all sample points in front of the camera");
        assertTrue(matching >= 0.7 * samples, matching + " of " + samples + " surface points show their height's colour");

        // Momentum (vermillion) ends in the valley in plain view: its marker and its tube.
        Trajectory momentum = runs.get(1);
        int last = momentum.size() - 1;
        double mx = momentum.x(last), my = momentum.y(last);
        cam.project(box.worldX(mx), PlotBox.worldY(mesh.heights().interpolate(mx, my)), box.worldZ(my), w, h, o);
        int marker = px.getArgb((int) Math.round(o[0]), (int) Math.round(o[1]));
        assertTrue(shadedNear(marker, 0xD55E00, 60), "marker pixel " + Integer.toHexString(marker));
        int vermillion = count(px, w, h, 0xD55E00);
        assertTrue(vermillion > 150, "vermillion path pixels: " + vermillion);

        // Hidden, the run leaves no trace; at step 0 only its marker at the start is left (the other
        // runs, which start at the same point, are hidden so their markers do not cover it).
        FxThread.run(() -> view.setVisibleRuns(List.of(true, false, true)));
        FxThread.settle(3);
        int hidden = count(snapshot("surface3d-it-hidden.png").getPixelReader(), w, h, 0xD55E00);
        assertTrue(hidden < vermillion / 10, "after hiding: " + hidden + " of " + vermillion);
        FxThread.run(() -> {
            view.setVisibleRuns(List.of(false, true, false));
            view.setStep(0);
        });
        FxThread.settle(3);
        int start = count(snapshot("surface3d-it-step0.png").getPixelReader(), w, h, 0xD55E00);
        assertTrue(start > 10 && start < vermillion / 2, "at step 0: " + start + " of " + vermillion);
        FxThread.run(() -> {
            view.setVisibleRuns(List.of(true, true, true));
            view.setStep(Long.MAX_VALUE);
        });
    }

    private static WritableImage snapshot(String name) throws Exception {
        WritableImage img = FxThread.call(() -> view.getSubScene().snapshot(null, null));
        String keep = System.getProperty("losslab.keepImages");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", Path.of(keep, name).toFile());
        }
        return img;
    }

    /** Pixels whose colour is the given one under some lighting intensity. */
    private static int count(PixelReader px, int w, int h, int rgb) {
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (shadedNear(px.getArgb(x, y), rgb, 40)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** True when c is u′'s colormap colour scaled by a light intensity, for some u′ within tol of u. */
    private static boolean shadedColormapNear(int c, double u, double tol) {
        for (double v = Math.max(0, u - tol); v <= Math.min(1, u + tol) + 1e-9; v += 0.01) {
            if (shadedNear(c, Colormap.argb(v), 36)) {
                return true;
            }
        }
        return false;
    }

    /** c ≈ I·rgb for the best intensity I ∈ [0.4, 1.3], within tol (sum of channel differences). */
    private static boolean shadedNear(int c, int rgb, int tol) {
        double r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
        double cr = (c >> 16) & 255, cg = (c >> 8) & 255, cb = c & 255;
        double norm = r * r + g * g + b * b;
        if (norm == 0) {
            return cr + cg + cb < tol;
        }
        double i = Math.max(0.4, Math.min(1.3, (cr * r + cg * g + cb * b) / norm));
        return Math.abs(cr - i * r) + Math.abs(cg - i * g) + Math.abs(cb - i * b) <= tol;
    }

    private static int distance(int a, int b) {
        return Math.abs(((a >> 16) & 255) - ((b >> 16) & 255)) + Math.abs(((a >> 8) & 255) - ((b >> 8) & 255))
                + Math.abs((a & 255) - (b & 255));
    }
}
