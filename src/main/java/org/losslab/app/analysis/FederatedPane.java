package org.losslab.app.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.losslab.app.controls.FxDrawing;
import org.losslab.app.model.LatestWins;
import org.losslab.app.model.Samples;
import org.losslab.render.ContourField;
import org.losslab.render.FederatedPainter;
import org.losslab.render.PlotStyle;

/**
 * The Federated tab: open a {@code losslab-federated/1} file (or a sample), then see the contours of
 * the global objective, every client's local paths from the server point in a lighter shade of its
 * run's colour, the server paths bold and F's minimum, up to the round chosen with the slider or
 * played round by round. Runs are computed in the background ({@link FederatedModel}); the contour
 * field off the FX thread; painting the paths is cheap and done on layout.
 */
public final class FederatedPane extends BorderPane {
    private final FederatedModel model;
    private final ObservableValue<PlotStyle> style;
    private final Canvas canvas = new Canvas();
    private final Pane chart = new Pane() {
        @Override
        protected void layoutChildren() {
            if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
                canvas.setWidth(getWidth());
                canvas.setHeight(getHeight());
                field();
            }
            paint();
        }
    };
    private final FxDrawing drawing = new FxDrawing();
    private final FederatedPainter painter = new FederatedPainter();
    private final LatestWins<ContourField> fields;
    private final Label title = new Label(), description = new Label(), saved = new Label(" ");
    private final Timeline player = new Timeline();
    private final ToggleButton play = new ToggleButton("_Play rounds");
    private ContourField field;

    /** @param render where the contour field of the global objective is computed */
    public FederatedPane(FederatedModel model, ObservableValue<PlotStyle> style, Executor render) {
        this.model = model;
        this.fields = new LatestWins<>(render, Platform::runLater, () -> { });
        this.style = style;
        getStyleClass().add("analysis-pane");
        setId("federatedPane");
        chart.getChildren().add(canvas);
        chart.setMinSize(200, 150);
        chart.setId("federatedPicture");
        chart.setAccessibleText("federated study: contours of the global objective, client paths and server paths");
        ScrollPane form = form();
        setLeft(form);
        BorderPane right = new BorderPane(chart);
        right.setTop(Forms.formToggle(this, form, "federatedFormToggle"));
        right.setBottom(roundBar());
        right.setPadding(new Insets(6));
        setCenter(right);
        model.resultProperty().addListener((o, a, s) -> {
            field = null;
            title.setText(s == null ? "" : s.spec().title());
            description.setText(s == null ? "" : s.spec().description());
            field();
            chart.requestLayout();
        });
        model.roundProperty().addListener(x -> chart.requestLayout());
        style.addListener(x -> {
            field();
            chart.requestLayout();
        });
        player.getKeyFrames().add(new KeyFrame(Duration.millis(160), e -> advance()));
        player.setCycleCount(Timeline.INDEFINITE);
        play.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                FederatedModel.Study s = model.resultProperty().get();
                if (s != null && model.roundProperty().get() >= s.spec().rounds()) {
                    model.roundProperty().set(0);
                }
                player.play();
            } else {
                player.stop();
            }
        });
    }

    private void advance() {
        FederatedModel.Study s = model.resultProperty().get();
        if (s == null || model.roundProperty().get() >= s.spec().rounds()) {
            play.setSelected(false);
            return;
        }
        model.roundProperty().set(model.roundProperty().get() + 1);
    }

    private ScrollPane form() {
        VBox box = new VBox(8);
        box.getStyleClass().add("side-box");
        Label heading = new Label("Federated learning");
        heading.getStyleClass().add("section-title");
        Label hint = new Label("Clients with different losses f_i; the server wants the minimum of F = Σ p_i f_i. "
                + "Each round every client takes K local steps from the server point, and the server averages where they end: "
                + "FedAvg, FedProx (a pull μ back to the server point) or SCAFFOLD (control variates that correct the client drift).");
        hint.getStyleClass().add("hint");
        Button open = new Button("_Open federated file…");
        open.setId("federatedOpen");
        open.setTooltip(Forms.tip("read a losslab-federated/1 file and run it in the background"));
        open.setOnAction(e -> choose());
        ComboBox<Path> samples = new ComboBox<>();
        samples.setId("federatedSamples");
        samples.setPromptText("samples");
        samples.setTooltip(Forms.tip("the federated files in sample-landscapes/"));
        samples.getItems().setAll(FederatedModel.samples());
        samples.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Path p) {
                return p == null ? "" : p.getFileName().toString().replaceFirst("\\.json$", "");
            }

            @Override
            public Path fromString(String s) {
                return null;
            }
        });
        samples.setOnAction(e -> {
            if (samples.getValue() != null) {
                model.open(samples.getValue());
            }
        });
        title.setId("federatedTitle");
        title.getStyleClass().add("section-title");
        description.setId("federatedDescription");
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(model.runningProperty());
        Label message = new Label();
        message.setId("federatedMessage");
        message.textProperty().bind(model.messageProperty());
        HBox exports = Exports.buttons("federated", "federated study", "federated", model.resultProperty(),
                "save the picture of every round as PNG", "save every client step and server step as CSV",
                model::exportPng, model::exportCsv, saved);
        for (Label l : new Label[] {hint, title, description, message, saved}) {
            Forms.wrapping(l);
        }
        box.getChildren().addAll(heading, hint, new HBox(6, open, samples), progress, message, title, description,
                exports, saved);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sp.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        sp.setPrefWidth(340);
        return sp;
    }

    /** The round slider and the play button under the picture. */
    private HBox roundBar() {
        Slider slider = new Slider(0, 1, 0);
        slider.setId("federatedRound");
        slider.setMajorTickUnit(1);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(1);
        slider.setTooltip(Forms.tip("show the rounds up to this one: each client's local paths of that round are drawn brighter"));
        Label at = new Label();
        at.setId("federatedRoundLabel");
        at.setMinWidth(110);
        model.resultProperty().addListener((o, a, s) -> slider.setMax(s == null ? 1 : Math.max(1, s.spec().rounds())));
        slider.valueProperty().addListener((o, a, v) -> model.roundProperty().set((int) Math.round(v.doubleValue())));
        model.roundProperty().addListener((o, a, v) -> {
            slider.setValue(v.intValue());
            FederatedModel.Study s = model.resultProperty().get();
            at.setText("round " + v + (s == null ? "" : " of " + s.spec().rounds()));
        });
        play.setId("federatedPlay");
        play.setTooltip(Forms.tip("step through the rounds"));
        play.disableProperty().bind(model.resultProperty().isNull());
        HBox bar = new HBox(8, play, slider, at);
        HBox.setHgrow(slider, Priority.ALWAYS);
        bar.setPadding(new Insets(6, 0, 0, 0));
        return bar;
    }

    private void choose() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open federated file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Federated files (*.json)", "*.json"));
        Path dir = Samples.directory();
        if (dir != null && dir.toFile().isDirectory()) {
            fc.setInitialDirectory(dir.toFile());
        }
        var f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            model.open(f.toPath());
        }
    }

    /** Recomputes the contour field of F for the canvas size, off the FX thread. */
    private void field() {
        FederatedModel.Study s = model.resultProperty().get();
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (s == null || w < 1 || h < 1) {
            return;
        }
        PlotStyle st = style.getValue();
        fields.submit(cancel -> FederatedPainter.field(s.problem(), w, h, st), f -> {
            if (model.resultProperty().get() == s) {
                field = f;
                chart.requestLayout();
            }
        });
    }

    private void paint() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        FederatedModel.Study s = model.resultProperty().get();
        var g = canvas.getGraphicsContext2D();
        if (s == null || w < 1 || h < 1) {
            g.clearRect(0, 0, w, h);
            return;
        }
        FederatedPainter.Scene scene = new FederatedPainter.Scene(field, s.problem().defaultView(),
                FederatedPainter.runs(s.spec(), s.paths()), model.roundProperty().get(), s.spec().start().x(),
                s.spec().start().y(), s.spec().clientLabels(), s.minimum());
        painter.paint(drawing.on(g), scene, style.getValue(), w, h);
    }

    /** The picture's current scene inputs, for tests: the round shown. */
    int shownRound() {
        return model.roundProperty().get();
    }

    /** Opens a file as if chosen (tests and File ▸ Open). */
    public void open(Path file) {
        model.open(file);
    }

    /** The samples offered. */
    static List<Path> offered() {
        return FederatedModel.samples();
    }
}
