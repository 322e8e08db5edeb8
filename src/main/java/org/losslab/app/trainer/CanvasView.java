package org.losslab.app.trainer;

import org.losslab.app.controls.CanvasPane;
import org.losslab.render.Drawing;

/** A trainer view on one canvas, painted by the trainer's timer at most once per pulse after a change. */
abstract class CanvasView extends CanvasPane implements Painted {

    CanvasView() {
        super(false);
    }

    @Override
    protected final void draw(Drawing d, double width, double height) {
        paint(d, width, height);
    }

    abstract void paint(Drawing d, double w, double h);
}
