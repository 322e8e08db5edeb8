package org.losslab.app;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.transform.Scale;
import javafx.stage.FileChooser;
import org.losslab.app.model.Job;
import org.losslab.app.model.JobThreads;
import org.losslab.app.model.TrajectoryExport;
import org.losslab.format.scenario.Scenario;
import org.losslab.render.ChartPainter;
import org.losslab.render.ChartScene;
import org.losslab.render.Java2DDrawing;
import org.losslab.render.PlotScene;
import org.losslab.render.PlotScenes;
import org.losslab.render.PlotStyle;
import org.losslab.render.PngExport;

/**
 * Export: PNG of the 2-D view, the 3-D view, the charts or the whole window at a chosen size, and
 * the spec's trajectory CSV. The 2-D view and the charts are redrawn at the asked size by the same
 * painters (crisp at any size); the 3-D view and the window are snapshots scaled to it. Encoding
 * and writing happen off the FX thread; writes are atomic and a failure says why.
 */
final class Exporter {
    /** What a PNG shows. */
    enum Target {
        PLOT("2-D view"), SURFACE("3-D view"), CHARTS("charts"), WINDOW("whole window");

        final String text;

        Target(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final MainController main;
    private final Executor background;

    /** The CSV export: one at a time, with progress and cancel. */
    private final Job csvJob;
    private Path csvFile;

    /** @param background writes the files, off the FX thread */
    Exporter(MainController main, Executor background) {
        this.main = main;
        this.background = background;
        this.csvJob = new Job(new JobThreads(background, background, 1), Platform::runLater);
    }

    void askPng() {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(main.stage());
        d.setTitle("Export picture");
        ChoiceBox<Target> target = new ChoiceBox<>();
        target.getItems().addAll(Target.PLOT, Target.CHARTS, Target.WINDOW);
        if (main.views().mode() == ViewArea.Mode.WITH_3D) {
            target.getItems().add(1, Target.SURFACE);
        }
        target.setValue(Target.PLOT);
        TextField w = new TextField("1600"), h = new TextField("1000");
        w.setPrefColumnCount(6);
        h.setPrefColumnCount(6);
        target.valueProperty().addListener((o, a, b) -> {
            Node n = node(b);
            if (n != null) {
                w.setText(Long.toString(Math.round(n.getLayoutBounds().getWidth() * 2)));
                h.setText(Long.toString(Math.round(n.getLayoutBounds().getHeight() * 2)));
            }
        });
        Label error = new Label();
        error.getStyleClass().add("error-text");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        g.addRow(0, new Label("Picture of"), target);
        g.addRow(1, new Label("Width (pixels)"), w);
        g.addRow(2, new Label("Height (pixels)"), h);
        g.add(error, 0, 3, 2, 1);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (size(w.getText(), h.getText()) == null) {
                error.setText("Width and height must be whole numbers from 16 to 8192.");
                e.consume();
            }
        });
        if (d.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        int[] size = size(w.getText(), h.getText());
        FileChooser fc = new FileChooser();
        fc.setTitle("Export picture");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        fc.setInitialFileName(target.getValue().name().toLowerCase(java.util.Locale.ROOT) + ".png");
        var f = fc.showSaveDialog(main.stage());
        if (f != null) {
            exportPng(target.getValue(), size[0], size[1], f.toPath(), this::report);
        }
    }

    private static int[] size(String w, String h) {
        try {
            int a = Integer.parseInt(w.trim()), b = Integer.parseInt(h.trim());
            return a >= 16 && b >= 16 && a <= 8192 && b <= 8192 ? new int[] {a, b} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Node node(Target t) {
        switch (t) {
            case PLOT:
                return main.plot();
            case SURFACE:
                return main.views().secondary();
            case CHARTS:
                return main.chartsRow();
            default:
                return main.root();
        }
    }

    /** Reports the outcome of an export on the FX thread: null when written, else why not. */
    private void report(String problem) {
        if (problem == null) {
            main.setStatus("Exported.");
        } else {
            main.showMessage(problem);
        }
    }

    /**
     * Writes a PNG of {@code target} at {@code width × height}; {@code done} gets null or the
     * problem, on the FX thread. Call on the FX thread.
     */
    void exportPng(Target target, int width, int height, Path file, Consumer<String> done) {
        PlotStyle style = main.plot().plotStyleProperty().get();
        switch (target) {
            case PLOT: {
                PlotScene live = main.plot().scene();
                if (live == null) {
                    done.accept("Nothing to export yet.");
                    return;
                }
                write(file, done, () -> {
                    PlotScene scene = new PlotScene(live.surface(), live.surface() == null ? null
                            : PlotScenes.field(live.surface(), live.window(), width, height, style), live.window(),
                            live.paths(), live.step(), live.startX(), live.startY(), null, live.overlays(), live.arrows());
                    return PngExport.contour(scene, width, height, style);
                });
                return;
            }
            case CHARTS: {
                var scenes = main.charts().stream().map(ChartView::scene).toList();
                if (scenes.contains(null)) {
                    done.accept("Nothing to export yet.");
                    return;
                }
                write(file, done, () -> charts(scenes, width, height, style));
                return;
            }
            default: {
                Node n = node(target);
                if (n == null || n.getLayoutBounds().getWidth() < 1) {
                    done.accept("The " + target + " is not shown; open it first (View menu).");
                    return;
                }
                SnapshotParameters p = new SnapshotParameters();
                p.setTransform(new Scale(width / n.getLayoutBounds().getWidth(), height / n.getLayoutBounds().getHeight()));
                WritableImage img = n.snapshot(p, new WritableImage(width, height));
                write(file, done, () -> SwingFXUtils.fromFXImage(img, null));
            }
        }
    }

    private static BufferedImage charts(java.util.List<ChartScene> scenes, int width, int height, PlotStyle style) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            double w = (double) width / scenes.size();
            ChartPainter painter = new ChartPainter();
            for (int i = 0; i < scenes.size(); i++) {
                Graphics2D gi = (Graphics2D) g.create();
                gi.translate(i * w, 0);
                gi.clipRect(0, 0, (int) Math.ceil(w), height);
                painter.paint(new Java2DDrawing(gi), scenes.get(i), style, w, height);
                gi.dispose();
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private interface ImageJob {
        BufferedImage render() throws IOException;
    }

    private void write(Path file, Consumer<String> done, ImageJob job) {
        CompletableFuture.runAsync(() -> {
            String problem;
            try {
                PngExport.write(job.render(), file);
                problem = null;
            } catch (IOException | RuntimeException e) {
                problem = "Could not write " + file + ": " + describe(e);
            }
            String p = problem;
            Platform.runLater(() -> done.accept(p));
        }, background);
    }

    static String describe(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    void askCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export trajectories");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        fc.setInitialFileName("trajectories.csv");
        var f = fc.showSaveDialog(main.stage());
        if (f != null) {
            exportCsv(f.toPath(), this::report);
        }
    }

    /**
     * Writes the spec's trajectory CSV of the current scenario, every row as {@code losslab run --csv}
     * writes it: computed afresh on a background thread and streamed to the file
     * ({@link TrajectoryExport}; the app keeps long runs thinned), with the progress bar and Cancel
     * of {@link #csvControls} in the status bar while it runs; the FX thread never waits. {@code done}
     * gets null or the problem on the FX thread; a cancelled export writes nothing and tells nobody
     * but the status bar. Call on the FX thread.
     */
    void exportCsv(Path file, Consumer<String> done) {
        Scenario sc = main.model().scenario();
        main.setStatus("Writing " + file.getFileName() + "…");
        csvFile = file;
        csvJob.start((pool, threads, cancel, progress) -> {
            try {
                return TrajectoryExport.write(sc, file, cancel, progress) ? "" : null;
            } catch (IOException e) {
                return "Could not write " + file + ": " + describe(e);
            }
        }, () -> { }, r -> done.accept(r.isEmpty() ? null : r), why -> done.accept("Could not write " + file + ": " + why));
    }

    /** Stops a CSV export: nothing is written (an existing file stays as it was). */
    void cancelCsv() {
        if (csvJob.isRunning()) {
            csvJob.cancel();
            main.setStatus("Export cancelled: " + csvFile.getFileName() + " not written.");
        }
    }

    /** The CSV export's progress bar and Cancel button, for the status bar: shown only while an export runs. */
    List<Node> csvControls() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("csvProgress");
        bar.setPrefWidth(140);
        bar.progressProperty().bind(csvJob.progressProperty());
        Button stop = new Button("Cancel export");
        stop.setId("csvCancel");
        stop.setTooltip(new Tooltip("stop writing the CSV; nothing is written"));
        stop.setOnAction(e -> cancelCsv());
        for (Node n : List.of(bar, stop)) {
            n.visibleProperty().bind(csvJob.runningProperty());
            n.managedProperty().bind(csvJob.runningProperty());
        }
        return List.of(bar, stop);
    }

    /** The CSV export in progress, if any (for tests). */
    Job csvJob() {
        return csvJob;
    }
}
