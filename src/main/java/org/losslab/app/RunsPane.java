package org.losslab.app;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.losslab.app.model.LabModel;
import org.losslab.format.RunSpec;
import org.losslab.render.Colors;

/** The runs side by side: select, show or hide, recolour; add, duplicate and remove. */
final class RunsPane extends VBox {
    private final LabModel model;
    private final ListView<Integer> list = new ListView<>();
    private boolean updating;
    /** What the cells show; the list is refreshed only when this changes (not on every slider step). */
    private List<String> shown = List.of();

    RunsPane(LabModel model) {
        this.model = model;
        getStyleClass().add("runs-pane");
        list.setId("runsList");
        list.setCellFactory(l -> new RunCell());
        list.setFixedCellSize(34);
        list.setPrefHeight(34 * 4 + 4);
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!updating && b.intValue() >= 0) {
                model.selectedProperty().set(b.intValue());
            }
        });
        Button add = button("Add", "addRun", "Add a run like the selected one (Ctrl+N)", model::addRun);
        Button dup = button("Duplicate", "duplicateRun", "Copy the selected run", () -> model.duplicateRun(model.selected()));
        Button remove = button("Remove", "removeRun", "Remove the selected run", () -> model.removeRun(model.selected()));
        remove.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.scenario() == null || model.scenario().runs().size() <= 1, model.scenarioProperty()));
        HBox buttons = new HBox(6, add, dup, remove);
        buttons.getStyleClass().add("button-row");
        Label title = new Label("Runs");
        title.getStyleClass().add("section-title");
        getChildren().addAll(title, list, buttons);
        model.scenarioProperty().addListener(x -> refresh());
        model.hiddenProperty().addListener(x -> list.refresh());
        model.selectedProperty().addListener(x -> refresh());
        refresh();
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void refresh() {
        if (model.scenario() == null) {
            return;
        }
        updating = true;
        try {
            int n = model.scenario().runs().size();
            if (list.getItems().size() != n) {
                list.getItems().setAll(java.util.stream.IntStream.range(0, n).boxed().toList());
            }
            List<String> now = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                RunSpec r = model.scenario().runs().get(i);
                now.add(r.displayLabel() + "|" + r.displayColor(i) + "|" + r.optimizer().type());
            }
            if (!now.equals(shown)) {
                shown = now;
                list.refresh();
            }
            if (list.getSelectionModel().getSelectedIndex() != model.selected()) {
                list.getSelectionModel().select(model.selected());
            }
        } finally {
            updating = false;
        }
    }

    ListView<Integer> list() {
        return list;
    }

    /** A run: visibility box, colour, label and optimizer. */
    private final class RunCell extends ListCell<Integer> {
        private final CheckBox visible = new CheckBox();
        private final ColorPicker color = new ColorPicker();
        private final Label text = new Label();
        private final HBox box = new HBox(6, visible, color, text);
        private boolean filling;

        RunCell() {
            box.getStyleClass().add("run-cell");
            color.getStyleClass().add(ColorPicker.STYLE_CLASS_BUTTON);
            color.setTooltip(new Tooltip("Colour of this run"));
            visible.setTooltip(new Tooltip("Show this run"));
            HBox.setHgrow(text, Priority.ALWAYS);
            visible.selectedProperty().addListener((o, a, b) -> {
                if (!filling && getItem() != null) {
                    model.setHidden(getItem(), !b);
                }
            });
            color.valueProperty().addListener((o, a, b) -> {
                if (!filling && getItem() != null && b != null) {
                    String hex = String.format("#%02X%02X%02X", (int) Math.round(b.getRed() * 255),
                            (int) Math.round(b.getGreen() * 255), (int) Math.round(b.getBlue() * 255));
                    model.editRun(getItem(), r -> r.withColor(hex));
                }
            });
        }

        @Override
        protected void updateItem(Integer i, boolean empty) {
            super.updateItem(i, empty);
            if (empty || i == null || i >= model.scenario().runs().size()) {
                setGraphic(null);
                return;
            }
            filling = true;
            RunSpec r = model.scenario().runs().get(i);
            int argb = Colors.parse(r.displayColor(i));
            color.setValue(Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255));
            visible.setSelected(!model.isHidden(i));
            text.setText(r.displayLabel() + "  ·  " + r.optimizer().type());
            filling = false;
            setGraphic(box);
        }
    }
}
