package org.losslab.app.controls;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.losslab.render.Drawing;
import org.losslab.render.PlotStyle;

/**
 * A region holding one canvas of its own size, painted through the shared {@link Drawing} by a
 * render painter, and only after something it shows changed: many changes between two frames cost
 * one paint. Views on the window's frame loop are painted by it ({@link #paintIfDirty} every
 * pulse); the others paint themselves at the layout pass that follows a change. A new plot style
 * (theme, presentation mode) repaints.
 */
public abstract class CanvasPane extends Region {
    private final Canvas canvas = new Canvas();
    private final FxDrawing drawing = new FxDrawing();
    private final ObjectProperty<PlotStyle> style = new SimpleObjectProperty<>(this, "style", PlotStyle.LIGHT);
    private final boolean paintsItself;
    private boolean dirty = true;
    private long paints;

    /**
     * @param paintsItself true: paint at the layout pass after a change; false: only when
     *                     {@link #paintIfDirty} is called (by a frame loop)
     */
    protected CanvasPane(boolean paintsItself) {
        this.paintsItself = paintsItself;
        getChildren().add(canvas);
        style.addListener(x -> markDirty());
    }

    /** Repaints whenever one of {@code deps} changes. */
    public final void dependOn(Observable... deps) {
        for (Observable o : deps) {
            o.addListener(x -> markDirty());
        }
    }

    /** Something shown changed: paint again on the next pulse. */
    public final void markDirty() {
        dirty = true;
        if (paintsItself) {
            requestLayout();
        }
    }

    /** The plot colours and sizes (bind it to the theme's). */
    public final ObjectProperty<PlotStyle> plotStyleProperty() {
        return style;
    }

    public final PlotStyle style() {
        return style.get();
    }

    /** Paints done (tests check that a change repaints). */
    public final long paints() {
        return paints;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            dirty = true;
        }
        if (paintsItself) {
            paintIfDirty();
        }
    }

    /** Paints the background and then {@link #draw}, if anything changed since the last paint. */
    public final void paintIfDirty() {
        if (!dirty || getWidth() < 1 || getHeight() < 1) {
            return;
        }
        dirty = false;
        Drawing d = drawing.on(canvas.getGraphicsContext2D());
        d.dash();
        d.color(style.get().background());
        d.fillRect(0, 0, getWidth(), getHeight());
        draw(d, getWidth(), getHeight());
        paints++;
    }

    /** Paints the picture into {@code width × height} pixels over the style's background. */
    protected abstract void draw(Drawing d, double width, double height);
}
