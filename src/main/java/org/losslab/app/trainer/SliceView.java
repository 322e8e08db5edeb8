package org.losslab.app.trainer;

import java.util.List;
import org.losslab.app.trainer.model.SliceResult;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.render.Colors;
import org.losslab.render.Drawing;
import org.losslab.render.Drawing.Align;
import org.losslab.render.PlotPainter;
import org.losslab.render.PlotScene;

/**
 * The network's landscape slice in the app's 2-D view: the same {@link PlotPainter} that draws the
 * textbook surfaces draws the computed grid as filled contours with its colour bar, the run's weight
 * path projected onto the plane, and a cross at θ* (α = β = 0).
 */
final class SliceView extends CanvasView {
    private final TrainerModel model;
    private final PlotPainter painter = new PlotPainter();

    SliceView(TrainerModel model) {
        this.model = model;
        getStyleClass().add("slice-view");
        setMinSize(160, 140);
        setAccessibleText("the network's loss on a 2-D slice of weight space, with the training path");
        dependOn(model.slice().sliceProperty(), model.setup().configProperty());
    }

    /** The frame shown, or null before a slice is computed. */
    PlotScene scene() {
        SliceResult s = model.slice().sliceProperty().get();
        if (s == null) {
            return null;
        }
        var path = new PlotScene.Path(s.path(), Colors.parse(model.setup().color(s.run())), model.setup().label(s.run()) + " path", true, false);
        return new PlotScene(s.surface(), s.field(), s.surface().defaultView(), List.of(path), Long.MAX_VALUE, 0, 0, null,
                new PlotScene.Overlays(false, false, false, true), List.of());
    }

    @Override
    void paint(Drawing d, double w, double h) {
        PlotScene scene = scene();
        if (scene == null) {
            d.color(style().muted());
            d.text("Press Compute to draw the loss around the current weights.", w / 2, h / 2, style().font(13),
                    Align.CENTER, false);
            return;
        }
        painter.paint(d, scene, style(), w, h);
    }
}
