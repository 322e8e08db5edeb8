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
        l.setTooltip(tip(help));
        return l;
    }

    /**
     * A text field showing a number property and writing it back when the text parses (on every
     * keystroke); an unparsable text is marked invalid and leaves the property alone.
     */
    static TextField number(DoubleProperty p, String id, String help) {
        TextField f = new TextField(Numbers.format(p.get()));
        f.setId(id);
        f.setPrefColumnCount(7);
        f.setTooltip(tip(help));
        boolean[] writing = {false};
        p.addListener((o, a, b) -> {
            if (!writing[0]) {
                f.setText(Numbers.format(b.doubleValue()));
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

    static GridPane grid() {
        GridPane g = new GridPane();
        g.getStyleClass().add("form-grid");
        return g;
    }
}
