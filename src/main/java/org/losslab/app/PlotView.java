package org.losslab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.losslab.app.controls.FxDrawing;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.Snapshot;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.format.RunSpec;
import org.losslab.format.scenario.Scenario;
import org.losslab.render.Colors;
import org.losslab.render.ContourField;
import org.losslab.render.PlotLayout;
import org.losslab.render.PlotPainter;
import org.losslab.render.PlotScene;
import org.losslab.render.PlotScenes;
import org.losslab.render.PlotStyle;

/**
 * The 2-D view: a canvas painted by {@link PlotPainter} once per pulse when dirty. Click or drag in
 * the plot to move the start point (every path follows live); hovering shows the Hessian's
 * eigen-directions and 2/λmax under the cursor.
 */
final class PlotView extends Region implements FrameLoop.Painted {
    private final LabModel model;
    /** Contours, axes and colour bar: redrawn only when the surface, window, size or style change. */
    private final Canvas base = new Canvas();
    /** Paths, markers, overlays and legend: redrawn on every change. */
    private final Canvas canvas = new Canvas();
    private final FxDrawing drawing = new FxDrawing();
    private final FxDrawing baseDrawing = new FxDrawing();
    private Object baseKey;
    private final PlotPainter painter = new PlotPainter(0.5);
    private final ObjectProperty<PlotStyle> style = new SimpleObjectProperty<>(this, "style", PlotStyle.LIGHT);
    private final ObjectProperty<PlotScene.Overlays> overlays =
            new SimpleObjectProperty<>(this, "overlays", PlotScene.Overlays.DEFAULT);
    private final ObjectProperty<List<PlotScene.Arrow>> arrows = new SimpleObjectProperty<>(this, "arrows", List.of());
    private java.util.function.BiConsumer<Double, Double> startMover;
    /** The data point under the mouse as {x, y}, or null (the curvature readout follows it). */
    private final javafx.beans.property.ReadOnlyObjectWrapper<double[]> cursor =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "cursor");
    private boolean dirty = true;
    private long paints;

    PlotView(LabModel model) {
        this.model = model;
        this.startMover = model::moveStart;
        getStyleClass().add("plot-view");
        getChildren().addAll(base, canvas);
        setMinSize(200, 150);
        setFocusTraversable(true);
        setAccessibleText("2-D contour plot: click to move the start point");
        Observable[] deps = {model.snapshotProperty(), model.fieldProperty(), model.scenarioProperty(),
            model.hiddenProperty(), model.selectedProperty(), model.playback().stepProperty(), style, overlays, arrows};
        for (Observable o : deps) {
            o.addListener(x -> markDirty());
        }
        style.addListener(x -> requestGrid());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::press);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            PlotLayout L = plotLayout();
            cursor.set(L != null && L.inside(e.getX(), e.getY()) ? new double[] {L.dataX(e.getX()), L.dataY(e.getY())} : null);
            setCursor(cursor.get() != null ? Cursor.CROSSHAIR : Cursor.DEFAULT);
            markDirty();
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            cursor.set(null);
            markDirty();
        });
    }

    ObjectProperty<PlotStyle> plotStyleProperty() {
        return style;
    }

    ObjectProperty<PlotScene.Overlays> overlaysProperty() {
        return overlays;
    }

    javafx.beans.property.ReadOnlyObjectProperty<double[]> dataCursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    /** Extra vectors, e.g. the narrated update's parts. */
    ObjectProperty<List<PlotScene.Arrow>> arrowsProperty() {
        return arrows;
    }

    /** Where a click sends the start point (a comparison view moves the main scenario's start). */
    void setStartMover(java.util.function.BiConsumer<Double, Double> mover) {
        this.startMover = mover;
    }

    /** How many times the canvas was painted (tests check that a change repaints). */
    long paints() {
        return paints;
    }

    void markDirty() {
        dirty = true;
    }

    private void press(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        requestFocus();
        PlotLayout L = plotLayout();
        if (L == null) {
            return;
        }
        double px = Math.max(L.left(), Math.min(L.left() + L.plotWidth(), e.getX()));
        double py = Math.max(L.top(), Math.min(L.top() + L.plotHeight(), e.getY()));
        if (e.getEventType() == MouseEvent.MOUSE_PRESSED && !L.inside(e.getX(), e.getY())) {
            return;
        }
        startMover.accept(round(L.dataX(px), L.window().width()), round(L.dataY(py), L.window().height()));
        e.consume();
    }

    /** Rounds a clicked coordinate to about 1/1000 of the window, so saved files stay readable. */
    private static double round(double v, double span) {
        double q = Math.pow(10, Math.floor(Math.log10(span)) - 3);
        return Math.round(v / q) * q;
    }

    private Window window() {
        Snapshot snap = model.snapshot();
        Scenario s = model.scenario();
        if (s == null) {
            return null;
        }
        if (s.view() != null) {
            return s.view();
        }
        ContourField f = model.fieldProperty().get();
        if (f != null) {
            return f.window();
        }
        return snap != null ? snap.scenario().viewOrDefault(snap.surface()) : null;
    }

    PlotLayout plotLayout() {
        Window w = window();
        return w == null ? null : PlotLayout.of(getWidth(), getHeight(), w, style.get());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            base.setWidth(w);
            base.setHeight(h);
            requestGrid();
            markDirty();
        }
    }

    private void requestGrid() {
        Window w = window();
        PlotLayout L = PlotLayout.of(Math.max(getWidth(), 50), Math.max(getHeight(), 50),
                w != null ? w : Window.square(1), style.get());
        int[] n = PlotScenes.grid(L.plotWidth(), L.plotHeight());
        model.requestGrid(n[0], n[1]);
    }

    /** The frame as it stands: the latest trajectories drawn with the current labels and colours. */
    PlotScene scene() {
        Scenario s = model.scenario();
        Snapshot snap = model.snapshot();
        Window w = window();
        if (s == null || w == null) {
            return null;
        }
        List<PlotScene.Path> paths = new ArrayList<>();
        for (int i = 0; i < s.runs().size(); i++) {
            RunSpec r = s.runs().get(i);
            Trajectory t = snap != null ? snap.trajectory(i) : null;
            paths.add(new PlotScene.Path(t, Colors.parse(r.displayColor(i)), r.displayLabel(), !model.isHidden(i),
                    i == model.selected() && s.runs().size() > 1));
        }
        Surface surface = snap != null ? snap.surface() : null;
        return new PlotScene(surface, model.fieldProperty().get(), w, paths, model.playback().step(), s.start().x(),
                s.start().y(), cursor.get(), overlays.get(), arrows.get());
    }

    @Override
    public void paintIfDirty() {
        if (!dirty || getWidth() < 1 || getHeight() < 1) {
            return;
        }
        dirty = false;
        PlotScene scene = scene();
        if (scene == null) {
            return;
        }
        double w = getWidth(), h = getHeight();
        List<Object> key = java.util.Arrays.asList(scene.field(), scene.window(), style.get(), w, h,
                scene.overlays().gradientField() ? scene.surface() : null);
        if (!key.equals(baseKey)) {
            baseKey = key;
            painter.paintBase(baseDrawing.on(base.getGraphicsContext2D()), scene, style.get(), w, h);
        }
        var g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        painter.paintTop(drawing.on(g), scene, style.get(), w, h);
        paints++;
    }
}
