package org.losslab.app.trainer;

import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.losslab.app.controls.ParamForm;
import org.losslab.app.controls.TypedEditor;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.format.OptimizerCatalog;
import org.losslab.format.RunOptions;
import org.losslab.format.RunSpec;
import org.losslab.format.ScheduleCatalog;
import org.losslab.format.Typed;

/**
 * The RUNS section: which run is shown, add and remove runs (trained side by side from the same
 * weights on the same data), and the shown run's label, optimizer, schedule and per-update options
 * in the same catalog-generated editors as the surface runs.
 */
final class RunsEditor extends VBox {
    private final TrainerModel model;
    private final ComboBox<Integer> picker = new ComboBox<>();
    private final TextField label = new TextField();
    private final VBox editors = new VBox(4);
    private int built = -1;
    private int builtCount = -1;
    private boolean updating;
    private ParamForm kfac, curriculum;

    RunsEditor(TrainerModel model) {
        this.model = model;
        setSpacing(6);
        picker.setId("runPicker");
        picker.setTooltip(new Tooltip("The run whose boundary, network and landscape are shown and whose settings are edited here."));
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setCellFactory(l -> cell());
        picker.setButtonCell(cell());
        picker.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                model.session().showRun(b);
            }
        });
        Button remove = new Button("Remove");
        remove.setId("removeRun");
        remove.setTooltip(new Tooltip("Remove the shown run."));
        remove.setOnAction(e -> model.setup().removeRun(model.session().shownRun()));
        HBox row = new HBox(6, picker, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(picker, Priority.ALWAYS);
        label.setId("trainRunLabel");
        label.setPromptText("label (default: the optimizer type)");
        label.setTooltip(new Tooltip("The run's name in the charts."));
        label.textProperty().addListener((o, a, b) -> {
            if (!updating) {
                model.setup().editRun(model.session().shownRun(), r -> r.withLabel(b.isBlank() ? null : b.strip()));
            }
        });
        getChildren().setAll(row, label, editors);
        model.setup().configProperty().addListener(x -> refresh());
        model.session().shownRunProperty().addListener(x -> refresh());
        refresh();
    }

    private javafx.scene.control.ListCell<Integer> cell() {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Integer i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null || i >= model.setup().current().runs().size() ? null : "Run " + (i + 1) + ": " + model.setup().label(i));
                setStyle(empty || i == null || i >= model.setup().current().runs().size() ? "" : "-fx-text-fill: " + model.setup().color(i) + ";");
            }
        };
    }

    private RunSpec run() {
        return model.setup().current().runs().get(model.session().shownRun());
    }

    private void refresh() {
        updating = true;
        try {
            int n = model.setup().current().runs().size();
            if (picker.getItems().size() != n) {
                picker.getItems().setAll(java.util.stream.IntStream.range(0, n).boxed().toList());
            }
            picker.setValue(null);
            picker.setValue(model.session().shownRun());
            RunSpec r = run();
            if (!label.isFocused()) {
                label.setText(r.label() == null ? "" : r.label());
            }
            if (built != model.session().shownRun() || builtCount != n) {
                build(r);
            } else if (kfac != null) {
                kfac.refresh(KfacForm.value(model.setup().current().options().kfac(built)));
                curriculum.refresh(CurriculumForm.value(model.setup().current().options().curriculum(built), model.setup().current().steps()));
            }
        } finally {
            updating = false;
        }
    }

    private void build(RunSpec r) {
        built = model.session().shownRun();
        builtCount = model.setup().current().runs().size();
        int i = built;
        TypedEditor optimizer = new TypedEditor("trainOptimizerType", OptimizerCatalog.types(), OptimizerCatalog::schema,
                r.optimizer(),
                (old, type) -> old.has("lr") ? Typed.of(type).with("lr", old.params().get("lr")) : Typed.of(type),
                t -> model.setup().editRun(i, x -> x.withOptimizer(t)));
        Typed sched = r.schedule() != null ? r.schedule() : new Typed("constant", Map.of());
        TypedEditor schedule = new TypedEditor("trainScheduleType", ScheduleCatalog.types(), ScheduleCatalog::schema, sched,
                (old, type) -> Typed.of(type),
                t -> model.setup().editRun(i, x -> x.withSchedule(t.type().equals("constant") && t.params().isEmpty() ? null : t)));
        ParamForm options = new ParamForm(RunOptions.SCHEMA, RunOptions.of(r),
                SetupSchemas.checked(RunOptions.SCHEMA, t -> model.setup().editRun(i, x -> RunOptions.apply(x, t))));
        editors.getChildren().setAll(sub("Optimizer"), optimizer, sub("Learning-rate schedule"), schedule,
                sub("Batch, warmup, noise, SAM, clipping"), options);
        kfac = KfacForm.of(model, i);
        curriculum = CurriculumForm.of(model, i);
        editors.getChildren().addAll(sub("K-FAC preconditioning"), kfac, sub("Curriculum"), curriculum);
    }

    private static Label sub(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("subsection-title");
        return l;
    }
}
