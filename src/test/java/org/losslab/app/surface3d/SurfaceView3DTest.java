package org.losslab.app.surface3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.format.scenario.Scenario;
import org.losslab.render.surface3d.Fixtures;
import org.losslab.render.surface3d.HeightScale;
import org.losslab.render.surface3d.ViewCamera;

/** The view's behaviour without a GPU (Monocle headless): threading, keyboard, validation. */
class SurfaceView3DTest {
    private static final Scenario SCENARIO = Fixtures.rosenbrock(50);
    private static final Surface SURFACE = SCENARIO.buildSurface();

    @BeforeAll
    static void fx() throws Exception {
        FxThread.start();
    }

    @Test
    void meshIsBuiltOnTheExecutorAndShownOnTheFxThread() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        SurfaceView3D view = FxThread.call(() -> new SurfaceView3D(queued::add));
        CompletableFuture<SurfaceMesh> first = FxThread.call(() -> view.setSurface(SURFACE, SCENARIO.viewOrDefault(SURFACE)));
        CompletableFuture<SurfaceMesh> second = FxThread.call(() -> view.setSurface(SURFACE, SCENARIO.viewOrDefault(SURFACE)));
        assertEquals(2, queued.size(), "nothing is computed on the FX thread");
        // The background runs both; the older one notices it was superseded.
        queued.forEach(Runnable::run);
        SurfaceMesh shown = second.get(30, TimeUnit.SECONDS);
        assertTrue(first.isCancelled());
        assertSame(shown, FxThread.call(() -> view.surfaceMeshProperty().get()));
        assertEquals(SurfaceMesh.NODES, shown.heights().nx());
        assertEquals(HeightScale.LINEAR, shown.heightMap().scale(), "AUTO keeps Rosenbrock linear");
    }

    @Test
    void changingTheHeightScaleRestylesWithoutResampling() throws Exception {
        SurfaceView3D view = FxThread.call(() -> new SurfaceView3D(Runnable::run));
        SurfaceMesh linear = FxThread.call(() -> view.setSurface(SURFACE, SCENARIO.viewOrDefault(SURFACE))).get(30, TimeUnit.SECONDS);
        FxThread.run(() -> view.heightScaleProperty().set(HeightScale.LOG));
        FxThread.settle(2);
        SurfaceMesh log = FxThread.call(() -> view.surfaceMeshProperty().get());
        assertEquals(HeightScale.LOG, log.heightMap().scale());
        assertSame(linear.values(), log.values(), "the samples are reused");
    }

    @Test
    void keyboardRotatesZoomsPansAndResets() throws Exception {
        SurfaceView3D view = FxThread.call(() -> new SurfaceView3D(Runnable::run));
        ViewCamera start = FxThread.call(() -> view.cameraProperty().get());
        key(view, KeyCode.RIGHT, false);
        ViewCamera turned = FxThread.call(() -> view.cameraProperty().get());
        assertEquals(start.yaw() + 5, turned.yaw(), 1e-9);
        key(view, KeyCode.UP, false);
        assertEquals(start.pitch() - 5, FxThread.call(() -> view.cameraProperty().get()).pitch(), 1e-9);
        key(view, KeyCode.PLUS, false);
        assertTrue(FxThread.call(() -> view.cameraProperty().get()).distance() < start.distance());
        key(view, KeyCode.LEFT, true);
        assertNotEquals(start.panX(), FxThread.call(() -> view.cameraProperty().get()).panX());
        key(view, KeyCode.HOME, false);
        assertEquals(ViewCamera.DEFAULT, FxThread.call(() -> view.cameraProperty().get()));
        assertTrue(view.isFocusTraversable());
    }

    @Test
    void withoutThreeDGraphicsTheSoftwareRendererFillsTheView() throws Exception {
        // Monocle's headless software pipeline has no 3-D: the fallback must draw the surface.
        SurfaceView3D view = FxThread.call(() -> {
            SurfaceView3D v = new SurfaceView3D(Runnable::run);
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(new javafx.scene.Scene(v, 600, 400));
            stage.show();
            return v;
        });
        assertTrue(!FxThread.call(view::isHardwareAccelerated), "Monocle headless has no SCENE3D");
        List<Trajectory> runs = Fixtures.run(SCENARIO);
        FxThread.call(() -> {
            view.setTrajectories(runs, List.of("#0072B2", "#D55E00", "#009E73"), Collections.nCopies(3, true));
            return view.setSurface(SURFACE, SCENARIO.viewOrDefault(SURFACE));
        }).get(30, TimeUnit.SECONDS);
        FxThread.settle(4);
        javafx.scene.image.WritableImage img = FxThread.call(view::snapshotView);
        javafx.scene.image.PixelReader px = img.getPixelReader();
        int dark = 0, vermillion = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                int c = px.getArgb(x, y);
                int r = (c >> 16) & 255, g = (c >> 8) & 255, b = c & 255;
                if (r < 90 && g < 60 && b > 60 && b < 140) {
                    dark++; // viridis' low end: the valley floor
                }
                if (r > 170 && g > 60 && g < 120 && b < 40) {
                    vermillion++;
                }
            }
        }
        assertTrue(dark > 5000, "valley pixels: " + dark);
        assertTrue(vermillion > 30, "momentum path pixels: " + vermillion);
        FxThread.run(() -> view.getScene().getWindow().hide());
    }

    @Test
    void runListsMustMatch() throws Exception {
        SurfaceView3D view = FxThread.call(() -> new SurfaceView3D(Runnable::run));
        List<Trajectory> runs = Fixtures.run(SCENARIO);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> view.setTrajectories(runs, List.of("#000000"), Collections.nCopies(3, true)));
        assertTrue(e.getMessage().contains("3 trajectories, 1 colours"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> view.setStep(-1));
    }

    private static void key(SurfaceView3D view, KeyCode code, boolean shift) throws Exception {
        FxThread.run(() -> Event.fireEvent(view,
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, false, false, false)));
    }
}
