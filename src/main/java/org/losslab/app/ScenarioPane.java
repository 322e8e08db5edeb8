package org.losslab.app;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.losslab.app.controls.ParamForm;
import org.losslab.app.controls.TypedEditor;
import org.losslab.app.model.LabModel;
import org.losslab.format.SurfaceCatalog;
import org.losslab.format.Typed;

/**
 * The surface picker with its parameters (generated from the catalog; a typed formula shows its
 * parse error and column under it) and the scenario's start, length and seed.
 */
final class ScenarioPane extends VBox {
    private final LabModel model;
    private final TypedEditor surface;
    private final ParamForm settings;
    private final Label title = new Label();

    ScenarioPane(LabModel model) {
        this.model = model;
        getStyleClass().add("scenario-pane");
        title.getStyleClass().add("scenario-title");
        title.setWrapText(true);
        surface = new TypedEditor("surfaceType", SurfaceCatalog.types(), SurfaceCatalog::schema, model.scenario().surface(),
                (old, type) -> type.equals("expression") ? Typed.of(type).with("f", "x^2 + 10*y^2") : Typed.of(type),
                t -> model.edit(s -> s.surface().type().equals(t.type()) ? s.withSurface(t) : s.withSurface(t).withView(null)));
        settings = new ParamForm(ScenarioOptions.SCENARIO, ScenarioOptions.of(model.scenario()),
                t -> model.edit(s -> ScenarioOptions.apply(s, t)));
        Label sTitle = new Label("Surface");
        sTitle.getStyleClass().add("section-title");
        Label rTitle = new Label("Start and length");
        rTitle.getStyleClass().add("section-title");
        getChildren().setAll(title, sTitle, surface, rTitle, settings);
        model.scenarioProperty().addListener(x -> refresh());
        refresh();
    }

    private void refresh() {
        var s = model.scenario();
        title.setText(s.title().isEmpty() ? "Untitled scenario" : s.title());
        title.setTooltip(s.description().isEmpty() ? null : new javafx.scene.control.Tooltip(s.description()));
        surface.refresh(s.surface());
        settings.refresh(ScenarioOptions.of(s));
    }

    TypedEditor surfaceEditor() {
        return surface;
    }
}
