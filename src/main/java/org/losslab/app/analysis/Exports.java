package org.losslab.app.analysis;

import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * The PNG and CSV export of an analysis pane: a save dialog, the (atomic) write, and the outcome
 * said in the pane's message line — a failure names the file and why, and leaves nothing behind.
 */
final class Exports {

    /** Writes one kind of file. */
    @FunctionalInterface
    interface Writer {
        void write(Path file) throws IOException;
    }

    private Exports() {
    }

    /**
     * The panel's "Export PNG…" and "Export CSV…" buttons (ids {@code id + "Png"}, {@code id + "Csv"}),
     * enabled once there is a result: each asks where to save, then writes there.
     *
     * @param what     what is saved, for the dialog's title ("sweep")
     * @param baseName the suggested file name without extension
     */
    static HBox buttons(String id, String what, String baseName, ObservableObjectValue<?> result, String pngHelp,
                        String csvHelp, Writer png, Writer csv, Label message) {
        Button p = new Button("Export P_NG…"), c = new Button("Export C_SV…");
        p.setId(id + "Png");
        c.setId(id + "Csv");
        p.setTooltip(Forms.tip(pngHelp));
        c.setTooltip(Forms.tip(csvHelp));
        p.disableProperty().bind(Bindings.isNull(result));
        c.disableProperty().bind(Bindings.isNull(result));
        p.setOnAction(e -> choose(p, what, "png", baseName, png, csv, message));
        c.setOnAction(e -> choose(c, what, "csv", baseName, png, csv, message));
        return new HBox(6, p, c);
    }

    /** Asks where to save ({@code kind} is "png" or "csv"), then writes there. */
    private static void choose(Node owner, String what, String kind, String baseName, Writer png, Writer csv, Label message) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + what + (kind.equals("png") ? " (PNG)" : " (CSV)"));
        fc.getExtensionFilters().add(kind.equals("png") ? new FileChooser.ExtensionFilter("PNG image", "*.png")
                : new FileChooser.ExtensionFilter("CSV", "*.csv"));
        fc.setInitialFileName(baseName + "." + kind);
        var f = fc.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (f != null) {
            write(kind, f.toPath(), png, csv, message);
        }
    }

    /** Writes the picture (png) or the numbers (csv); says the outcome in {@code message}. */
    static boolean write(String kind, Path file, Writer png, Writer csv, Label message) {
        try {
            (kind.equals("png") ? png : csv).write(file);
            message.setText("Saved " + file.getFileName());
            return true;
        } catch (IOException e) {
            message.setText("Could not save " + file + ": " + e.getMessage());
            return false;
        }
    }
}
