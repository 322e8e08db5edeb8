package org.losslab.app.analysis;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.losslab.io.Numbers;

/**
 * What the analysis panels share around their pictures: the side form (title, hint, fields), the
 * run / cancel / progress / message controls of a background job, number fields tied to
 * properties, and the layout of form beside picture with the toggle that hides the form.
 */
final class Forms {
    private Forms() {
    }

    static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    static Label label(String text, String help) {
        Label l = new Label(text);
        l.getStyleClass().add("param-name");
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setTooltip(tip(help));
        return l;
    }

    /**
     * A text field showing a number property and writing it back when the text parses (on every
     * keystroke); an unparsable text is marked invalid and leaves the property alone.
     */
    static TextField number(DoubleProperty p, String id, String help) {
        TextField f = new TextField(text(p.get()));
        f.setId(id);
        f.setPrefColumnCount(7);
        f.setTooltip(tip(help));
        boolean[] writing = {false};
        p.addListener((o, a, b) -> {
            if (!writing[0]) {
                f.setText(text(b.doubleValue()));
            }
        });
        f.textProperty().addListener((o, a, b) -> {
            f.getStyleClass().remove("invalid");
            try {
                double v = b.isBlank() || b.trim().equalsIgnoreCase("none") ? Double.NaN : Double.parseDouble(b.trim());
                writing[0] = true;
                p.set(v);
            } catch (NumberFormatException e) {
                f.getStyleClass().add("invalid");
            } finally {
                writing[0] = false;
            }
        });
        return f;
    }

    /** A number as typed; none (NaN or infinite, e.g. an untracked tolerance) as an empty field. */
    private static String text(double v) {
        return Double.isFinite(v) ? Numbers.format(v) : "";
    }

    /** As {@link #number(DoubleProperty, String, String)} for whole numbers. */
    static TextField integer(IntegerProperty p, String id, String help) {
        TextField f = new TextField(Integer.toString(p.get()));
        f.setId(id);
        f.setPrefColumnCount(5);
        f.setTooltip(tip(help));
        boolean[] writing = {false};
        p.addListener((o, a, b) -> {
            if (!writing[0]) {
                f.setText(Integer.toString(b.intValue()));
            }
        });
        f.textProperty().addListener((o, a, b) -> {
            f.getStyleClass().remove("invalid");
            try {
                writing[0] = true;
                p.set(Integer.parseInt(b.trim()));
            } catch (NumberFormatException e) {
                f.getStyleClass().add("invalid");
            } finally {
                writing[0] = false;
            }
        });
        return f;
    }

    /**
     * Makes a label wrap within whatever width its column gets, without asking for the width of its
     * whole text on one line (which would stretch the form across the window).
     */
    static Label wrapping(Label l) {
        l.setWrapText(true);
        l.setPrefWidth(0);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /**
     * A toggle that shows or hides a panel's form, so the picture can have the whole width (a
     * projector at 1366 × 768); the form comes back with the same toggle or its shortcut.
     */
    static ToggleButton formToggle(BorderPane pane, Node form, String id) {
        ToggleButton t = new ToggleButton("Form");
        t.setId(id);
        t.setSelected(true);
        t.setTooltip(tip("show or hide the form, to give the picture the whole width"));
        t.selectedProperty().addListener((o, a, b) -> pane.setLeft(b ? form : null));
        return t;
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.getStyleClass().add("form-grid");
        return g;
    }

    /**
     * The side form: a title, a hint that wraps, the fields, the job's controls and the export
     * buttons, in a scroll pane as wide as the form needs (presentation mode's larger type makes it
     * wider), never squeezed.
     */
    static ScrollPane side(String title, String hint, Node fields, List<Node> job, Node exports) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        Label h = wrapping(new Label(hint));
        h.getStyleClass().add("hint");
        VBox box = new VBox(8, t, h, fields);
        box.getStyleClass().add("side-box");
        box.getChildren().addAll(job);
        box.getChildren().add(exports);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sp.setMinWidth(Region.USE_PREF_SIZE);
        return sp;
    }

    /**
     * The controls of a background job, ids {@code id + "Start"}, "Cancel", "Progress", "Message":
     * the start button and cancel (enabled while it runs) side by side, the progress bar (shown while
     * it runs) and the job's message line.
     */
    static List<Node> job(String id, String startText, String startHelp, Runnable start, String cancelHelp, Runnable cancel,
                          ReadOnlyBooleanProperty running, ReadOnlyDoubleProperty progress, ReadOnlyStringProperty message) {
        Button go = new Button(startText), stop = new Button("_Cancel");
        go.setId(id + "Start");
        go.setTooltip(tip(startHelp));
        go.setOnAction(e -> start.run());
        stop.setId(id + "Cancel");
        stop.setTooltip(tip(cancelHelp));
        stop.setOnAction(e -> cancel.run());
        stop.disableProperty().bind(running.not());
        ProgressBar bar = new ProgressBar(0);
        bar.setId(id + "Progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(progress);
        bar.visibleProperty().bind(running);
        Label text = wrapping(new Label());
        text.setId(id + "Message");
        text.textProperty().bind(message);
        return List.of(new HBox(6, go, stop), bar, text);
    }

    /**
     * Lays out an analysis panel: the form at the left (hidden and shown by a toggle, id
     * {@code toggleId}, so the picture can have the whole width), the picture in the centre with
     * the toggle and {@code status} above it.
     */
    static void layout(BorderPane pane, ScrollPane form, String toggleId, Node picture, Node status) {
        HBox bar = new HBox(8, formToggle(pane, form, toggleId), status);
        bar.setAlignment(Pos.CENTER_LEFT);
        BorderPane center = new BorderPane(picture);
        center.setTop(bar);
        center.setPadding(new Insets(6));
        pane.setLeft(form);
        pane.setCenter(center);
    }
}
