package org.losslab.app.trainer;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.MouseEvent;
import org.losslab.app.trainer.model.RunCurves;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.engine.sim.Trajectory;
import org.losslab.render.ChartPainter;
import org.losslab.render.ChartScene;
import org.losslab.render.Colors;
import org.losslab.render.Drawing;
import org.losslab.render.Metric;
import org.losslab.render.PlotScene;

/**
 * One training curve chart, painted by the app's {@link ChartPainter}: every run in its colour, the
 * test curve (where there is one) in the same colour, lighter. Hover shows each run's value.
 */
final class CurveChart extends CanvasView {
    /** Which curves of a run a chart shows. */
    enum Kind {
        LOSS(Metric.LOSS, "loss (train, test lighter)"),
        ACCURACY(Metric.ACCURACY, "accuracy (train, test lighter)"),
        GRAD_NORM(Metric.GRAD_NORM, "gradient norm ‖∇L‖"),
        LEARNING_RATE(Metric.LEARNING_RATE, "learning rate");

        final Metric metric;
        final String description;

        Kind(Metric metric, String description) {
            this.metric = metric;
            this.description = description;
        }
    }

    private final TrainerModel model;
    private final Kind kind;
    private final ChartPainter painter = new ChartPainter();
    private long hover = -1;

    CurveChart(TrainerModel model, Kind kind) {
        this.model = model;
        this.kind = kind;
        getStyleClass().add("chart-view");
        setMinSize(120, 90);
        setAccessibleText("chart of " + kind.description + " against step");
        dependOn(model.session().frameProperty(), model.setup().configProperty(), model.session().shownRunProperty());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hover = ChartPainter.Layout.of(getWidth(), getHeight(), style()).step(e.getX(), model.setup().current().steps());
            markDirty();
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hover = -1;
            markDirty();
        });
    }

    ChartScene scene() {
        List<PlotScene.Path> paths = new ArrayList<>();
        List<RunCurves> curves = model.session().curves();
        for (int i = 0; i < curves.size() && i < model.setup().current().runs().size(); i++) {
            RunCurves c = curves.get(i);
            int color = Colors.parse(model.setup().color(i));
            boolean selected = i == model.session().shownRun() && curves.size() > 1;
            String label = model.setup().label(i);
            switch (kind) {
                case LOSS:
                    paths.add(new PlotScene.Path(c.train(), color, label + " train", true, selected));
                    addTest(paths, c.test(), color, label);
                    break;
                case ACCURACY:
                    paths.add(new PlotScene.Path(c.trainAccuracy(), color, label + " train", true, selected));
                    addTest(paths, c.testAccuracy(), color, label);
                    break;
                default:
                    paths.add(new PlotScene.Path(c.train(), color, label, true, selected));
            }
        }
        return new ChartScene(kind.metric, paths, model.setup().current().steps(), model.session().stepProperty().get(), hover);
    }

    private void addTest(List<PlotScene.Path> paths, Trajectory t, int color, String label) {
        if (model.setup().training().data().test().size() > 0) {
            paths.add(new PlotScene.Path(t, blend(color), label + " test", true, false));
        }
    }

    /** The run colour halfway to the background: the test curve. */
    private int blend(int color) {
        int bg = style().background();
        int r = (((color >> 16) & 255) + ((bg >> 16) & 255)) / 2;
        int g = (((color >> 8) & 255) + ((bg >> 8) & 255)) / 2;
        int b = ((color & 255) + (bg & 255)) / 2;
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    @Override
    void paint(Drawing d, double w, double h) {
        painter.paint(d, scene(), style(), w, h);
        stopMarks(d, w, h);
    }

    /** Early stopping: a dashed line in the run's colour at the step that ended it, labelled with the best step. */
    private void stopMarks(Drawing d, double w, double h) {
        List<RunCurves> curves = model.session().curves();
        long steps = Math.max(1, model.setup().current().steps());
        ChartPainter.Layout layout = ChartPainter.Layout.of(w, h, style());
        double size = style().font(10);
        for (int i = 0; i < curves.size() && i < model.setup().current().runs().size(); i++) {
            org.losslab.engine.mlp.TrainSnapshot last = curves.get(i).last();
            if (last == null || !last.stoppedEarly()) {
                continue;
            }
            double x = layout.left() + layout.width() * Math.min(steps, last.step()) / steps;
            d.color(Colors.parse(model.setup().color(i)));
            d.lineWidth(style().line(1.5));
            d.dash(4, 3);
            d.moveTo(x, layout.top());
            d.lineTo(x, layout.top() + layout.height());
            d.stroke();
            d.dash();
            d.text("stop · best " + last.bestStep(), x - 3, layout.top() + size * (2.2 + 1.2 * i), size, Drawing.Align.RIGHT, false);
        }
    }
}
