package org.losslab.app.controls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.losslab.format.Param;
import org.losslab.format.Schema;
import org.losslab.format.Typed;
import org.losslab.io.Numbers;

/**
 * An editor generated from a catalog {@link Schema}: one row per parameter, the control chosen by
 * its kind, its help text, range and default as tooltip, an empty field meaning "the default".
 * Every edit is handed to {@code apply} at once (typing a formula redraws the surface as it
 * parses); what it rejects is shown under the form, naming the parameter and the problem, and the
 * field is marked.
 */
public final class ParamForm extends VBox {
    private final Schema schema;
    private final Function<Typed, String> apply;
    private final Map<String, Node> editors = new LinkedHashMap<>();
    private final Label error = new Label();
    private Typed value;
    private boolean updating;

    /**
     * @param apply tries a new value; returns null when accepted, else the problem
     */
    public ParamForm(Schema schema, Typed initial, Function<Typed, String> apply) {
        this.schema = schema;
        this.apply = apply;
        this.value = initial;
        getStyleClass().add("param-form");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        int row = 0;
        for (Param p : schema.params()) {
            Label name = new Label(p.name());
            name.getStyleClass().add("param-name");
            Node editor = editor(p);
            Tooltip tip = tooltip(p);
            name.setTooltip(tip);
            installTooltip(editor, tip);
            name.setLabelFor(editor);
            editors.put(p.name(), editor);
            grid.add(name, 0, row);
            grid.add(editor, 1, row);
            GridPane.setHgrow(editor, Priority.ALWAYS);
            row++;
        }
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        getChildren().addAll(grid, error);
        refresh(initial);
    }

    static Tooltip tooltip(Param p) {
        StringBuilder sb = new StringBuilder(p.help());
        if (p.kind() == Param.Kind.NUMBER || p.kind() == Param.Kind.INTEGER) {
            sb.append("\nAllowed: ").append(p.rangeText());
        }
        if (p.defaultValue() != null) {
            sb.append("\nDefault: ").append(text(p.defaultValue()));
        } else if (p.defaultNote() != null) {
            sb.append("\nDefault: ").append(p.defaultNote());
        } else {
            sb.append("\nRequired.");
        }
        Tooltip t = new Tooltip(sb.toString());
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    private static void installTooltip(Node n, Tooltip t) {
        if (n instanceof javafx.scene.control.Control c) {
            c.setTooltip(t);
        } else if (n instanceof HBox box) {
            box.getChildren().forEach(ch -> installTooltip(ch, t));
        }
    }

    private Node editor(Param p) {
        switch (p.kind()) {
            case BOOLEAN: {
                CheckBox cb = new CheckBox();
                cb.selectedProperty().addListener((o, a, b) -> commit(p.name(), b));
                return cb;
            }
            case CHOICE: {
                ComboBox<String> c = new ComboBox<>();
                c.getItems().setAll(p.choices());
                c.valueProperty().addListener((o, a, b) -> {
                    if (b != null) {
                        commit(p.name(), b);
                    }
                });
                return c;
            }
            case UNIT_PAIR: {
                TextField a = field(p), b = field(p);
                a.setPromptText(text(((List<?>) p.defaultValue()).get(0)));
                b.setPromptText(text(((List<?>) p.defaultValue()).get(1)));
                a.textProperty().addListener((o, x, y) -> commitPair(p, a, b));
                b.textProperty().addListener((o, x, y) -> commitPair(p, a, b));
                HBox box = new HBox(4, a, b);
                HBox.setHgrow(a, Priority.ALWAYS);
                HBox.setHgrow(b, Priority.ALWAYS);
                return box;
            }
            default: {
                TextField f = field(p);
                if (p.defaultValue() != null) {
                    f.setPromptText(text(p.defaultValue()));
                } else if (p.defaultNote() != null) {
                    f.setPromptText(p.defaultNote());
                }
                f.textProperty().addListener((o, a, b) -> commitText(p, f));
                return f;
            }
        }
    }

    private TextField field(Param p) {
        TextField f = new TextField();
        f.setPrefColumnCount(p.kind() == Param.Kind.STRING ? 16 : 7);
        f.setId("param-" + p.name());
        return f;
    }

    private void commitText(Param p, TextField f) {
        if (updating) {
            return;
        }
        String s = f.getText().trim();
        if (s.isEmpty()) {
            if (p.isRequired()) {
                show(p.name() + ": required", f);
                return;
            }
            tryApply(value.without(p.name()), f);
            return;
        }
        Object v;
        try {
            v = parse(p, s);
        } catch (IllegalArgumentException e) {
            show(p.name() + ": " + e.getMessage(), f);
            return;
        }
        tryApply(value.with(p.name(), v), f);
    }

    private void commitPair(Param p, TextField a, TextField b) {
        if (updating) {
            return;
        }
        List<?> def = (List<?>) p.defaultValue();
        try {
            double x = a.getText().isBlank() ? ((Number) def.get(0)).doubleValue() : number(a.getText());
            double y = b.getText().isBlank() ? ((Number) def.get(1)).doubleValue() : number(b.getText());
            tryApply(a.getText().isBlank() && b.getText().isBlank() ? value.without(p.name())
                    : value.with(p.name(), List.of(x, y)), a);
        } catch (IllegalArgumentException e) {
            show(p.name() + ": " + e.getMessage(), a);
        }
    }

    private void commit(String name, Object v) {
        if (!updating) {
            tryApply(value.with(name, v), editors.get(name));
        }
    }

    private void tryApply(Typed next, Node field) {
        String problem = apply.apply(next);
        if (problem == null) {
            value = next;
            show(null, field);
        } else {
            show(problem, field);
        }
    }

    private void show(String problem, Node field) {
        editors.values().forEach(n -> mark(n, false));
        boolean bad = problem != null;
        error.setText(bad ? problem : "");
        error.setVisible(bad);
        error.setManaged(bad);
        if (bad) {
            mark(field, true);
        }
    }

    private static void mark(Node n, boolean bad) {
        if (n instanceof HBox box) {
            box.getChildren().forEach(c -> mark(c, bad));
            return;
        }
        n.getStyleClass().remove("invalid");
        if (bad) {
            n.getStyleClass().add("invalid");
        }
    }

    /** Shows {@code t}'s values, leaving the field being typed in alone. */
    public void refresh(Typed t) {
        value = t;
        updating = true;
        try {
            for (Param p : schema.params()) {
                Node n = editors.get(p.name());
                Object v = t.params().get(p.name());
                if (n instanceof CheckBox cb) {
                    cb.setSelected(v != null ? (Boolean) v : Boolean.TRUE.equals(p.defaultValue()));
                } else if (n instanceof ComboBox<?> c) {
                    @SuppressWarnings("unchecked")
                    ComboBox<String> cs = (ComboBox<String>) c;
                    cs.setValue(v != null ? (String) v : (String) p.defaultValue());
                } else if (n instanceof HBox box) {
                    List<?> pair = (List<?>) v;
                    for (int i = 0; i < 2; i++) {
                        TextField f = (TextField) box.getChildren().get(i);
                        if (!f.isFocused()) {
                            f.setText(pair == null ? "" : text(pair.get(i)));
                        }
                    }
                } else if (n instanceof TextField f && !f.isFocused()) {
                    f.setText(v == null ? "" : text(v));
                }
            }
        } finally {
            updating = false;
        }
    }

    /** The value shown (the last accepted, or the draft being completed). */
    public Typed value() {
        return value;
    }

    /** Shows a problem found outside the form (e.g. a new type missing a required parameter). */
    void showProblem(String problem) {
        error.setText(problem);
        error.setVisible(true);
        error.setManaged(true);
    }

    /** The error shown under the form, or "". */
    public String errorText() {
        return error.getText();
    }

    public Node editor(String name) {
        return editors.get(name);
    }

    private static double number(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("must be a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + s.trim() + "\" is not a number");
        }
    }

    private static long integer(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + s.trim() + "\" is not a whole number");
        }
    }

    static Object parse(Param p, String s) {
        switch (p.kind()) {
            case NUMBER:
                return number(s);
            case INTEGER:
                return integer(s);
            case STRING:
                return s;
            case INTEGER_LIST: {
                List<Long> out = new ArrayList<>();
                for (String part : s.split("[,\\s]+")) {
                    if (!part.isEmpty()) {
                        out.add(integer(part));
                    }
                }
                return List.copyOf(out);
            }
            case NUMBER_MAP: {
                Map<String, Double> out = new LinkedHashMap<>();
                for (String part : s.split(",")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    int eq = part.indexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException("write name = value, separated by commas");
                    }
                    out.put(part.substring(0, eq).trim(), number(part.substring(eq + 1)));
                }
                return out;
            }
            default:
                throw new IllegalArgumentException("not a text parameter");
        }
    }

    /** A value as typed in a field: numbers shortest, lists comma-separated, maps as name = value. */
    static String text(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Numbers.format(d);
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(text(x)));
            return String.join(", ", parts);
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(k + " = " + text(x)));
            return String.join(", ", parts);
        }
        return String.valueOf(v).toLowerCase(Locale.ROOT).equals("null") ? "" : String.valueOf(v);
    }
}
