package org.losslab.app;

import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.losslab.app.controls.ParamForm;
import org.losslab.app.controls.TypedEditor;
import org.losslab.app.model.LabModel;
import org.losslab.format.OptimizerCatalog;
import org.losslab.format.RunOptions;
import org.losslab.format.RunSpec;
import org.losslab.format.ScheduleCatalog;
import org.losslab.format.Typed;

/**
 * Everything of the selected run: its label, optimizer and every hyperparameter, schedule, and the
 * per-update options (warmup, noise, SAM, clipping, batch), all generated from the catalogs.
 */
final class RunEditor extends VBox {
    private final LabModel model;
    private final TextField label = new TextField();
    private final Label heading = new Label();
    private TypedEditor optimizer, schedule;
    private ParamForm options;
    private int shownRun = -1;
    private boolean updating;

    RunEditor(LabModel model) {
        this.model = model;
        getStyleClass().add("run-editor");
        heading.getStyleClass().add("section-title");
        label.setId("runLabel");
        label.setPromptText("label (default: the optimizer type)");
        label.setTooltip(new Tooltip("The run's name in the legend, the charts and the CSV."));
        label.textProperty().addListener((o, a, b) -> {
            if (!updating) {
                model.editRun(model.selected(), r -> r.withLabel(b.isBlank() ? null : b));
            }
        });
        model.scenarioProperty().addListener(x -> refresh());
        model.selectedProperty().addListener(x -> refresh());
        refresh();
    }

    private RunSpec run() {
        return model.scenario().runs().get(model.selected());
    }

    private void build() {
        RunSpec r = run();
        optimizer = new TypedEditor("optimizerType", OptimizerCatalog.types(), OptimizerCatalog::schema, r.optimizer(),
                (old, type) -> old.has("lr") ? Typed.of(type).with("lr", old.params().get("lr")) : Typed.of(type),
                t -> model.editRun(model.selected(), x -> x.withOptimizer(t)));
        Typed sched = r.schedule() != null ? r.schedule() : new Typed("constant", Map.of());
        schedule = new TypedEditor("scheduleType", ScheduleCatalog.types(), ScheduleCatalog::schema, sched,
                (old, type) -> Typed.of(type),
                t -> model.editRun(model.selected(), x -> x.withSchedule(t.type().equals("constant") && t.params().isEmpty() ? null : t)));
        options = new ParamForm(RunOptions.SCHEMA, RunOptions.of(r),
                t -> model.editRun(model.selected(), x -> RunOptions.apply(x, t)));
        getChildren().setAll(heading, label, title("Optimizer"), optimizer, title("Learning-rate schedule"), schedule,
                title("Noise, SAM, clipping, warmup, more methods"), options);
    }

    private static Label title(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("subsection-title");
        return l;
    }

    void refresh() {
        if (model.scenario() == null) {
            return;
        }
        RunSpec r = run();
        updating = true;
        try {
            heading.setText("Run " + (model.selected() + 1) + ": " + r.displayLabel());
            if (!label.isFocused()) {
                label.setText(r.label() == null ? "" : r.label());
            }
            if (shownRun != model.selected() || optimizer == null) {
                shownRun = model.selected();
                build();
            } else {
                optimizer.refresh(r.optimizer());
                schedule.refresh(r.schedule() != null ? r.schedule() : new Typed("constant", Map.of()));
                options.refresh(RunOptions.of(r));
            }
        } finally {
            updating = false;
        }
    }
}
