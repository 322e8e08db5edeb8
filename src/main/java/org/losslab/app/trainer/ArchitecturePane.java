package org.losslab.app.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.losslab.app.controls.ParamForm;
import org.losslab.app.trainer.model.RunCurves;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.engine.mlp.Darts;
import org.losslab.engine.mlp.TrainingOptions;
import org.losslab.engine.sim.Trajectory;
import org.losslab.format.Palette;
import org.losslab.format.Param;
import org.losslab.format.Schema;
import org.losslab.format.Typed;
import org.losslab.render.ChartPainter;
import org.losslab.render.ChartScene;
import org.losslab.render.Colors;
import org.losslab.render.Drawing;
import org.losslab.render.Metric;
import org.losslab.render.PlotScene;

/**
 * The Architecture tab: a small DARTS (docs/train-format.md, "darts"). A generated form turns the
 * search on; the chart draws the shown run's mixture weights softmax(α) of every hidden layer over
 * training (one colour per candidate, deeper layers lighter); the caption names the current argmax,
 * and "Retrain the choice" makes the setup the retraining of that architecture (each mixture fixed
 * one-hot, the whole training set).
 */
final class ArchitecturePane extends VBox {
    static final Schema DARTS = new Schema("darts", "DARTS", "search each hidden layer's activation",
            List.of(Param.bool("search", false,
                            "Make each hidden layer's activation a softmax(α)-weighted mix of tanh, ReLU, sigmoid and identity, and learn α "
                                    + "on a validation part of the training set, alternating with the weights (first-order DARTS, Liu et al. 2019)."),
                    Param.number("alphaLr", Darts.DEFAULT_ALPHA_LR, 0, true, 10, "Adam's learning rate for the architecture weights α."),
                    Param.number("validationFraction", Darts.DEFAULT_VALIDATION_FRACTION, 0.05, false, 0.95,
                            "Share of the training set, taken from its end, that α is trained on; the weights train on the rest.")));

    private final TrainerModel model;
    private final ParamForm form;
    private final Label caption = new Label();
    private final Button retrain = new Button("Retrain the choice");
    private final View view;

    ArchitecturePane(TrainerModel model) {
        this.model = model;
        view = new View();
        setId("architecturePane");
        setSpacing(6);
        form = new ParamForm(DARTS, value(), SetupSchemas.checked(DARTS, this::apply));
        form.setId("dartsForm");
        caption.getStyleClass().add("formula");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        retrain.setId("retrainArchitecture");
        retrain.setTooltip(new Tooltip("Train the shown run's argmax architecture on its own: the same network from the same initial "
                + "weights, each layer's mixture fixed on its chosen activation, on the whole training set."));
        retrain.setOnAction(e -> retrainChoice());
        view.setId("architectureView");
        VBox.setVgrow(view, Priority.ALWAYS);
        javafx.scene.layout.HBox legend = new javafx.scene.layout.HBox(10);
        for (int k = 0; k < Darts.CANDIDATES.size(); k++) {
            Label l = new Label("━ " + Darts.CANDIDATES.get(k).id());
            l.setStyle("-fx-text-fill: " + Palette.run(k) + "; -fx-font-weight: bold;");
            legend.getChildren().add(l);
        }
        legend.getChildren().add(new Label("(layer 1 bold, deeper layers lighter)"));
        getChildren().setAll(form, retrain, caption, legend, view);
        model.setup().configProperty().addListener((o, a, b) -> refresh());
        model.session().frameProperty().addListener(x -> updateCaption());
        model.session().shownRunProperty().addListener(x -> updateCaption());
        refresh();
    }

    View view() {
        return view;
    }

    private Darts darts() {
        return model.setup().current().options().darts();
    }

    private void refresh() {
        form.refresh(value());
        updateCaption();
    }

    private void updateCaption() {
        Darts d = darts();
        List<Integer> chosen = chosen();
        retrain.setDisable(d == null || !d.searching() || chosen == null);
        if (d == null) {
            caption.setText("Check \"search\" to let DARTS choose each hidden layer's activation.");
        } else if (!d.searching()) {
            caption.setText("Retraining the chosen architecture: " + Darts.describe(d.fixed())
                    + " (each layer's mixture fixed on its activation). Check \"search\" to search again.");
        } else {
            caption.setText(chosen == null ? "Searching: train to see the mixture weights move."
                    : "Argmax so far (run " + (model.session().shownRun() + 1) + "): " + Darts.describe(chosen) + ".");
        }
    }

    /** The argmax of the shown run's latest mixture weights, or null before any. */
    private List<Integer> chosen() {
        List<RunCurves> curves = model.session().curves();
        int r = model.session().shownRun();
        if (r >= curves.size() || curves.get(r).mixture().isEmpty()) {
            return null;
        }
        List<Trajectory> m = curves.get(r).mixture();
        double[] w = new double[m.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = m.get(k).loss(m.get(k).size() - 1);
        }
        return Darts.chosen(w);
    }

    private void retrainChoice() {
        List<Integer> c = chosen();
        if (c != null && darts() != null) {
            model.setup().setOptions(model.setup().current().options().withDarts(darts().retrain(c)));
        }
    }

    private Typed value() {
        Darts d = darts();
        boolean search = d != null && d.searching();
        return new Typed("darts", Map.of()).with("search", search)
                .with("alphaLr", search ? d.alphaLr() : Darts.DEFAULT_ALPHA_LR)
                .with("validationFraction", search ? d.validationFraction() : Darts.DEFAULT_VALIDATION_FRACTION);
    }

    private String apply(Typed t) {
        TrainingOptions o = model.setup().current().options();
        Darts next;
        if (DARTS.bool(t, "search")) {
            next = Darts.search(DARTS.number(t, "alphaLr"), DARTS.number(t, "validationFraction"));
        } else {
            // Unchecking leaves a retraining as it is and ends a search.
            next = o.darts() != null && !o.darts().searching() ? o.darts() : null;
        }
        return java.util.Objects.equals(next, o.darts()) ? null : model.setup().setOptions(o.withDarts(next));
    }

    /** The mixture-weight chart of the shown run. */
    final class View extends CanvasView {
        private final ChartPainter painter = new ChartPainter();

        View() {
            getStyleClass().add("chart-view");
            setMinSize(160, 120);
            setAccessibleText("chart of each hidden layer's DARTS mixture weights over training");
            dependOn(model.session().frameProperty(), model.setup().configProperty(), model.session().shownRunProperty());
        }

        ChartScene scene() {
            List<PlotScene.Path> paths = new ArrayList<>();
            List<RunCurves> curves = model.session().curves();
            int r = model.session().shownRun();
            if (r < curves.size()) {
                List<Trajectory> m = curves.get(r).mixture();
                int k = Darts.CANDIDATES.size();
                for (int i = 0; i < m.size(); i++) {
                    int layer = i / k, candidate = i % k;
                    int color = Colors.parse(Palette.run(candidate));
                    paths.add(new PlotScene.Path(m.get(i), layer == 0 ? color : lighter(color, layer),
                            "layer " + (layer + 1) + " " + Darts.CANDIDATES.get(candidate).id(), true, layer == 0));
                }
            }
            return new ChartScene(Metric.MIXTURE, paths, model.setup().current().steps(), model.session().stepProperty().get(), -1);
        }

        /** Layer l's colour, a step nearer the background per layer. */
        private int lighter(int color, int layer) {
            int bg = style().background();
            double f = Math.min(0.75, 0.3 * layer);
            int red = (int) Math.round(((color >> 16) & 255) * (1 - f) + ((bg >> 16) & 255) * f);
            int green = (int) Math.round(((color >> 8) & 255) * (1 - f) + ((bg >> 8) & 255) * f);
            int blue = (int) Math.round((color & 255) * (1 - f) + (bg & 255) * f);
            return 0xFF000000 | red << 16 | green << 8 | blue;
        }

        @Override
        void paint(Drawing d, double w, double h) {
            if (darts() == null) {
                d.color(style().background());
                d.fillRect(0, 0, w, h);
                d.color(style().muted());
                d.text("No architecture search: check \"search\" above.", w / 2, h / 2, style().font(12), Drawing.Align.CENTER, false);
                return;
            }
            painter.paint(d, scene(), style(), w, h);
        }
    }
}
