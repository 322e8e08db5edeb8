package org.losslab.app.analysis;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.Duration;
import org.losslab.io.Numbers;

/** Small helpers the analysis panels share for their forms: number fields tied to properties. */
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
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
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
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /**
     * A toggle that shows or hides a panel's form, so the picture can have the whole width (a
     * projector at 1366 × 768); the form comes back with the same toggle or its shortcut.
     */
    static javafx.scene.control.ToggleButton formToggle(javafx.scene.layout.BorderPane pane, javafx.scene.Node form, String id) {
        javafx.scene.control.ToggleButton t = new javafx.scene.control.ToggleButton("Form");
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
}
