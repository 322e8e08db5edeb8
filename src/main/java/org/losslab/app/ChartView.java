package org.losslab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.losslab.app.controls.FxDrawing;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.Snapshot;
import org.losslab.format.scenario.Scenario;
import org.losslab.render.ChartPainter;
import org.losslab.render.ChartScene;
import org.losslab.render.Colors;
import org.losslab.render.Metric;
import org.losslab.render.PlotScene;
import org.losslab.render.PlotStyle;

/** A chart of one metric against the step; hover shows each run's value; click seeks playback. */
final class ChartView extends Region implements FrameLoop.Painted {
    private final LabModel model;
    private final Metric metric;
    private final Canvas canvas = new Canvas();
    private final FxDrawing drawing = new FxDrawing();
    private final ChartPainter painter = new ChartPainter();
    private final ObjectProperty<PlotStyle> style = new SimpleObjectProperty<>(this, "style", PlotStyle.LIGHT);
    private long hover = -1;
    private boolean dirty = true;

    ChartView(LabModel model, Metric metric) {
        this.model = model;
        this.metric = metric;
        getStyleClass().add("chart-view");
        getChildren().add(canvas);
        setMinSize(120, 90);
        setAccessibleText("chart of " + metric.title() + " against step");
        Observable[] deps = {model.snapshotProperty(), model.hiddenProperty(), model.selectedProperty(),
            model.playback().stepProperty(), style};
        for (Observable o : deps) {
            o.addListener(x -> dirty = true);
        }
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hover = stepAt(e.getX());
            dirty = true;
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hover = -1;
            dirty = true;
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
        return ChartPainter.Layout.of(getWidth(), getHeight(), style.get()).step(x, s.scenario().steps());
    }

    ObjectProperty<PlotStyle> plotStyleProperty() {
        return style;
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
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            dirty = true;
        }
    }

    @Override
    public void paintIfDirty() {
        if (!dirty || getWidth() < 1 || getHeight() < 1) {
            return;
        }
        dirty = false;
        ChartScene scene = scene();
        if (scene != null) {
            painter.paint(drawing.on(canvas.getGraphicsContext2D()), scene, style.get(), getWidth(), getHeight());
        }
    }
}
