package org.losslab.app.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.losslab.app.controls.CanvasPane;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.LatestWins;
import org.losslab.app.model.Snapshot;
import org.losslab.engine.analysis.EdgeOfStability;
import org.losslab.format.RunSpec;
import org.losslab.format.scenario.Scenario;
import org.losslab.render.Colors;
import org.losslab.render.Drawing;
import org.losslab.render.PlotStyle;
import org.losslab.render.SharpnessPainter;

/**
 * The edge-of-stability panel: each run is replayed in the background (same noise streams, so the
 * very points of its trajectory) to measure the sharpness at every point, and the chart shows it
 * against the run's stability limit. Recomputed when the runs change, only while showing; painted
 * once per pulse.
 */
public final class SharpnessPane extends BorderPane {
    /** Longer runs are not replayed point by point here (4 doubles per step). */
    static final long MAX_STEPS = 2_000_000;

    private final LabModel lab;
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    private final SharpnessPainter painter = new SharpnessPainter();
    private final CanvasPane chart = new CanvasPane(true) {
        @Override
        protected void draw(Drawing d, double width, double height) {
            painter.paint(d, visible(), steps, style(), width, height);
        }
    };
    private final VBox captions = new VBox(2);
    private final LatestWins<List<SharpnessPainter.Run>> work;
    private List<SharpnessPainter.Run> runs = List.of();
    private long steps = 1;
    private Snapshot computedFor;

    /** @param work replays the runs for their sharpness off the FX thread */
    public SharpnessPane(LabModel lab, ObservableValue<PlotStyle> style, Executor work) {
        this.lab = lab;
        this.work = new LatestWins<>(work, Platform::runLater, () -> { });
        getStyleClass().add("analysis-pane");
        setId("sharpnessPane");
        chart.plotStyleProperty().bind(style);
        chart.setMinSize(200, 150);
        chart.setAccessibleText("chart of sharpness against the stability limit along each run");
        Label hint = new Label("Gradient descent is stable along the sharpest direction only while λmax < 2/η "
                + "(heavy ball: 2(1 + β)/η; Adam, RMSprop, Adagrad: their preconditioned sharpness against their limit). "
                + "A ring marks where a run first crosses its limit; past it the run oscillates or diverges.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        captions.setId("sharpnessCaptions");
        VBox bottom = new VBox(4, captions, hint);
        bottom.setPadding(new Insets(6, 10, 8, 10));
        setCenter(chart);
        setBottom(bottom);
        lab.snapshotProperty().addListener(x -> recompute());
        showing.addListener(x -> recompute());
        lab.hiddenProperty().addListener(x -> showVisible());
    }

    /** True while the tab is selected. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    /** The series of every run of the latest snapshot, in scenario order (hidden ones are not drawn). */
    public List<SharpnessPainter.Run> runs() {
        return runs;
    }

    private void recompute() {
        Snapshot snap = lab.snapshot();
        if (!showing.get() || snap == null || snap == computedFor) {
            return;
        }
        computedFor = snap;
        Scenario s = snap.scenario();
        if (s.steps() > MAX_STEPS) {
            runs = List.of();
            captions.getChildren().setAll(new Label("Runs longer than " + MAX_STEPS + " steps are not replayed here."));
            chart.markDirty();
            return;
        }
        work.submit(cancel -> {
            List<SharpnessPainter.Run> out = new ArrayList<>();
            for (int i = 0; i < s.runs().size(); i++) {
                RunSpec r = s.runs().get(i);
                EdgeOfStability.Series series = EdgeOfStability.of(snap.surface(), r.toRunSettings(s.start()), i, s.steps(),
                        s.seed(), cancel);
                if (series == null) {
                    return null;
                }
                out.add(new SharpnessPainter.Run(series, Colors.parse(r.displayColor(i)), r.displayLabel()));
            }
            return out;
        }, result -> {
            if (result == null) {
                return;
            }
            runs = List.copyOf(result);
            steps = s.steps();
            showVisible();
        });
    }

    /** Captions and chart of the runs not hidden (hiding a run needs no replay). */
    private void showVisible() {
        List<Label> lines = new ArrayList<>();
        for (SharpnessPainter.Run r : visible()) {
            lines.add(new Label(SharpnessPainter.caption(r)));
        }
        captions.getChildren().setAll(lines);
        chart.markDirty();
    }

    private List<SharpnessPainter.Run> visible() {
        List<SharpnessPainter.Run> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (!lab.isHidden(i)) {
                out.add(runs.get(i));
            }
        }
        return out;
    }
}
