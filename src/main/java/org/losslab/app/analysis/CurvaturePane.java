package org.losslab.app.analysis;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.losslab.app.model.LabModel;
import org.losslab.render.PlotScene;

/**
 * The curvature readout in the side panel: one block for the cursor, one per visible run at the
 * playback step, and the quadratic theory. Any number of changes within a frame cost one refresh
 * (done in the layout pass of the next pulse), and only while the tab is showing.
 */
public final class CurvaturePane extends VBox {
    private final LabModel lab;
    private final ObservableValue<double[]> cursor;
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    private final VBox sections = new VBox(10);
    private List<CurvatureReadout.Section> shown = List.of();
    /** Value labels by section and row, reused while the layout of the readout stays the same. */
    private final List<List<Label>> values = new ArrayList<>();
    private boolean dirty = true;
    private final javafx.beans.property.ObjectProperty<List<PlotScene.Arrow>> arrows;
    private final CheckBox draw = new CheckBox("Draw the selected run's eigen-directions");
    private boolean drawn;

    /**
     * @param arrows the 2-D view's extra vectors: the selected run's eigen-directions go there while
     *               the readout shows
     */
    public CurvaturePane(LabModel lab, ObservableValue<double[]> cursor,
                         javafx.beans.property.ObjectProperty<List<PlotScene.Arrow>> arrows) {
        this.lab = lab;
        this.cursor = cursor;
        this.arrows = arrows;
        getStyleClass().addAll("side-box", "curvature-pane");
        setId("curvaturePane");
        Label title = new Label("Curvature");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Move the mouse over the plot; each run is read at the playback step. "
                + "Hover over a name for what it means.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        draw.setId("curvatureDraw");
        draw.setSelected(true);
        draw.setWrapText(true);
        draw.setTooltip(Forms.tip("arrows along the Hessian's eigenvectors at the selected run's current point, "
                + "each as long as √|λ| relative to the larger (the cursor shows its own in the plot)"));
        getChildren().addAll(title, hint, draw, sections);
        Observable[] deps = {cursor, lab.snapshotProperty(), lab.playback().stepProperty(), lab.hiddenProperty(), showing,
            lab.selectedProperty(), draw.selectedProperty()};
        for (Observable o : deps) {
            o.addListener(x -> {
                dirty = true;
                requestLayout();
            });
        }
    }

    /** True while the tab is selected (the readout is not computed when hidden). */
    public BooleanProperty showingProperty() {
        return showing;
    }

    ScrollPane inScroll() {
        ScrollPane sp = new ScrollPane(this);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return sp;
    }

    /** The readout on screen. */
    public List<CurvatureReadout.Section> sections() {
        return shown;
    }

    @Override
    protected void layoutChildren() {
        if (dirty) {
            dirty = false;
            if (showing.get()) {
                refresh();
            }
            // The arrows belong to this tab: put them up while it shows, take only ours down after.
            if (showing.get() && draw.isSelected()) {
                arrows.set(CurvatureReadout.eigenArrows(lab.snapshot(), lab.selected(), lab.playback().step()));
                drawn = true;
            } else if (drawn) {
                arrows.set(List.of());
                drawn = false;
            }
        }
        super.layoutChildren();
    }

    private void refresh() {
        List<CurvatureReadout.Section> now = CurvatureReadout.of(lab.scenario(), lab.snapshot(), lab.playback().step(),
                cursor.getValue(), lab.hiddenProperty().get());
        if (sameLayout(shown, now)) {
            for (int s = 0; s < now.size(); s++) {
                for (int r = 0; r < now.get(s).lines().size(); r++) {
                    values.get(s).get(r).setText(now.get(s).lines().get(r).value());
                }
            }
        } else {
            rebuild(now);
        }
        shown = now;
    }

    private static boolean sameLayout(List<CurvatureReadout.Section> a, List<CurvatureReadout.Section> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int s = 0; s < a.size(); s++) {
            if (!a.get(s).title().equals(b.get(s).title()) || a.get(s).lines().size() != b.get(s).lines().size()) {
                return false;
            }
            for (int r = 0; r < a.get(s).lines().size(); r++) {
                if (!a.get(s).lines().get(r).name().equals(b.get(s).lines().get(r).name())) {
                    return false;
                }
            }
        }
        return true;
    }

    private void rebuild(List<CurvatureReadout.Section> now) {
        values.clear();
        List<Region> blocks = new ArrayList<>();
        for (CurvatureReadout.Section sec : now) {
            Label head = new Label(sec.title());
            head.getStyleClass().add("subsection-title");
            head.setWrapText(true);
            HBox title = new HBox(6);
            if (sec.color() != null) {
                Rectangle sw = new Rectangle(10, 10, Color.web(sec.color()));
                title.getChildren().add(sw);
            }
            title.getChildren().add(head);
            title.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            GridPane g = Forms.grid();
            List<Label> row = new ArrayList<>();
            int r = 0;
            for (CurvatureReadout.Line l : sec.lines()) {
                Label name = Forms.label(l.name(), l.help());
                name.setMinWidth(Region.USE_PREF_SIZE);
                Label v = new Label(l.value());
                v.setWrapText(true);
                v.setTooltip(Forms.tip(l.help()));
                g.addRow(r++, name, v);
                row.add(v);
            }
            values.add(row);
            VBox block = new VBox(3, title, g);
            blocks.add(block);
        }
        sections.getChildren().setAll(blocks);
    }
}
