package org.losslab.app.analysis;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.LatestWins;
import org.losslab.engine.analysis.Axis;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.format.RunSpec;
import org.losslab.format.scenario.Scenario;
import org.losslab.render.SweepPng;

/**
 * The sweep panel: the form (run, two hyperparameters with ranges and scales, colouring), run and
 * cancel with a progress bar, the heatmap (drawn by the same painter as the command line's PNG,
 * off the FX thread, at the panel's size), a click on a cell loads its run into the main view, and
 * export as PNG and CSV.
 */
public final class SweepPane extends BorderPane {
    private final LabModel lab;
    private final SweepModel model;
    private final Runnable showLandscape;
    private final ComboBox<Integer> runBox = new ComboBox<>();
    private final ComboBox<String> xKey = new ComboBox<>(), yKey = new ComboBox<>();
    private final ComboBox<SweepResult.Measure> measure = new ComboBox<>();
    private final Button start = new Button("_Run sweep"), cancel = new Button("_Cancel");
    private final Button png = new Button("Export P_NG…"), csv = new Button("Export C_SV…");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label(), hover = new Label(" ");
    private final ImageView view = new ImageView();
    private final Pane holder = new Pane(view);
    private final LatestWins<Image> renders;
    /** The result and size the image shows, to map clicks back to cells. */
    private SweepResult shown;
    private int shownW, shownH;
    private boolean updatingKeys;
    /** The cell the arrow keys have reached, or null. */
    private int[] keyCell;

    private final javafx.beans.value.ObservableValue<org.losslab.render.PlotStyle> style;

    /** @param style the theme's plot style: larger type in presentation mode makes the picture less scaled down */
    public SweepPane(LabModel lab, SweepModel model, Runnable showLandscape,
                     javafx.beans.value.ObservableValue<org.losslab.render.PlotStyle> style) {
        this(lab, model, showLandscape, style, Workers.RENDER);
    }

    SweepPane(LabModel lab, SweepModel model, Runnable showLandscape,
              javafx.beans.value.ObservableValue<org.losslab.render.PlotStyle> style, Executor render) {
        this.lab = lab;
        this.style = style;
        this.model = model;
        this.showLandscape = showLandscape;
        this.renders = new LatestWins<>(render, Platform::runLater, () -> { });
        getStyleClass().add("analysis-pane");
        ScrollPane form = form();
        setLeft(form);
        BorderPane map = heatmap();
        HBox bar = new HBox(8, Forms.formToggle(this, form, "sweepFormToggle"), hover);
        bar.setAlignment(Pos.CENTER_LEFT);
        map.setTop(bar);
        setCenter(map);
        lab.scenarioProperty().addListener((o, a, b) -> scenarioChanged(a, b));
        scenarioChanged(null, lab.scenario());
        model.resultProperty().addListener(x -> render());
        model.measureProperty().addListener(x -> render());
        holder.widthProperty().addListener(x -> render());
        holder.heightProperty().addListener(x -> render());
        style.addListener(x -> render());
    }

    private ScrollPane form() {
        VBox box = new VBox(8);
        box.getStyleClass().add("side-box");
        Label title = new Label("Hyperparameter sweep");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Every cell is a full run of the chosen run with two of its hyperparameters set.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        runBox.setId("sweepRun");
        runBox.setTooltip(Forms.tip("the run whose hyperparameters are varied (its other settings stay)"));
        runBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer i) {
                Scenario s = lab.scenario();
                return i == null || s == null || i >= s.runs().size() ? "" : s.runs().get(i).displayLabel();
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        runBox.valueProperty().addListener((o, a, b) -> {
            if (b != null && !updatingKeys) {
                model.runProperty().set(b);
                updateKeys(true);
            }
        });

        xKey.setId("sweepXKey");
        yKey.setId("sweepYKey");
        for (ComboBox<String> k : List.of(xKey, yKey)) {
            boolean onX = k == xKey;
            k.setMaxWidth(Double.MAX_VALUE);
            k.valueProperty().addListener((o, a, b) -> {
                if (b != null && !updatingKeys) {
                    model.suggestRange(onX, b);
                }
                RunSpec r = run();
                if (b != null && r != null) {
                    k.setTooltip(Forms.tip(b + ": " + SweepModel.help(b, r)));
                }
            });
        }
        model.xKeyProperty().addListener((o, a, b) -> xKey.setValue(b));
        model.yKeyProperty().addListener((o, a, b) -> yKey.setValue(b));

        GridPane g = Forms.grid();
        int row = 0;
        g.addRow(row++, Forms.label("Run", "the run whose hyperparameters are varied"), runBox);
        row = axisRows(g, row, "x", xKey, model.xFromProperty(), model.xToProperty(), model.xCountProperty(), model.xLogProperty());
        row = axisRows(g, row, "y", yKey, model.yFromProperty(), model.yToProperty(), model.yCountProperty(), model.yLogProperty());
        measure.setId("sweepMeasure");
        measure.getItems().setAll(SweepResult.Measure.values());
        measure.setConverter(new StringConverter<>() {
            @Override
            public String toString(SweepResult.Measure m) {
                return m == null ? "" : switch (m) {
                    case FINAL_LOSS -> "final loss (log)";
                    case STEPS_TO_TOLERANCE -> "steps to tolerance";
                    case DIVERGED -> "diverged, and when";
                };
            }

            @Override
            public SweepResult.Measure fromString(String s) {
                return null;
            }
        });
        measure.valueProperty().bindBidirectional(model.measureProperty());
        measure.setTooltip(Forms.tip("what each cell's colour shows; diverged cells are light grey"));
        g.addRow(row++, Forms.label("Colour by", "what each cell's colour shows"), measure);
        g.addRow(row++, Forms.label("Tolerance", "a run reaches the tolerance when its loss is at most this (empty: not tracked)"),
                Forms.number(model.toleranceProperty(), "sweepTolerance",
                        "a run reaches the tolerance when its loss is at most this (empty: not tracked)"));

        start.setId("sweepStart");
        start.setDefaultButton(false);
        start.setTooltip(Forms.tip("run every cell in the background on all cores"));
        start.setOnAction(e -> model.start());
        cancel.setId("sweepCancel");
        cancel.setTooltip(Forms.tip("stop the sweep; the rows done so far stay"));
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        png.setId("sweepPng");
        png.setTooltip(Forms.tip("save the heatmap as a PNG picture"));
        png.setOnAction(e -> export("png"));
        csv.setId("sweepCsv");
        csv.setTooltip(Forms.tip("save every cell (values, final loss, steps, divergence) as CSV"));
        csv.setOnAction(e -> export("csv"));
        png.disableProperty().bind(model.resultProperty().isNull());
        csv.disableProperty().bind(model.resultProperty().isNull());
        HBox buttons = new HBox(6, start, cancel);
        HBox exports = new HBox(6, png, csv);
        progress.setId("sweepProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        message.setId("sweepMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Forms.wrapping(hint);
        Forms.wrapping(message);
        box.getChildren().addAll(title, hint, g, buttons, progress, message, exports);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // As wide as the form needs (presentation mode's larger type makes it wider), never squeezed.
        sp.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return sp;
    }

    private int axisRows(GridPane g, int row, String name, ComboBox<String> key, javafx.beans.property.DoubleProperty from,
                         javafx.beans.property.DoubleProperty to, javafx.beans.property.IntegerProperty count,
                         javafx.beans.property.BooleanProperty log) {
        Label head = new Label(name + " axis");
        head.getStyleClass().add("subsection-title");
        g.add(head, 0, row++, 2, 1);
        g.addRow(row++, Forms.label("Vary", "the hyperparameter along the " + name + " axis (a JSON key of the run)"), key);
        g.addRow(row++, Forms.label("From", "the first value on the " + name + " axis"),
                Forms.number(from, "sweep" + name.toUpperCase() + "From", "the first value on the " + name + " axis"));
        g.addRow(row++, Forms.label("To", "the last value on the " + name + " axis"),
                Forms.number(to, "sweep" + name.toUpperCase() + "To", "the last value on the " + name + " axis"));
        CheckBox logBox = new CheckBox("log scale");
        logBox.setId("sweep" + name.toUpperCase() + "Log");
        logBox.selectedProperty().bindBidirectional(log);
        logBox.setTooltip(Forms.tip("space the values evenly in log₁₀ (needs positive ends)"));
        HBox countRow = new HBox(8, Forms.integer(count, "sweep" + name.toUpperCase() + "Count",
                "how many values on the " + name + " axis, 1 to " + Axis.MAX_COUNT), logBox);
        countRow.setAlignment(Pos.CENTER_LEFT);
        g.addRow(row++, Forms.label("Values", "how many values, 1 to " + Axis.MAX_COUNT + ", and their spacing"), countRow);
        return row;
    }

    private BorderPane heatmap() {
        holder.setMinSize(200, 150);
        holder.setId("sweepHeatmap");
        holder.setAccessibleText("sweep heatmap: click a cell to load its run");
        holder.setFocusTraversable(true);
        holder.getProperties().put(AnalysisTabs.OWNS_ARROW_KEYS, true);
        view.setPreserveRatio(false);
        view.fitWidthProperty().bind(holder.widthProperty());
        view.fitHeightProperty().bind(holder.heightProperty());
        holder.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int[] c = cellAt(e.getX(), e.getY());
            hover.setText(c == null ? " " : model.cellText(c[0], c[1]));
        });
        holder.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            holder.requestFocus();
            int[] c = cellAt(e.getX(), e.getY());
            if (c != null && model.loadCell(c[0], c[1]) == null) {
                showLandscape.run();
            }
        });
        holder.setOnKeyPressed(e -> {
            SweepResult r = shown;
            if (r == null) {
                return;
            }
            if (keyCell == null) {
                keyCell = best(r);
            }
            switch (e.getCode()) {
                case LEFT -> keyCell[0] = Math.max(0, keyCell[0] - 1);
                case RIGHT -> keyCell[0] = Math.min(r.width() - 1, keyCell[0] + 1);
                case DOWN -> keyCell[1] = Math.max(0, keyCell[1] - 1);
                case UP -> keyCell[1] = Math.min(r.height() - 1, keyCell[1] + 1);
                case ENTER -> {
                    if (model.loadCell(keyCell[0], keyCell[1]) == null) {
                        showLandscape.run();
                    }
                }
                default -> {
                    return;
                }
            }
            hover.setText("Cell " + (keyCell[0] + 1) + ", " + (keyCell[1] + 1) + ": " + model.cellText(keyCell[0], keyCell[1])
                    + "  (Enter loads it)");
            e.consume();
        });
        holder.focusedProperty().addListener((o, a, b) -> {
            // The keyboard focus must show (a pane has no focus ring of its own).
            holder.setStyle(b ? "-fx-border-color: -color-accent-fg; -fx-border-width: 2px;" : "");
            if (b && shown != null) {
                keyCell = best(shown);
                hover.setText("Arrow keys pick a cell, Enter loads it. Lowest final loss: "
                        + model.cellText(keyCell[0], keyCell[1]));
            }
        });
        Tooltip.install(holder, Forms.tip("click a cell (or use the arrow keys and Enter) to load its run into the landscape"));
        hover.setId("sweepHover");
        hover.getStyleClass().add("hint");
        BorderPane p = new BorderPane(holder);
        p.setPadding(new Insets(6));
        return p;
    }

    /** The computed cell with the lowest final loss, where the keyboard cell starts ({0, 0} if none). */
    private static int[] best(SweepResult r) {
        int bi = -1, bj = -1;
        for (int j = 0; j < r.height(); j++) {
            for (int i = 0; i < r.width() && r.rowDone(j); i++) {
                if (!r.diverged(i, j) && (bi < 0 || r.finalLoss(i, j) < r.finalLoss(bi, bj))) {
                    bi = i;
                    bj = j;
                }
            }
        }
        return bi >= 0 ? new int[] {bi, bj} : new int[] {0, 0};
    }

    /** The cell under a point of the panel, or null. */
    int[] cellAt(double x, double y) {
        if (shown == null || holder.getWidth() < 1) {
            return null;
        }
        return SweepPng.cellAt(shown, shownW, shownH, x * shownW / holder.getWidth(), y * shownH / holder.getHeight());
    }

    /** The heatmap node (tests click it). */
    Pane heatmapNode() {
        return holder;
    }

    SweepResult shownResult() {
        return shown;
    }

    private void render() {
        SweepResult r = model.resultProperty().get();
        // The painter is laid out for about 1200 × 900 (margins, type for the back row); a smaller
        // panel shows a scaled-down copy, so the legend and title are never cut off.
        double pw = Math.max(1, holder.getWidth()), ph = Math.max(1, holder.getHeight());
        double scale = Math.max(1, Math.max(920 / pw, 640 / ph) / Math.sqrt(style.getValue().fontScale()));
        int w = (int) Math.round(pw * scale), h = (int) Math.round(ph * scale);
        if (r == null) {
            shown = null;
            view.setImage(null);
            return;
        }
        var spec = model.spec();
        var surface = model.surface();
        var base = model.sweep().cell(0, 0);
        SweepResult.Measure m = model.measureProperty().get();
        Function<org.losslab.engine.Cancellation, Image> work = c -> {
            BufferedImage img = SweepPng.render(r, m, spec.title(), surface, base, w, h);
            return SwingFXUtils.toFXImage(img, null);
        };
        renders.submit(work, img -> {
            view.setImage(img);
            if (shown == null || shown.width() != r.width() || shown.height() != r.height()) {
                keyCell = null;
            }
            shown = r;
            shownW = w;
            shownH = h;
        });
    }

    private RunSpec run() {
        Scenario s = lab.scenario();
        int i = model.runProperty().get();
        return s == null || i >= s.runs().size() ? null : s.runs().get(i);
    }

    private void scenarioChanged(Scenario before, Scenario now) {
        if (now == null) {
            return;
        }
        updatingKeys = true;
        runBox.getItems().setAll(java.util.stream.IntStream.range(0, now.runs().size()).boxed().toList());
        int r = Math.min(model.runProperty().get(), now.runs().size() - 1);
        runBox.setValue(null);
        runBox.setValue(r);
        updatingKeys = false;
        model.runProperty().set(r);
        // A new file or a different optimizer asks for new axes; a slider edit keeps the form.
        boolean fresh = before == null || before.runs().size() <= r
                || !before.runs().get(r).optimizer().type().equals(now.runs().get(r).optimizer().type())
                || !before.surface().equals(now.surface());
        updateKeys(fresh);
    }

    private void updateKeys(boolean suggest) {
        RunSpec r = run();
        if (r == null) {
            return;
        }
        List<String> keys = SweepModel.keys(r);
        updatingKeys = true;
        xKey.getItems().setAll(keys);
        yKey.getItems().setAll(keys);
        updatingKeys = false;
        if (suggest || !keys.contains(model.xKeyProperty().get()) || !keys.contains(model.yKeyProperty().get())) {
            model.suggestAxes();
        }
        updatingKeys = true;
        xKey.setValue(model.xKeyProperty().get());
        yKey.setValue(model.yKeyProperty().get());
        updatingKeys = false;
    }

    private void export(String kind) {
        Exports.choose(this, "sweep", kind, "sweep", model::exportPng, model::exportCsv, hover);
    }

    boolean export(String kind, Path file) {
        return Exports.write(kind, file, model::exportPng, model::exportCsv, hover);
    }
}
