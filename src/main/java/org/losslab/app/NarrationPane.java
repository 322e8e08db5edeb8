package org.losslab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.Snapshot;
import org.losslab.app.model.UpdateNarration;
import org.losslab.engine.sim.Trajectory;
import org.losslab.render.Colors;
import org.losslab.render.PlotScene;

/**
 * Step-by-step mode: one update of the selected run told in parts (gradient, momentum, second
 * moment, bias correction, the step), each part drawn as a vector on the 2-D view at θ_k.
 */
final class NarrationPane extends VBox {
    private static final int GRADIENT = 0xFF56B4E9, MOMENTUM = 0xFFCC79A7, SCALED = 0xFFE69F00, ASCENT = 0xFF009E73;
    private final LabModel model;
    private final PlotView plot;
    private final VBox lines = new VBox(6);
    private final CheckBox draw = new CheckBox("Draw the vectors on the plot");
    /**
     * Every point of a thinned run up to some step, computed again for the narration, and what it
     * is of: stepping on by one reuses it (it runs on to the engine's next cancellation poll, up to
     * 1024 steps further) instead of running the run again from its start.
     */
    private Trajectory prefix;
    private Snapshot prefixOf;
    private int prefixRun = -1;

    NarrationPane(LabModel model, PlotView plot) {
        this.model = model;
        this.plot = plot;
        getStyleClass().add("narration");
        Label title = new Label("One update, step by step");
        title.getStyleClass().add("section-title");
        Label hint = new Label("The selected run's update at the playback step. Use ◀ ▶ (or the arrow keys) to move "
                + "through the updates; each part is drawn at the run's point.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        Button prev = new Button("◀ previous");
        prev.setId("narratePrev");
        prev.setOnAction(e -> model.playback().stepBy(-1));
        Button next = new Button("next ▶");
        next.setId("narrateNext");
        next.setOnAction(e -> model.playback().stepBy(1));
        draw.setId("narrateDraw");
        draw.setSelected(true);
        draw.setTooltip(new Tooltip("Show the gradient (sky blue), momentum or first moment (purple), the adaptive "
                + "step (orange) and the step taken (run colour)"));
        lines.setId("narrationLines");
        getChildren().addAll(title, hint, new HBox(6, prev, next), draw, lines);
        model.playback().stepProperty().addListener(x -> refresh());
        model.snapshotProperty().addListener(x -> refresh());
        model.selectedProperty().addListener(x -> refresh());
        draw.selectedProperty().addListener(x -> refresh());
        sceneProperty().addListener(x -> refresh());
        visibleProperty().addListener(x -> refresh());
    }

    /** Shown only while its tab is open (the tab's content is in a scene only then). */
    private boolean active() {
        return getScene() != null && isVisible() && getParent() != null && isTabShown();
    }

    private boolean isTabShown() {
        for (var p = getParent(); p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Trajectory everyPointUpTo(Snapshot snap, int run, long k) {
        Trajectory kept = snap.trajectory(run);
        if (kept.complete()) {
            return kept;
        }
        if (prefixOf != snap || prefixRun != run || prefix.size() < k + 2) {
            prefix = LabModel.everyPointUpTo(snap, run, k);
            prefixOf = snap;
            prefixRun = run;
        }
        return prefix;
    }

    void refresh() {
        Snapshot snap = model.snapshot();
        if (snap == null || !active()) {
            plot.arrowsProperty().set(List.of());
            return;
        }
        int run = Math.min(model.selected(), snap.trajectories().size() - 1);
        var kept = snap.trajectory(run);
        // The update from the playback step, if the run took one; replayed from every point up to
        // it, which a run kept thinned (longer than LabModel.KEPT_POINTS) computes again.
        long want = Math.min(model.playback().step(), kept.size() == 0 ? -1 : kept.step(kept.size() - 1) - 1);
        var tr = want >= 0 && want <= UpdateNarration.MAX_REPLAY ? everyPointUpTo(snap, run, want) : kept;
        int k = (int) Math.min(want, tr.size() - 2L);
        var spec = snap.scenario().runs().get(run);
        UpdateNarration n = k >= 0 && tr.complete() ? UpdateNarration.of(spec, snap.surface(), tr, k) : null;
        lines.getChildren().clear();
        if (n == null) {
            Label l = new Label(tr.diverged() ? "This run diverged at step " + tr.divergedAt() + "." : "No update here.");
            l.setWrapText(true);
            lines.getChildren().add(l);
            plot.arrowsProperty().set(List.of());
            return;
        }
        int i = 1;
        for (String s : n.lines()) {
            Label l = new Label((i++) + ". " + s);
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.getStyleClass().add("narration-line");
            lines.getChildren().add(l);
        }
        List<PlotScene.Arrow> arrows = new ArrayList<>();
        int runColor = Colors.parse(spec.displayColor(run));
        for (UpdateNarration.Vector v : n.vectors()) {
            int c = switch (v.role()) {
                case GRADIENT -> GRADIENT;
                case MOMENTUM -> MOMENTUM;
                case SCALED -> SCALED;
                case STEP -> runColor;
                case ASCENT -> ASCENT;
            };
            arrows.add(new PlotScene.Arrow(tr.x(k), tr.y(k), v.dx(), v.dy(), c, v.label()));
        }
        plot.arrowsProperty().set(draw.isSelected() ? arrows : List.of());
    }
}
