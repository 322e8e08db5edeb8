package org.losslab.app.controls;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.losslab.format.Schema;
import org.losslab.format.Typed;

/**
 * A {@code { "type": ..., params }} editor: a type picker and the {@link ParamForm} of that type,
 * rebuilt when the type changes. A new type starts as a draft (from {@code fresh}); if it is
 * incomplete (a step schedule needs its stepSize) the form says what is missing and the scenario
 * keeps its old value until the draft is valid.
 */
public final class TypedEditor extends VBox {
    private final Function<String, Schema> schemas;
    private final Function<Typed, String> apply;
    private final ComboBox<String> type = new ComboBox<>();
    private final Label formula = new Label();
    private ParamForm form;
    private boolean updating;

    /**
     * @param fresh builds the first value of a newly picked type from the current one
     * @param apply tries a value; null when accepted, else the problem
     */
    public TypedEditor(String id, List<String> types, Function<String, Schema> schemas, Typed initial,
                java.util.function.BiFunction<Typed, String, Typed> fresh, Function<Typed, String> apply) {
        this.schemas = schemas;
        this.apply = apply;
        getStyleClass().add("typed-editor");
        type.setId(id);
        type.getItems().setAll(types);
        type.setMaxWidth(Double.MAX_VALUE);
        type.setCellFactory(l -> cell());
        type.setButtonCell(cell());
        formula.getStyleClass().add("formula");
        formula.setWrapText(true);
        type.valueProperty().addListener((o, a, b) -> {
            if (updating || b == null || a == null || b.equals(a)) {
                return;
            }
            Typed draft = fresh.apply(form.value(), b);
            build(draft);
            String problem = apply.apply(draft);
            if (problem != null) {
                form.showProblem(problem);
            }
        });
        updating = true;
        type.setValue(initial.type());
        updating = false;
        build(initial);
    }

    private ListCell<String> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : schemas.apply(item).title());
            }
        };
    }

    private void build(Typed t) {
        Schema s = schemas.apply(t.type());
        form = new ParamForm(s, t, apply);
        formula.setText(s.help());
        Tooltip tip = new Tooltip(s.title() + "\n" + s.help());
        tip.setWrapText(true);
        tip.setMaxWidth(460);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.seconds(30));
        type.setTooltip(tip);
        formula.setTooltip(tip);
        getChildren().setAll(type, formula, form);
    }

    /** Shows the model's value (a scenario loaded or edited elsewhere). */
    public void refresh(Typed t) {
        if (!t.type().equals(type.getValue()) || !t.type().equals(form.value().type())) {
            updating = true;
            type.setValue(t.type());
            updating = false;
            build(t);
        } else {
            form.refresh(t);
        }
    }

    ParamForm form() {
        return form;
    }

    ComboBox<String> typeBox() {
        return type;
    }
}
