package org.losslab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.LatestWins;
import org.losslab.app.model.Snapshot;
import org.losslab.app.model.UpdateNarration;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.render.Colors;
import org.losslab.render.PlotScene;

/**
 * Step-by-step mode: one update of the selected run told in parts (gradient, momentum, second
 * moment, bias correction, the step), each part drawn as a vector on the 2-D view at θ_k.
 *
 * <p>Telling update k replays the run's optimizer through every update before it, and a run the
 * app keeps thinned is run again up to k first: near the millionth step that is a few hundred
 * milliseconds, so updates beyond {@link #INLINE_REPLAY} are worked out on a background thread
 * (the newest request wins) and shown when ready; the lines of the update before stay until then.
 */
final class NarrationPane extends VBox {
    private static final int GRADIENT = 0xFF56B4E9, MOMENTUM = 0xFFCC79A7, SCALED = 0xFFE69F00, ASCENT = 0xFF009E73;
    private final LabModel model;
    private final PlotView plot;
    private final VBox lines = new VBox(6);
    private final CheckBox draw = new CheckBox("Draw the vectors on the plot");
    /** Updates up to this many are told on the FX thread (a replay of at most a millisecond or two). */
    static final long INLINE_REPLAY = 20_000;
    private final LatestWins<Told> work;

    /** The latest request (FX thread): a token; the result of any other request is dropped. */
    private Object wanted;

    /** Update k of a run of a snapshot, told: the trajectory it was told from and the narration (null: none). */
    private record Told(Snapshot snap, int run, long want, Trajectory tr, int k, UpdateNarration narration) {
    }

    /** @param worker where long replays run (one at a time, the newest request first) */
    NarrationPane(LabModel model, PlotView plot, Executor worker) {
        this.model = model;
        this.plot = plot;
        this.work = new LatestWins<>(worker, Platform::runLater, () -> { });
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

    void refresh() {
        Snapshot snap = model.snapshot();
        if (snap == null || !active()) {
            wanted = null;
            plot.arrowsProperty().set(List.of());
            return;
        }
        int run = Math.min(model.selected(), snap.trajectories().size() - 1);
        var kept = snap.trajectory(run);
        // The update from the playback step, if the run took one; replayed from every point up to
        // it, which a run kept thinned (longer than LabModel.KEPT_POINTS) computes again.
        long want = Math.min(model.playback().step(), kept.size() == 0 ? -1 : kept.step(kept.size() - 1) - 1);
        Object key = new Object();
        wanted = key;
        if (want <= INLINE_REPLAY && kept.complete()) {
            show(tell(snap, run, want, Cancellation.NEVER));
            return;
        }
        work.submit(cancel -> tell(snap, run, want, cancel), told -> {
            // Shown unless the view has moved on meanwhile (its newer request is then on its way).
            if (key == wanted && active()) {
                show(told);
            }
        });
    }

    /**
     * Works out update {@code want} of the run (on the FX thread for short replays, else on the
     * worker); null if cancelled (a newer request waits). A thinned run is run again up to the
     * update each time: nothing of it is kept between requests.
     */
    private static Told tell(Snapshot snap, int run, long want, Cancellation cancel) {
        var kept = snap.trajectory(run);
        var tr = want >= 0 && want <= UpdateNarration.MAX_REPLAY ? LabModel.everyPointUpTo(snap, run, want, cancel) : kept;
        if (tr == null) {
            return null;
        }
        int k = (int) Math.min(want, tr.size() - 2L);
        var spec = snap.scenario().runs().get(run);
        UpdateNarration n = k >= 0 && tr.complete() ? UpdateNarration.of(spec, snap.surface(), tr, k) : null;
        return new Told(snap, run, want, tr, k, n);
    }

    private void show(Told told) {
        Snapshot snap = told.snap();
        int run = told.run(), k = told.k();
        var tr = told.tr();
        var spec = snap.scenario().runs().get(run);
        UpdateNarration n = told.narration();
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
