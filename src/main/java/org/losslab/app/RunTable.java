package org.losslab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.Snapshot;
import org.losslab.engine.sim.Trajectory;
import org.losslab.render.Colors;
import org.losslab.render.Ticks;

/** Per run: the final loss, the first step with ‖∇f‖ below a tolerance, and the step it diverged at. */
final class RunTable extends VBox {
    /**
     * One row of the table. {@code reachedAt} is the first step with ‖∇f‖ under the tolerance (−1:
     * none); for a run kept thinned (longer than {@link LabModel#KEPT_POINTS}) that step is known to
     * lie in [{@code reachedFrom}, {@code reachedAt}], between two kept points, else the two are equal.
     */
    record Row(String label, int color, String optimizer, double finalLoss, long reachedFrom, long reachedAt,
               long divergedAt) {
    }

    private final LabModel model;
    private final TableView<Row> table = new TableView<>();
    private final TextField tolerance = new TextField("1e-3");
    private double tol = 1e-3;

    RunTable(LabModel model) {
        this.model = model;
        getStyleClass().add("run-table");
        table.setId("runTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, Row> run = new TableColumn<>("run");
        run.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        run.setCellFactory(c -> new TableCell<>() {
            /** One swatch per cell, recoloured: a new node per update would be styled anew on every drag event. */
            private final Rectangle swatch = new Rectangle(10, 10);

            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                int a = r.color();
                swatch.setFill(Color.rgb((a >> 16) & 255, (a >> 8) & 255, a & 255));
                setGraphic(swatch);
                setText(r.label());
            }
        });
        TableColumn<Row, String> loss = new TableColumn<>("final loss");
        loss.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().divergedAt() >= 0 ? "diverged"
                : Ticks.compact(c.getValue().finalLoss())));
        TableColumn<Row, String> reached = new TableColumn<>("tol at");
        reached.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reachedAt() < 0 ? "no"
                : c.getValue().reachedFrom() == c.getValue().reachedAt() ? "step " + c.getValue().reachedAt()
                : "steps " + c.getValue().reachedFrom() + "–" + c.getValue().reachedAt()));
        TableColumn<Row, String> diverged = new TableColumn<>("diverged");
        diverged.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().divergedAt() >= 0
                ? "step " + c.getValue().divergedAt() : "–"));
        table.getColumns().setAll(List.of(run, loss, reached, diverged));
        table.setPlaceholder(new Label("computing…"));
        tolerance.setId("tolerance");
        tolerance.setPrefColumnCount(6);
        tolerance.setTooltip(new Tooltip("A run has converged once the gradient norm ‖∇f‖ falls below this tolerance."));
        tolerance.textProperty().addListener((o, a, b) -> {
            try {
                double v = Double.parseDouble(b.trim());
                if (v > 0 && Double.isFinite(v)) {
                    tol = v;
                    tolerance.getStyleClass().remove("invalid");
                    refresh();
                    return;
                }
            } catch (NumberFormatException e) {
                // marked below
            }
            if (!tolerance.getStyleClass().contains("invalid")) {
                tolerance.getStyleClass().add("invalid");
            }
        });
        Label tl = new Label("tolerance ‖∇f‖ <");
        tl.setLabelFor(tolerance);
        HBox head = new HBox(6, tl, tolerance);
        head.getStyleClass().add("table-head");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(head, table);
        model.snapshotProperty().addListener(x -> refresh());
    }

    /** The rows for a snapshot; pure, so it is tested without a window. */
    static List<Row> rows(Snapshot snap, double tol) {
        List<Row> rows = new ArrayList<>();
        var sc = snap.scenario();
        for (int i = 0; i < sc.runs().size(); i++) {
            var r = sc.runs().get(i);
            Trajectory t = snap.trajectory(i);
            long from = -1, reached = -1;
            // Each kept point knows the least ‖∇f‖ of the steps it stands for (every point: its own),
            // so the first one under the tolerance brackets the first step that was.
            for (int k = 0; k < t.size(); k++) {
                if (t.gradNormMin(k) < tol) {
                    reached = t.step(k);
                    from = k == 0 ? 0 : t.step(k - 1) + 1;
                    break;
                }
            }
            rows.add(new Row(r.displayLabel(), Colors.parse(r.displayColor(i)), r.optimizer().type(),
                    t.size() > 0 ? t.loss(t.size() - 1) : Double.NaN, from, reached, t.divergedAt()));
        }
        return rows;
    }

    private void refresh() {
        Snapshot snap = model.snapshot();
        if (snap == null) {
            return;
        }
        List<Row> rows = rows(snap, tol);
        var items = table.getItems();
        if (items.size() != rows.size()) {
            items.setAll(rows);
            return;
        }
        // While a slider moves, a new snapshot arrives every frame: replace only the rows whose
        // figures changed, so the other rows' cells are neither updated nor laid out again.
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).equals(items.get(i))) {
                items.set(i, rows.get(i));
            }
        }
    }

    TableView<Row> table() {
        return table;
    }
}
