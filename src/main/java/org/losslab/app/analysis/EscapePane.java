package org.losslab.app.analysis;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.losslab.app.model.LatestWins;
import org.losslab.format.escape.EscapeSpec;
import org.losslab.render.EscapePng;

/**
 * The escape panel: the study's form, run and cancel with progress, and the picture of the result
 * (first-passage histograms per well, where the runs end, the Arrhenius plot with the fitted and
 * true barriers), drawn by the same painter as {@code losslab escape --png}, off the FX thread.
 */
public final class EscapePane extends BorderPane {
    private final EscapeModel model;
    private final ImageView view = new ImageView();
    private final Pane holder = new Pane(view);
    private final Label message = new Label(), saved = new Label(" ");
    private final LatestWins<Image> renders = new LatestWins<>(Workers.RENDER, Platform::runLater, () -> { });
    private EscapeModel.Study shown;

    private final javafx.beans.value.ObservableValue<org.losslab.render.PlotStyle> style;

    /** @param style the theme's plot style: larger type in presentation mode makes the picture less scaled down */
    public EscapePane(EscapeModel model, javafx.beans.value.ObservableValue<org.losslab.render.PlotStyle> style) {
        this.model = model;
        this.style = style;
        getStyleClass().add("analysis-pane");
        ScrollPane form = form();
        setLeft(form);
        holder.setId("escapePicture");
        holder.setMinSize(200, 150);
        holder.setAccessibleText("escape study: histograms, basins and Arrhenius plot");
        view.fitWidthProperty().bind(holder.widthProperty());
        view.fitHeightProperty().bind(holder.heightProperty());
        BorderPane right = new BorderPane(holder);
        right.setTop(Forms.formToggle(this, form, "escapeFormToggle"));
        right.setPadding(new Insets(6));
        setCenter(right);
        model.resultProperty().addListener(x -> render());
        holder.widthProperty().addListener(x -> render());
        holder.heightProperty().addListener(x -> render());
        style.addListener(x -> render());
    }

    private ScrollPane form() {
        VBox box = new VBox(8);
        box.getStyleClass().add("side-box");
        Label title = new Label("Escape from minima under noise");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Langevin SGD, θ ← θ − η∇f + √(2ηT)·ξ, started at the bottom of a well of the double well: "
                + "how long until it climbs out, where it ends, and the Arrhenius law τ ∝ exp(ΔE/T).");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
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

        Button start = new Button("_Run study"), cancel = new Button("_Cancel");
        start.setId("escapeStart");
        start.setTooltip(Forms.tip("run every seed in the background on all cores"));
        start.setOnAction(e -> model.start());
        cancel.setId("escapeCancel");
        cancel.setTooltip(Forms.tip("stop the study"));
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("escapeProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        message.setId("escapeMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Button png = new Button("Export P_NG…"), csv = new Button("Export C_SV…");
        png.setId("escapePng");
        csv.setId("escapeCsv");
        png.setTooltip(Forms.tip("save the picture as PNG"));
        csv.setTooltip(Forms.tip("save every run's first-passage time and end basin as CSV"));
        png.disableProperty().bind(model.resultProperty().isNull());
        csv.disableProperty().bind(model.resultProperty().isNull());
        png.setOnAction(e -> export("png"));
        csv.setOnAction(e -> export("csv"));
        saved.setWrapText(true);
        Forms.wrapping(hint);
        Forms.wrapping(message);
        Forms.wrapping(saved);
        box.getChildren().addAll(title, hint, g, new HBox(6, start, cancel), progress, message, new HBox(6, png, csv), saved);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // As wide as the form needs (presentation mode's larger type makes it wider), never squeezed.
        sp.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return sp;
    }

    /** The study the picture shows, or null. */
    EscapeModel.Study shown() {
        return shown;
    }

    private void render() {
        EscapeModel.Study s = model.resultProperty().get();
        if (s == null) {
            view.setImage(null);
            shown = null;
            return;
        }
        // The painter lays out for about 1500 × 1000; smaller panels get a scaled copy.
        double w = Math.max(1, holder.getWidth()), h = Math.max(1, holder.getHeight());
        double scale = Math.max(1, Math.max(1200 / w, 800 / h) / Math.sqrt(style.getValue().fontScale()));
        int iw = (int) Math.round(w * scale), ih = (int) Math.round(h * scale);
        renders.submit(c -> SwingFXUtils.toFXImage(EscapePng.render(s.spec(), s.results(), iw, ih), null), img -> {
            view.setImage(img);
            shown = s;
        });
    }

    private void export(String kind) {
        Exports.choose(this, "escape study", kind, "escape", model::exportPng, model::exportCsv, saved);
    }

    boolean export(String kind, Path file) {
        return Exports.write(kind, file, model::exportPng, model::exportCsv, saved);
    }
}
