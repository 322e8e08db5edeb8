package org.losslab.app.trainer;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.losslab.app.controls.FxDrawing;
import org.losslab.render.Drawing;
import org.losslab.render.PlotStyle;

/**
 * A region holding one canvas that is painted through the shared {@link Drawing} interface at most
 * once per pulse, and only after something it depends on changed.
 */
abstract class CanvasView extends Region implements Painted {
    private final Canvas canvas = new Canvas();
    private final FxDrawing drawing = new FxDrawing();
    private final ObjectProperty<PlotStyle> style = new SimpleObjectProperty<>(this, "style", PlotStyle.LIGHT);
    private boolean dirty = true;
    private long paints;

    CanvasView() {
        getChildren().add(canvas);
        style.addListener(x -> markDirty());
    }

    /** Repaints on the next pulse whenever one of {@code deps} changes. */
    final void dependOn(Observable... deps) {
        for (Observable o : deps) {
            o.addListener(x -> markDirty());
        }
    }

    final void markDirty() {
        dirty = true;
    }

    final ObjectProperty<PlotStyle> plotStyleProperty() {
        return style;
    }

    final PlotStyle style() {
        return style.get();
    }

    /** Paints done (tests check that a change repaints). */
    final long paints() {
        return paints;
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
    public final void paintIfDirty() {
        if (!dirty || getWidth() < 1 || getHeight() < 1) {
            return;
        }
        dirty = false;
        Drawing d = drawing.on(canvas.getGraphicsContext2D());
        d.dash();
        d.color(style.get().background());
        d.fillRect(0, 0, getWidth(), getHeight());
        paint(d, getWidth(), getHeight());
        paints++;
    }

    abstract void paint(Drawing d, double w, double h);
}
