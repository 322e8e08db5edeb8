package org.losslab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.MouseEvent;
import org.losslab.app.controls.CanvasPane;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.Snapshot;
import org.losslab.format.scenario.Scenario;
import org.losslab.render.ChartPainter;
import org.losslab.render.ChartScene;
import org.losslab.render.Colors;
import org.losslab.render.Drawing;
import org.losslab.render.Metric;
import org.losslab.render.PlotScene;

/** A chart of one metric against the step; hover shows each run's value; click seeks playback. */
final class ChartView extends CanvasPane implements FrameLoop.Painted {
    private final LabModel model;
    private final Metric metric;
    private final ChartPainter painter = new ChartPainter(0.25);
    private long hover = -1;

    ChartView(LabModel model, Metric metric) {
        super(false);
        this.model = model;
        this.metric = metric;
        getStyleClass().add("chart-view");
        setMinSize(120, 90);
        setAccessibleText("chart of " + metric.title() + " against step");
        dependOn(model.snapshotProperty(), model.hiddenProperty(), model.selectedProperty(), model.playback().stepProperty());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hover = stepAt(e.getX());
            markDirty();
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hover = -1;
            markDirty();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> seek(e.getX()));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> seek(e.getX()));
    }

    private void seek(double x) {
        long k = stepAt(x);
        if (k >= 0) {
            model.playback().pause();
            model.playback().seek(k);
        }
    }

    private long stepAt(double x) {
        Snapshot s = model.snapshot();
        if (s == null) {
            return -1;
        }
        return ChartPainter.Layout.of(getWidth(), getHeight(), style()).step(x, s.scenario().steps());
    }

    ChartScene scene() {
        Snapshot snap = model.snapshot();
        if (snap == null) {
            return null;
        }
        Scenario s = snap.scenario();
        List<PlotScene.Path> paths = new ArrayList<>();
        for (int i = 0; i < s.runs().size(); i++) {
            var r = s.runs().get(i);
            paths.add(new PlotScene.Path(snap.trajectory(i), Colors.parse(r.displayColor(i)), r.displayLabel(),
                    !model.isHidden(i), i == model.selected()));
        }
        return new ChartScene(metric, paths, s.steps(), model.playback().step(), hover);
    }

    @Override
    protected void draw(Drawing d, double width, double height) {
        ChartScene scene = scene();
        if (scene != null) {
            painter.paint(d, scene, style(), width, height);
        }
    }
}
