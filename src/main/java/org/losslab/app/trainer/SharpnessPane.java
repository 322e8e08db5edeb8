package org.losslab.app.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.losslab.app.controls.ParamForm;
import org.losslab.app.trainer.model.RunCurves;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.engine.mlp.Sharpness;
import org.losslab.engine.mlp.TrainingOptions;
import org.losslab.format.Param;
import org.losslab.format.Schema;
import org.losslab.format.Typed;
import org.losslab.format.train.TrainConfigReader;
import org.losslab.render.Colors;
import org.losslab.render.Drawing;
import org.losslab.render.PlotStyle;
import org.losslab.render.SharpnessPainter;

/**
 * The edge of stability for networks: how often the sharpness λmax of the training loss is measured
 * (a generated form; 0 turns it off) and, painted by the surfaces' {@link SharpnessPainter}, every
 * run's measured sharpness against its stability limit 2/η.
 */
final class SharpnessPane extends VBox {
    static final Schema SHARPNESS = new Schema("sharpness", "Sharpness", "λmax of the training loss during training",
            List.of(Param.integer("every", 0L, 0, TrainConfigReader.MAX_STEPS,
                            "Measure the sharpness λmax (the top eigenvalue of the training loss's Hessian) at step 0 and every this many steps; 0: not at all. Gradient descent at rate η is stable only while λmax < 2/η."),
                    Param.integer("iterations", (long) Sharpness.DEFAULT_ITERATIONS, 1, TrainConfigReader.MAX_SHARPNESS_ITERATIONS,
                            "Most power-iteration steps (exact Hessian-vector products, each about two gradients) per measurement; each starts from the last measurement's eigenvector."),
                    Param.number("tolerance", Sharpness.DEFAULT_TOLERANCE, 0, false, 1,
                            "A measurement stops once two successive Rayleigh quotients agree to this relative tolerance (0: always use every iteration).")));

    private final TrainerModel model;
    private final ParamForm form;
    private final View view;
    private final Label caption = new Label();

    SharpnessPane(TrainerModel model) {
        this.model = model;
        getStyleClass().add("sharpness-pane");
        setSpacing(6);
        form = new ParamForm(SHARPNESS, value(), SetupSchemas.checked(SHARPNESS, this::apply));
        view = new View();
        view.setId("trainerSharpnessView");
        caption.getStyleClass().add("formula");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        caption.setText("Power iteration on exact Hessian-vector products (Pearlmutter's R-operator), warm-started from "
                + "the last measurement. Gradient descent at rate η drives λmax up to 2/η and hovers there: the edge of stability.");
        VBox.setVgrow(view, Priority.ALWAYS);
        getChildren().setAll(form, caption, view);
        model.setup().configProperty().addListener(x -> form.refresh(value()));
    }

    View view() {
        return view;
    }

    private Typed value() {
        TrainingOptions.SharpnessRecording s = model.setup().current().options().sharpness();
        Typed t = new Typed("sharpness", Map.of()).with("every", s == null ? 0L : s.every());
        return s == null ? t : t.with("iterations", (long) s.iterations()).with("tolerance", s.tolerance());
    }

    private String apply(Typed t) {
        long every = SHARPNESS.integer(t, "every");
        TrainingOptions o = model.setup().current().options();
        TrainingOptions.SharpnessRecording next = every == 0 ? null
                : new TrainingOptions.SharpnessRecording(every, (int) SHARPNESS.integer(t, "iterations"), SHARPNESS.number(t, "tolerance"));
        return java.util.Objects.equals(next, o.sharpness()) ? null : model.setup().setOptions(o.withSharpness(next));
    }

    /** The chart. */
    final class View extends CanvasView {
        private final SharpnessPainter painter = new SharpnessPainter();

        View() {
            getStyleClass().add("chart-view");
            setMinSize(160, 120);
            setAccessibleText("chart of each run's sharpness against its stability limit 2/η");
            dependOn(model.session().frameProperty(), model.setup().configProperty(), model.session().shownRunProperty());
        }

        List<SharpnessPainter.Run> runs() {
            List<SharpnessPainter.Run> runs = new ArrayList<>();
            List<RunCurves> curves = model.session().curves();
            for (int i = 0; i < curves.size() && i < model.setup().training().runs().size(); i++) {
                RunCurves c = curves.get(i);
                runs.add(new SharpnessPainter.Run(c.sharpnessSeries(model.setup().training().runs().get(i).optimizer()),
                        Colors.parse(model.setup().color(i)), model.setup().label(i), c.sharpnessSteps()));
            }
            return runs;
        }

        @Override
        void paint(Drawing d, double w, double h) {
            PlotStyle st = style();
            if (model.setup().current().options().sharpness() == null) {
                d.color(st.background());
                d.fillRect(0, 0, w, h);
                d.color(st.muted());
                d.text("Sharpness is not measured: set \"every\" above (e.g. 25).", w / 2, h / 2, st.font(12),
                        Drawing.Align.CENTER, false);
                return;
            }
            painter.paint(d, runs(), model.setup().current().steps(), st, w, h);
        }
    }
}
