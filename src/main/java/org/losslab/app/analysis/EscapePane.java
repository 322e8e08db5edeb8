package org.losslab.app.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.losslab.app.controls.CanvasPane;
import org.losslab.format.escape.EscapeSpec;
import org.losslab.render.Drawing;
import org.losslab.render.EscapePainter;
import org.losslab.render.PlotStyle;

/**
 * The escape panel: the study's form, run and cancel with progress, and the picture of the result
 * (first-passage histograms per well, where the runs end, the Arrhenius plot with the fitted and
 * true barriers), painted by the same {@link EscapePainter} as {@code losslab escape --png}, in the
 * theme's colours.
 */
public final class EscapePane extends BorderPane {
    private final EscapeModel model;
    private final Label saved = new Label(" ");
    private final EscapePainter painter = new EscapePainter();
    private final CanvasPane picture = new CanvasPane(true) {
        @Override
        protected void draw(Drawing d, double width, double height) {
            EscapeModel.Study s = model.resultProperty().get();
            if (s != null) {
                painter.paint(d, s.spec(), s.results(), style(), width, height);
            }
            shown = s;
        }
    };
    private EscapeModel.Study shown;

    /** @param style the theme's plot style (dark theme, presentation mode's larger type) */
    public EscapePane(EscapeModel model, ObservableValue<PlotStyle> style) {
        this.model = model;
        getStyleClass().add("analysis-pane");
        picture.setId("escapePicture");
        picture.setMinSize(200, 150);
        picture.setAccessibleText("escape study: histograms, basins and Arrhenius plot");
        picture.plotStyleProperty().bind(style);
        picture.dependOn(model.resultProperty());
        saved.getStyleClass().add("hint");
        Forms.layout(this, form(), "escapeFormToggle", picture, saved);
    }

    private ScrollPane form() {
        GridPane g = Forms.grid();
        TextField temps = new TextField();
        temps.setId("escapeTemperatures");
        temps.textProperty().bindBidirectional(model.temperaturesProperty());
        String tHelp = "temperatures T > 0 of the Langevin noise, separated by commas; lower T escapes exponentially later";
        temps.setTooltip(Forms.tip(tHelp));
        int row = 0;
        g.addRow(row++, Forms.label("Temperatures", tHelp), temps);
        String sHelp = "runs per well and temperature, each with its own noise stream (1 to " + EscapeSpec.MAX_SEEDS + ")";
        g.addRow(row++, Forms.label("Seeds", sHelp), Forms.integer(model.seedsProperty(), "escapeSeeds", sHelp));
        String nHelp = "updates per run: the horizon; runs that have not escaped by then count as censored";
        g.addRow(row++, Forms.label("Steps", nHelp), Forms.integer(model.stepsProperty(), "escapeSteps", nHelp));
        String lHelp = "learning rate η, the time step of the Langevin dynamics (2/η must exceed the sharp well's curvature)";
        g.addRow(row++, Forms.label("η", lHelp), Forms.number(model.lrProperty(), "escapeLr", lHelp));
        CheckBox sharp = new CheckBox("sharp well"), flat = new CheckBox("flat well");
        sharp.setId("escapeSharp");
        flat.setId("escapeFlat");
        sharp.selectedProperty().bindBidirectional(model.sharpProperty());
        flat.selectedProperty().bindBidirectional(model.flatProperty());
        sharp.setTooltip(Forms.tip("start runs at the bottom of the narrow, sharp well"));
        flat.setTooltip(Forms.tip("start runs at the bottom of the wide, flat well"));
        g.addRow(row++, Forms.label("Start in", "which wells to start the runs in"), new HBox(10, sharp, flat));

        List<Node> job = Forms.job("escape", "_Run study", "run every seed in the background on all cores", model::start,
                "stop the study", model::cancel, model.runningProperty(), model.progressProperty(), model.messageProperty());
        HBox exports = Exports.buttons("escape", "escape study", "escape", model.resultProperty(), "save the picture as PNG",
                "save every run's first-passage time and end basin as CSV", this::writePng, model::exportCsv, saved);
        return Forms.side("Escape from minima under noise", "Langevin SGD, θ ← θ − η∇f + √(2ηT)·ξ, started at the bottom of a "
                + "well of the double well: how long until it climbs out, where it ends, and the Arrhenius law τ ∝ exp(ΔE/T).",
                g, job, exports);
    }

    /** The study the picture shows, or null. */
    EscapeModel.Study shown() {
        return shown;
    }

    private void writePng(Path file) throws IOException {
        model.exportPng(file, picture.style());
    }

    boolean export(String kind, Path file) {
        return Exports.write(kind, file, this::writePng, model::exportCsv, saved);
    }
}
