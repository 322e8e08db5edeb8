package org.losslab.app;

import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.losslab.app.model.LabModel;
import org.losslab.format.SurfaceCatalog;
import org.losslab.format.Typed;
import org.losslab.format.scenario.Scenario;

/**
 * The same runs on a second surface, beside the main view: a teacher shows one optimizer setting
 * on a sharp and a flat landscape at once. It follows the main scenario (runs, start, steps,
 * playback); only the surface differs.
 */
final class CompareView extends BorderPane {
    private final LabModel main;
    private final LabModel other;
    private final ComboBox<String> type = new ComboBox<>();
    private final PlotView view;

    CompareView(LabModel main, LabModel other) {
        this.main = main;
        this.other = other;
        getStyleClass().add("compare-view");
        type.setId("compareSurface");
        type.getItems().setAll(SurfaceCatalog.types());
        type.getItems().remove("expression");
        type.setCellFactory(l -> cell());
        type.setButtonCell(cell());
        type.setTooltip(new Tooltip("The surface of the comparison view"));
        type.setValue(main.scenario().surface().type().equals("quadratic") ? "rosenbrock" : "quadratic");
        type.valueProperty().addListener(x -> follow());
        view = new PlotView(other);
        view.setStartMover(main::moveStart);
        Label l = new Label("Compare on");
        l.setLabelFor(type);
        HBox head = new HBox(8, l, type);
        head.getStyleClass().add("compare-head");
        setTop(head);
        setCenter(view);
        main.scenarioProperty().addListener(x -> follow());
        main.hiddenProperty().addListener(x -> syncHidden());
        main.playback().stepProperty().addListener((o, a, b) -> other.playback().seek(b.longValue()));
        main.selectedProperty().addListener((o, a, b) -> other.selectedProperty().set(b.intValue()));
        follow();
    }

    private ListCell<String> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : SurfaceCatalog.schema(item).title());
            }
        };
    }

    private void follow() {
        Scenario s = main.scenario();
        Scenario derived = s.withSurface(new Typed(type.getValue(), Map.of())).withView(null);
        if (other.scenario() == null || other.scenario().runs().size() != s.runs().size()) {
            other.show(derived);
        } else {
            other.edit(x -> derived);
        }
        other.selectedProperty().set(main.selected());
        other.playback().setLast(s.steps());
        other.playback().seek(main.playback().step());
        syncHidden();
    }

    private void syncHidden() {
        for (int i = 0; i < main.scenario().runs().size() && i < other.scenario().runs().size(); i++) {
            other.setHidden(i, main.isHidden(i));
        }
    }

    PlotView view() {
        return view;
    }
}
