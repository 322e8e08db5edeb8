package org.losslab.app.trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.losslab.app.controls.ParamForm;
import org.losslab.app.model.WorkPools;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.app.trainer.model.TrainingSession;
import org.losslab.engine.mlp.DataKind;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.format.InputException;
import org.losslab.format.train.DataCsv;
import org.losslab.format.train.TrainConfigReader;
import org.losslab.render.PlotStyle;
import org.losslab.render.Ticks;

/**
 * The network trainer, laid out like the TensorFlow Playground: on the left the few labelled
 * sections DATA, FEATURES, NETWORK, OUTPUT and RUNS (every setting in a generated form with its help
 * as tooltip); on top big reset / play-pause / step buttons and the live figures; in the middle the
 * decision boundary beside the network drawing and the landscape slice; at the bottom the loss,
 * accuracy, gradient-norm and learning-rate curves of every run. Space plays or pauses, → steps.
 */
public final class TrainerPane extends BorderPane {
    private final TrainerModel model;
    private final List<CanvasView> views = new ArrayList<>();
    private final ObjectProperty<PlotStyle> plotStyle = new SimpleObjectProperty<>(this, "plotStyle", PlotStyle.LIGHT);
    private final Label message = new Label();
    private final Label figures = new Label();
    private final Button play = new Button();
    private final BoundaryView boundary;
    private final LandscapePane landscape;
    private final SharpnessPane sharpness;
    private final ArchitecturePane architecture;
    private final EnsemblePane ensemble;
    private TabPane tabs;
    private final List<ParamForm> forms = new ArrayList<>();
    private final CheckBox regressionCsv = new CheckBox("real-valued targets");
    private final HBox charts = new HBox(6);
    private final CurveChart accuracyChart;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            for (CanvasView v : views) {
                v.paintIfDirty();
            }
        }
    };

    /** A trainer on the app's threads (training, long jobs for slices), publishing on the FX thread. */
    public TrainerPane(WorkPools pools) {
        this(new TrainerModel(pools.training(), pools.trainingHalves(), pools.jobs(), Platform::runLater), pools.render());
    }

    /** @param meshes builds the 3-D view's meshes of a slice */
    public TrainerPane(TrainerModel model, Executor meshes) {
        this.model = model;
        getStyleClass().add("trainer-pane");
        setId("trainerPane");

        boundary = add(new BoundaryView(model));
        boundary.setId("boundaryView");
        NetworkView network = add(new NetworkView(model));
        network.setId("networkView");
        landscape = new LandscapePane(model, meshes);
        add(landscape.sliceView());
        sharpness = new SharpnessPane(model);
        add(sharpness.view());
        architecture = new ArchitecturePane(model);
        add(architecture.view());
        ensemble = new EnsemblePane(model);
        add(ensemble.view());
        for (CurveChart.Kind k : CurveChart.Kind.values()) {
            CurveChart c = add(new CurveChart(model, k));
            c.setId("trainChart-" + k.name().toLowerCase(java.util.Locale.ROOT));
            c.setPrefWidth(240);
            HBox.setHgrow(c, Priority.ALWAYS);
            charts.getChildren().add(c);
        }
        accuracyChart = (CurveChart) charts.getChildren().get(1);
        charts.setPrefHeight(170);
        charts.setMinHeight(120);
        charts.getStyleClass().add("charts-row");

        setLeft(sidePanel());
        setCenter(center(network));
        model.setup().configProperty().addListener(x -> refreshForms());
        model.errorProperty().addListener((o, a, b) -> showMessage(b));
        model.session().frameProperty().addListener(x -> updateFigures());
        model.session().playingProperty().addListener(x -> updatePlay());
        updatePlay();
        updateFigures();
        refreshForms();
        addEventHandler(KeyEvent.KEY_PRESSED, this::keys);
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                timer.start();
            } else {
                timer.stop();
                model.session().pause();
            }
        });
    }

    private <T extends CanvasView> T add(T v) {
        views.add(v);
        v.plotStyleProperty().bind(plotStyle);
        return v;
    }

    public TrainerModel model() {
        return model;
    }

    /** The plot colours of the theme (and presentation mode), set by the main window. */
    public ObjectProperty<PlotStyle> plotStyleProperty() {
        return plotStyle;
    }

    // ---- layout ------------------------------------------------------------------------------

    private ScrollPane sidePanel() {
        ParamForm data = form(new ParamForm(SetupSchemas.DATA, SetupSchemas.data(model.setup().current()),
                SetupSchemas.checked(SetupSchemas.DATA, t -> SetupSchemas.applyData(model.setup(), t))));
        Button importCsv = new Button("Import CSV…");
        importCsv.setId("importCsv");
        importCsv.setTooltip(new Tooltip("Read points from a CSV file of rows x1,x2,label (an optional header line)."));
        importCsv.setOnAction(e -> chooseCsv());
        regressionCsv.setTooltip(new Tooltip("Read the third column as real-valued regression targets instead of class numbers 0, 1, …"));
        HBox csvRow = new HBox(6, importCsv, regressionCsv);
        csvRow.setAlignment(Pos.CENTER_LEFT);
        ParamForm features = form(new ParamForm(SetupSchemas.FEATURES, SetupSchemas.features(model.setup().current()),
                t -> SetupSchemas.applyFeatures(model.setup(), t)));
        ParamForm network = form(new ParamForm(SetupSchemas.NETWORK, SetupSchemas.network(model.setup().current()),
                SetupSchemas.checked(SetupSchemas.NETWORK, t -> SetupSchemas.applyNetwork(model.setup(), t))));
        ParamForm output = form(new ParamForm(SetupSchemas.OUTPUT, SetupSchemas.output(model.setup().current()),
                SetupSchemas.checked(SetupSchemas.OUTPUT, t -> SetupSchemas.applyOutput(model.setup(), t))));
        Button open = new Button("Open training config…");
        open.setId("openTrainConfig");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setTooltip(new Tooltip("Load data, network and runs from a losslab-train/1 file (see docs/train-format.md), "
                + "e.g. the mlp-*.json samples."));
        open.setOnAction(e -> chooseConfig());
        VBox box = new VBox(6, open, section("DATA"), data, csvRow, section("PREPROCESSING"), new PreprocessingPane(model),
                section("FEATURES"), features, section("NETWORK"), network,
                section("OUTPUT"), output, section("RUNS"), new RunsEditor(model));
        box.getStyleClass().add("side-box");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(330);
        scroll.setMinWidth(280);
        scroll.getStyleClass().add("side-panel");
        return scroll;
    }

    private ParamForm form(ParamForm f) {
        forms.add(f);
        return f;
    }

    private static Label section(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-title");
        return l;
    }

    private VBox center(NetworkView network) {
        Button reset = bigButton("⟲", "resetTraining", "Reset: back to step 0, the same initial weights (R)");
        reset.setOnAction(e -> model.reset());
        play.setId("playTraining");
        play.getStyleClass().add("big-button");
        play.setStyle("-fx-font-size: 1.6em; -fx-pref-width: 3.2em;");
        play.setOnAction(e -> model.session().toggle());
        Button step = bigButton("Step", "stepTraining", "Step: pause and do one update of every run (→)");
        step.setOnAction(e -> model.session().step(1));
        figures.setId("trainFigures");
        figures.getStyleClass().add("figures");
        figures.setWrapText(true);
        Button add = new Button("+ Add run");
        add.setId("addRun");
        add.setTooltip(new Tooltip("Train another run side by side: a copy of the shown one's settings in the next colour, "
                + "from the same initial weights on the same data. Change its optimizer under RUNS."));
        add.setOnAction(e -> {
            if (model.addRun() == null) {
                model.session().showRun(model.setup().current().runs().size() - 1);
            }
        });
        play.setMinWidth(Region.USE_PREF_SIZE);
        add.setMinWidth(Region.USE_PREF_SIZE);
        figures.setMinWidth(0);
        javafx.scene.control.ComboBox<String> speed = new javafx.scene.control.ComboBox<>();
        speed.setId("trainSpeed");
        speed.getItems().setAll("10 steps/s", "50 steps/s", "250 steps/s", "1000 steps/s", "as fast as possible");
        speed.setValue(TrainingSession.DEFAULT_SPEED + " steps/s");
        speed.setTooltip(new Tooltip("Play speed: updates per second of every run. Slow lets a class watch the boundary form; "
                + "\"as fast as possible\" trains at full speed."));
        speed.valueProperty().addListener((o, a, b) -> model.session().setSpeed(b.startsWith("as fast") ? 0 : Integer.parseInt(b.split(" ")[0])));
        speed.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, reset, play, step, speed, figures, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(figures, Priority.ALWAYS);
        message.setId("trainerMessage");
        message.getStyleClass().add("message-banner");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        showMessage("");

        TabPane right = new TabPane(new Tab("Network", network), new Tab("Landscape", landscape), new Tab("Sharpness", sharpness),
                new Tab("Ensemble", ensemble));
        right.setId("trainerTabs");
        tabs = right;
        right.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        right.getTabs().get(1).setId("landscapeTab");
        right.getTabs().get(2).setId("sharpnessTab");
        Tab arch = new Tab("Architecture", architecture);
        arch.setId("architectureTab");
        right.getTabs().add(arch);
        SplitPane middle = new SplitPane(boundary, right);
        middle.setDividerPositions(0.45);
        VBox.setVgrow(middle, Priority.ALWAYS);
        VBox center = new VBox(6, bar, message, middle, charts);
        center.getStyleClass().add("center-box");
        center.setFillWidth(true);
        return center;
    }

    private Button bigButton(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("big-button");
        b.setStyle("-fx-font-size: 1.6em;");
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    // ---- state -------------------------------------------------------------------------------

    private void refreshForms() {
        forms.get(0).refresh(SetupSchemas.data(model.setup().current()));
        // Settings that do not apply to the chosen data are shown but disabled.
        DataKind kind = model.setup().current().data().kind();
        forms.get(0).editor("classes").setDisable(kind != DataKind.BLOBS);
        forms.get(0).editor("points").setDisable(kind == DataKind.CSV);
        forms.get(0).editor("noise").setDisable(kind == DataKind.CSV);
        forms.get(0).editor("labelNoise").setDisable(kind == DataKind.CURVE || model.setup().current().data().classCount() == 0);
        forms.get(1).refresh(SetupSchemas.features(model.setup().current()));
        forms.get(2).refresh(SetupSchemas.network(model.setup().current()));
        forms.get(3).refresh(SetupSchemas.output(model.setup().current()));
        boolean classify = model.setup().training().data().train().classes() > 0;
        accuracyChart.setVisible(classify);
        accuracyChart.setManaged(classify);
        updateFigures();
    }

    private void updatePlay() {
        boolean on = model.session().playingProperty().get();
        play.setText(on ? "⏸" : "▶");
        String tip = on ? "Pause (Space)" : "Play: train in the background (Space)";
        play.setTooltip(new Tooltip(tip));
        play.setAccessibleText(tip);
    }

    private void updateFigures() {
        TrainSnapshot s = model.session().lastSnapshot();
        if (s == null) {
            figures.setText("step 0 / " + model.setup().current().steps() + "   " + model.setup().training().architecture());
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append("step ").append(s.step()).append(" / ").append(model.setup().current().steps())
                .append("   epoch ").append(Ticks.compact(s.epoch()))
                .append("   loss ").append(Ticks.compact(s.trainLoss()))
                .append(" (test ").append(Ticks.compact(s.testLoss())).append(")");
        if (Double.isFinite(s.testAccuracy()) || Double.isFinite(s.trainAccuracy())) {
            b.append("   accuracy ").append(percent(s.trainAccuracy())).append(" (test ").append(percent(s.testAccuracy())).append(")");
        }
        if (s.diverged()) {
            b.append("   diverged");
        }
        b.append("   · ").append(model.setup().label(model.session().shownRun()));
        figures.setText(b.toString());
    }

    private static String percent(double v) {
        return Double.isFinite(v) ? String.format("%.1f%%", 100 * v) : "–";
    }

    private void showMessage(String text) {
        boolean on = text != null && !text.isEmpty();
        message.setText(on ? text : "");
        message.setVisible(on);
        message.setManaged(on);
    }

    private void keys(KeyEvent e) {
        boolean typing = getScene() != null && (getScene().getFocusOwner() instanceof TextInputControl
                || getScene().getFocusOwner() instanceof javafx.scene.control.ComboBoxBase<?>);
        if (typing || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE && !(getScene().getFocusOwner() instanceof javafx.scene.control.ButtonBase)) {
            model.session().toggle();
            e.consume();
        } else if (e.getCode() == KeyCode.RIGHT && !(getScene().getFocusOwner() instanceof TabPane)) {
            model.session().step(e.isShiftDown() ? 10 : 1);
            e.consume();
        } else if (e.getCode() == KeyCode.R) {
            model.reset();
            e.consume();
        }
    }

    // ---- files --------------------------------------------------------------------------------

    private void chooseCsv() {
        choose("Import points (x1, x2, label)", new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"), null,
                this::importCsv);
    }

    private void chooseConfig() {
        choose("Open training config", new FileChooser.ExtensionFilter("Training configs (*.json)", "*.json"),
                org.losslab.app.model.Samples.directory(), this::openConfig);
    }

    private void choose(String title, FileChooser.ExtensionFilter kind, Path dir, Consumer<Path> take) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(kind);
        if (dir != null && dir.toFile().isDirectory()) {
            fc.setInitialDirectory(dir.toFile());
        }
        var file = fc.showOpenDialog(getScene() != null ? getScene().getWindow() : null);
        if (file != null) {
            take.accept(file.toPath());
        }
    }

    /**
     * Reads a CSV of points and trains on them; a bad file leaves the setup as it was and shows one
     * message naming the file, the line and the problem.
     *
     * @return true if the points were taken
     */
    public boolean importCsv(Path file) {
        return take("Not imported: ", file, () -> DataCsv.read(file, regressionCsv.isSelected()),
                d -> model.setup().importData(d, file.getFileName().toString()));
    }

    /**
     * Loads a training config file; a bad file leaves the setup as it was and shows one message
     * naming the file, the JSON path and the problem.
     *
     * @return true if loaded
     */
    public boolean openConfig(Path file) {
        return take("Not opened: ", file, () -> TrainConfigReader.read(file), c -> model.setup().load(c, file.getFileName().toString()));
    }

    private interface Reader<T> {
        T read() throws InputException;
    }

    /** Reads {@code file} and gives it to the setup; a problem of either is one message line, and false. */
    private <T> boolean take(String not, Path file, Reader<T> read, Function<T, String> apply) {
        T value;
        try {
            value = read.read();
        } catch (InputException e) {
            showMessage(not + e.getMessage());
            return false;
        }
        String problem = apply.apply(value);
        if (problem != null) {
            showMessage(not + file.getFileName() + ": " + problem);
            return false;
        }
        showMessage("");
        return true;
    }

    /** The message line (problems), "" when there is none. */
    public String message() {
        return message.getText();
    }

    /** Paints pending views now (tests; the timer does this every pulse). */
    void paintNow() {
        for (CanvasView v : views) {
            v.paintIfDirty();
        }
    }

    BoundaryView boundaryView() {
        return boundary;
    }

    LandscapePane landscape() {
        return landscape;
    }

    SharpnessPane sharpness() {
        return sharpness;
    }

    /** The right-hand tabs (Network, Landscape, Sharpness, …). */
    TabPane tabs() {
        return tabs;
    }

    List<CurveChart> charts() {
        List<CurveChart> l = new ArrayList<>();
        charts.getChildren().forEach(n -> l.add((CurveChart) n));
        return l;
    }
}
