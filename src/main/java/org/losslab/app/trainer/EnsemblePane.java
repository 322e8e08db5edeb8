package org.losslab.app.trainer;

import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.losslab.app.controls.ParamForm;
import org.losslab.app.trainer.model.Boundary;
import org.losslab.app.trainer.model.ClassColors;
import org.losslab.app.trainer.model.EnsembleStudy;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.engine.mlp.Ensemble;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.surface.Window;
import org.losslab.format.Param;
import org.losslab.format.Schema;
import org.losslab.format.Typed;
import org.losslab.format.train.TrainConfigReader;
import org.losslab.io.Numbers;
import org.losslab.render.Drawing;
import org.losslab.render.PlotStyle;

/**
 * Deep ensembles: how many members (a generated form), a button that trains that many copies of the
 * shown run from their own seeds in the background, and, painted side by side, the members' mean
 * prediction and their disagreement behind its decision boundary, with the ensemble's test figures
 * against its members'.
 */
final class EnsemblePane extends VBox {
    static final Schema ENSEMBLE = new Schema("ensemble", "Ensemble", "a deep ensemble of the shown run",
            List.of(Param.integer("members", 5L, 2, TrainConfigReader.MAX_MEMBERS,
                    "Networks in the ensemble: the shown run as set up, and copies of it from their own initial weights and minibatch order, trained on the same data for the same steps (Lakshminarayanan et al. 2017).")));

    private final TrainerModel model;
    private final ParamForm form;
    private final View view;
    private final Label figures = new Label();
    private long members = 5;

    EnsemblePane(TrainerModel model) {
        this.model = model;
        view = new View();
        getStyleClass().add("ensemble-pane");
        setSpacing(6);
        form = new ParamForm(ENSEMBLE, new Typed("ensemble", Map.of()).with("members", members),
                SetupSchemas.checked(ENSEMBLE, t -> {
                    members = ENSEMBLE.integer(t, "members");
                    return null;
                }));
        Button train = new Button("Train ensemble");
        train.setId("trainEnsemble");
        train.setOnAction(e -> model.trainEnsemble((int) members));
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.ensemble().cancel());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.ensemble().progressProperty());
        progress.visibleProperty().bind(model.ensemble().runningProperty());
        cancel.disableProperty().bind(model.ensemble().runningProperty().not());
        HBox row = new HBox(6, train, cancel, progress);
        figures.getStyleClass().add("formula");
        figures.setWrapText(true);
        figures.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        view.setId("trainerEnsembleView");
        VBox.setVgrow(view, Priority.ALWAYS);
        getChildren().setAll(form, row, figures, view);
        model.ensemble().resultProperty().addListener((o, a, b) -> figures.setText(text(b)));
        // A config's "ensemble" sets how many members the button trains.
        model.setup().configProperty().addListener((o, a, c) -> {
            if (c != null && c.options().ensemble() >= 2 && c.options().ensemble() != members) {
                members = c.options().ensemble();
                form.refresh(new Typed("ensemble", Map.of()).with("members", members));
            }
        });
        figures.setText(text(null));
    }

    View view() {
        return view;
    }

    private String text(EnsembleStudy.Result r) {
        if (r == null) {
            return "Train an ensemble of the shown run: its members start from their own seeds and are averaged.";
        }
        Ensemble.Evaluation e = r.evaluation();
        String acc = Double.isNaN(e.accuracy()) ? "" : "; accuracy " + pct(e.accuracy()) + " (members " + pct(e.memberAccuracy()) + ")";
        return "Run " + (r.run() + 1) + ", " + r.members() + " members, " + r.steps() + " steps: test loss "
                + Numbers.format(round(e.loss())) + " (members' mean " + Numbers.format(round(e.memberLoss())) + ")" + acc
                + "; mean disagreement " + Numbers.format(round(e.meanDisagreement())) + ".";
    }

    private static String pct(double v) {
        return Math.round(v * 1000) / 10.0 + "%";
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** The mean prediction and the disagreement map, side by side. */
    final class View extends CanvasView {
        View() {
            getStyleClass().add("boundary-view");
            setMinSize(200, 120);
            setAccessibleText("the ensemble's mean prediction and where its members disagree");
            dependOn(model.ensemble().resultProperty(), model.setup().configProperty());
        }

        @Override
        void paint(Drawing d, double w, double h) {
            PlotStyle st = style();
            d.color(st.background());
            d.fillRect(0, 0, w, h);
            EnsembleStudy.Result r = model.ensemble().resultProperty().get();
            double size = st.font(11);
            if (r == null) {
                d.color(st.muted());
                d.text("No ensemble yet: press “Train ensemble”.", w / 2, h / 2, st.font(12), Drawing.Align.CENTER, false);
                return;
            }
            Boundary b = r.boundary();
            double side = Math.max(40, Math.min((w - 24) / 2, h - size * 3));
            double top = size * 1.6;
            picture(d, st, b, 8, top, side, false);
            picture(d, st, b, w - 8 - side, top, side, true);
            d.color(st.foreground());
            d.text("mean of " + r.members() + " members", 8 + side / 2, size * 1.2, size, Drawing.Align.CENTER, true);
            d.text("disagreement, 0 to " + Numbers.format(Math.round(BoundaryView.spreadScale(b) * 100) / 100.0),
                    w - 8 - side / 2, size * 1.2, size, Drawing.Align.CENTER, true);
            d.color(st.muted());
            d.text("purple: the members' spread · line: their mean's decision boundary", w - 8, top + side + size * 1.3, size,
                    Drawing.Align.RIGHT, false);
        }

        private void picture(Drawing d, PlotStyle st, Boundary b, double left, double top, double side, boolean spread) {
            Training t = model.setup().training();
            Window win = b.window();
            int classes = t.data().train().classes();
            d.clip(left, top, side, side);
            d.color(ClassColors.NEUTRAL);
            d.fillRect(left, top, side, side);
            if (b.pixels() != null) {
                d.image(spread ? BoundaryView.uncertaintyMap(b) : b.pixels(), b.size(), b.size(), left, top, side, side, true);
                if (spread) {
                    BoundaryView.decisionBoundary(d, st, b, left, top, side);
                }
            }
            double sx = side / win.width(), sy = side / win.height();
            double r = Math.max(1.8, side / 170) * st.lineScale();
            BoundaryView.drawPoints(d, t.data().train(), classes, win, left, top, sx, sy, r, true);
            if (b.curve() != null) {
                double[] y = b.curve(), s = b.spread();
                d.color(0xFF1A1A1A);
                d.lineWidth(st.line(2));
                for (int i = 0; i < y.length; i++) {
                    double px = left + side * i / (y.length - 1), py = top + (win.yMax() - (y[i] + (spread ? 2 * s[i] : 0))) * sy;
                    if (i == 0) {
                        d.moveTo(px, py);
                    } else {
                        d.lineTo(px, py);
                    }
                }
                d.stroke();
            }
            d.unclip();
            d.color(st.muted());
            d.lineWidth(st.line(1));
            d.strokeRect(left, top, side, side);
        }
    }
}
