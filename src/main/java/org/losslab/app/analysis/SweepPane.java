package org.losslab.app.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.losslab.app.controls.CanvasPane;
import org.losslab.app.model.LabModel;
import org.losslab.engine.analysis.Axis;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.format.RunSpec;
import org.losslab.format.scenario.Scenario;
import org.losslab.render.Drawing;
import org.losslab.render.PlotStyle;
import org.losslab.render.SweepPainter;

/**
 * The sweep panel: the form (run, two hyperparameters with ranges and scales, colouring), run and
 * cancel with a progress bar, the heatmap (painted by the same {@link SweepPainter} as the command
 * line's PNG, in the theme's colours), a click on a cell loads its run into the main view (the
 * arrow keys and Enter do the same), and export as PNG and CSV.
 */
public final class SweepPane extends BorderPane {
    private final LabModel lab;
    private final SweepModel model;
    private final Runnable showLandscape;
    private final ComboBox<Integer> runBox = new ComboBox<>();
    private final ComboBox<String> xKey = new ComboBox<>(), yKey = new ComboBox<>();
    private final ComboBox<SweepResult.Measure> measure = new ComboBox<>();
    private final Label hover = new Label(" ");
    private final SweepPainter painter = new SweepPainter();
    private final CanvasPane heatmap = new CanvasPane(true) {
        @Override
        protected void draw(Drawing d, double width, double height) {
            paintHeatmap(d, width, height);
        }
    };
    /** The result the heatmap shows, to map clicks back to cells. */
    private SweepResult shown;
    private boolean updatingKeys;
    /** The cell the arrow keys have reached, or null. */
    private int[] keyCell;

    /** @param style the theme's plot style (dark theme, presentation mode's larger type) */
    public SweepPane(LabModel lab, SweepModel model, Runnable showLandscape, ObservableValue<PlotStyle> style) {
        this.lab = lab;
        this.model = model;
        this.showLandscape = showLandscape;
        getStyleClass().add("analysis-pane");
        heatmapInput();
        heatmap.plotStyleProperty().bind(style);
        heatmap.dependOn(model.resultProperty(), model.measureProperty());
        Forms.layout(this, form(), "sweepFormToggle", heatmap, hover);
        lab.scenarioProperty().addListener((o, a, b) -> scenarioChanged(a, b));
        scenarioChanged(null, lab.scenario());
    }

    private ScrollPane form() {
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
                    // Slider edits pass through here on every event: change the text of the one
                    // tooltip (a popup with a scene of its own) rather than making a new one.
                    String text = b + ": " + SweepModel.help(b, r);
                    if (k.getTooltip() == null) {
                        k.setTooltip(Forms.tip(text));
                    } else if (!text.equals(k.getTooltip().getText())) {
                        k.getTooltip().setText(text);
                    }
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
        measure.setTooltip(Forms.tip("what each cell's colour shows; diverged cells are grey"));
        g.addRow(row++, Forms.label("Colour by", "what each cell's colour shows"), measure);
        g.addRow(row++, Forms.label("Tolerance", "a run reaches the tolerance when its loss is at most this (empty: not tracked)"),
                Forms.number(model.toleranceProperty(), "sweepTolerance",
                        "a run reaches the tolerance when its loss is at most this (empty: not tracked)"));

        List<Node> job = Forms.job("sweep", "_Run sweep", "run every cell in the background on all cores", model::start,
                "stop the sweep; the rows done so far stay", model::cancel, model.runningProperty(), model.progressProperty(),
                model.messageProperty());
        HBox exports = Exports.buttons("sweep", "sweep", "sweep", model.resultProperty(), "save the heatmap as a PNG picture",
                "save every cell (values, final loss, steps, divergence) as CSV", this::writePng, model::exportCsv, hover);
        return Forms.side("Hyperparameter sweep", "Every cell is a full run of the chosen run with two of its hyperparameters set.",
                g, job, exports);
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

    /** Mouse and keyboard on the heatmap: hover names the cell, a click or Enter loads it, arrow keys move. */
    private void heatmapInput() {
        heatmap.setMinSize(200, 150);
        heatmap.setId("sweepHeatmap");
        heatmap.setAccessibleText("sweep heatmap: click a cell to load its run");
        heatmap.setFocusTraversable(true);
        heatmap.getProperties().put(AnalysisTabs.OWNS_ARROW_KEYS, true);
        heatmap.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int[] c = cellAt(e.getX(), e.getY());
            hover.setText(c == null ? " " : model.cellText(c[0], c[1]));
        });
        heatmap.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            heatmap.requestFocus();
            int[] c = cellAt(e.getX(), e.getY());
            if (c != null && model.loadCell(c[0], c[1]) == null) {
                showLandscape.run();
            }
        });
        heatmap.setOnKeyPressed(e -> {
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
            heatmap.markDirty();
            hover.setText("Cell " + (keyCell[0] + 1) + ", " + (keyCell[1] + 1) + ": " + model.cellText(keyCell[0], keyCell[1])
                    + "  (Enter loads it)");
            e.consume();
        });
        heatmap.focusedProperty().addListener((o, a, b) -> {
            // The keyboard focus must show (a pane has no focus ring of its own).
            heatmap.setStyle(b ? "-fx-border-color: -color-accent-fg; -fx-border-width: 2px;" : "");
            heatmap.markDirty();
            if (b && shown != null) {
                keyCell = best(shown);
                hover.setText("Arrow keys pick a cell, Enter loads it. Lowest final loss: "
                        + model.cellText(keyCell[0], keyCell[1]));
            }
        });
        Tooltip.install(heatmap, Forms.tip("click a cell (or use the arrow keys and Enter) to load its run into the landscape"));
        hover.setId("sweepHover");
        hover.getStyleClass().add("hint");
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

    /** The cell under a point of the heatmap, or null. */
    int[] cellAt(double x, double y) {
        return shown == null ? null : painter.cellAt(x, y);
    }

    /** The heatmap node (tests click it). */
    CanvasPane heatmapNode() {
        return heatmap;
    }

    SweepResult shownResult() {
        return shown;
    }

    private void paintHeatmap(Drawing d, double width, double height) {
        SweepResult r = model.resultProperty().get();
        if (r == null) {
            shown = null;
            return;
        }
        if (shown == null || shown.width() != r.width() || shown.height() != r.height()) {
            keyCell = null;
        }
        int[] mark = heatmap.isFocused() ? keyCell : null;
        painter.paint(d, new SweepPainter.Scene(r, model.measureProperty().get(), model.spec().title(), model.surface(),
                model.sweep().cell(0, 0), mark == null ? -1 : mark[0], mark == null ? -1 : mark[1]), heatmap.style(), width, height);
        shown = r;
    }

    private void writePng(Path file) throws IOException {
        model.exportPng(file, heatmap.style());
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
        int r = Math.min(model.runProperty().get(), now.runs().size() - 1);
        // A slider edit changes neither the runs' number nor their labels: leave the picker alone
        // (resetting it re-lays out its list cells on every event of a drag).
        if (before == null || !labels(before).equals(labels(now)) || !Integer.valueOf(r).equals(runBox.getValue())) {
            updatingKeys = true;
            runBox.getItems().setAll(java.util.stream.IntStream.range(0, now.runs().size()).boxed().toList());
            runBox.setValue(null);
            runBox.setValue(r);
            updatingKeys = false;
        }
        model.runProperty().set(r);
        // A new file or a different optimizer asks for new axes; a slider edit keeps the form.
        boolean fresh = before == null || before.runs().size() <= r
                || !before.runs().get(r).optimizer().type().equals(now.runs().get(r).optimizer().type())
                || !before.surface().equals(now.surface());
        updateKeys(fresh);
    }

    private static List<String> labels(Scenario s) {
        return s.runs().stream().map(RunSpec::displayLabel).toList();
    }

    private void updateKeys(boolean suggest) {
        RunSpec r = run();
        if (r == null) {
            return;
        }
        List<String> keys = SweepModel.keys(r);
        updatingKeys = true;
        if (!xKey.getItems().equals(keys)) {
            xKey.getItems().setAll(keys);
        }
        if (!yKey.getItems().equals(keys)) {
            yKey.getItems().setAll(keys);
        }
        updatingKeys = false;
        if (suggest || !keys.contains(model.xKeyProperty().get()) || !keys.contains(model.yKeyProperty().get())) {
            model.suggestAxes();
        }
        updatingKeys = true;
        xKey.setValue(model.xKeyProperty().get());
        yKey.setValue(model.yKeyProperty().get());
        updatingKeys = false;
    }

    boolean export(String kind, Path file) {
        return Exports.write(kind, file, this::writePng, model::exportCsv, hover);
    }
}
