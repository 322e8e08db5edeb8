package org.losslab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.Snapshot;
import org.losslab.app.surface3d.SurfaceView3D;
import org.losslab.engine.surface.Window;
import org.losslab.format.Typed;
import org.losslab.format.scenario.Scenario;

/**
 * Keeps a {@link SurfaceView3D} in step with the lab: the mesh is rebuilt (in the background) only
 * when the surface or its window changes, the paths on every new snapshot, the markers on every
 * playback step, and hidden runs stay hidden.
 */
final class Surface3DBinding {
    private final LabModel model;
    private final SurfaceView3D view;
    private Typed meshSurface;
    private Window meshWindow;

    private Surface3DBinding(LabModel model, Executor meshes) {
        this.model = model;
        this.view = new SurfaceView3D(meshes);
        model.snapshotProperty().addListener((o, was, snap) -> show(snap));
        model.hiddenProperty().addListener((o, was, hidden) -> view.setVisibleRuns(shown()));
        model.playback().stepProperty().addListener((o, was, step) -> view.setStep(step.longValue()));
        show(model.snapshot());
    }

    /**
     * The 3-D view's node for the main window's "2-D beside 3-D" mode.
     *
     * @param meshes builds the meshes and software frames, one at a time (the app's render thread)
     */
    static Node create(LabModel model, Executor meshes) {
        return new Surface3DBinding(model, meshes).view;
    }

    private void show(Snapshot snap) {
        if (snap == null) {
            return;
        }
        Scenario s = snap.scenario();
        Window window = s.viewOrDefault(snap.surface());
        if (!s.surface().equals(meshSurface) || !window.equals(meshWindow)) {
            meshSurface = s.surface();
            meshWindow = window;
            view.setSurface(snap.surface(), window);
        }
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < s.runs().size(); i++) {
            colors.add(s.runs().get(i).displayColor(i));
        }
        view.setTrajectories(snap.trajectories(), colors, shown());
        view.setStep(model.playback().step());
    }

    private List<Boolean> shown() {
        List<Boolean> shown = new ArrayList<>();
        Snapshot snap = model.snapshot();
        int n = snap == null ? 0 : snap.trajectories().size();
        for (int i = 0; i < n; i++) {
            shown.add(!model.isHidden(i));
        }
        return shown;
    }
}
