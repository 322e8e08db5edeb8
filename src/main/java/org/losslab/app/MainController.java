package org.losslab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.RecentFiles;
import org.losslab.app.model.WorkPools;
import org.losslab.render.Metric;
import org.losslab.render.PlotScene;
import org.losslab.render.PlotStyle;

/**
 * Wires the window of main.fxml: builds the panels from the view model, the menus, themes and
 * presentation mode and keyboard shortcuts, and hands the file commands to {@link ScenarioFiles}
 * and export to {@link Exporter}. Messages go to the banner (problems) and the status bar (news);
 * nothing here blocks the FX thread on a computation.
 */
public final class MainController {
    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private Menu samplesMenu, recentMenu;
    @FXML private CheckMenuItem trainerItem;
    @FXML private CheckMenuItem linkItem, presentationItem, gradientFieldItem, runVectorsItem, hessianItem, legendItem;
    @FXML private RadioMenuItem lightItem, darkItem, singleItem, with3dItem, twoSurfacesItem;
    @FXML private TabPane sideTabs, centerTabs;
    @FXML private VBox scenarioBox, runBox, narrationBox, centerBox;
    @FXML private Label messageBanner, status, timing;
    @FXML private StackPane viewSlot;
    @FXML private HBox sliderSlot, playbackSlot, chartsRow;

    private final LabModel model;
    private final WorkPools pools;
    private final RecentFiles recent;
    private final FrameLoop loop;
    private Stage stage;
    private PlotView plot;
    private ViewArea views;
    private SliderBar sliders;
    private RunsPane runs;
    private ScenarioPane scenarioPane;
    private RunTable table;
    private NarrationPane narration;
    private Exporter exporter;
    private ScenarioFiles files;
    private final java.util.List<ChartView> charts = new java.util.ArrayList<>();
    private Theme theme = Theme.LIGHT;
    /** The network trainer, built when first shown; it replaces the side panel and views while shown. */
    private org.losslab.app.trainer.TrainerPane trainer;
    private org.losslab.app.analysis.AnalysisTabs analysis;
    /** Lessons: the menu, the panel and the page being taught. */
    private LessonMode lessons;

    /**
     * @param pools the app's threads: the panels' work runs there, and the "two surfaces" view's
     *              second model recomputes on the same interactive threads as {@code model}
     */
    public MainController(LabModel model, WorkPools pools, RecentFiles recent) {
        this.model = model;
        this.pools = pools;
        this.recent = recent;
        this.loop = new FrameLoop(model.playback());
    }

    @FXML
    private void initialize() {
        plot = new PlotView(model);
        plot.setId("plotView");
        loop.add(plot);
        views = new ViewArea(model, plot, () -> new CompareView(model, MainWindow.newModel(pools)), loop);
        viewSlot.getChildren().setAll(views);
        scenarioPane = new ScenarioPane(model);
        runs = new RunsPane(model);
        scenarioBox.getChildren().setAll(scenarioPane, runs);
        narration = new NarrationPane(model, plot, pools.render());
        // The run editor is built when its tab is first opened: a faster first window.
        sideTabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() == 1 && runBox.getChildren().isEmpty()) {
                runBox.getChildren().setAll(new RunEditor(model));
            }
            if (b.intValue() == 2 && narrationBox.getChildren().isEmpty()) {
                narrationBox.getChildren().setAll(narration);
            }
            Platform.runLater(narration::refresh);
        });
        sliders = new SliderBar(model);
        sliderSlot.getChildren().setAll(sliders);
        HBox.setHgrow(sliders, Priority.ALWAYS);
        PlaybackBar playback = new PlaybackBar(model.playback());
        playbackSlot.getChildren().setAll(playback);
        HBox.setHgrow(playback, Priority.ALWAYS);
        for (Metric m : Metric.SURFACE) {
            ChartView c = new ChartView(model, m);
            c.setId("chart-" + m.name().toLowerCase(java.util.Locale.ROOT));
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setPrefWidth(240);
            charts.add(c);
            loop.add(c);
        }
        table = new RunTable(model);
        table.setPrefWidth(330);
        table.setMinWidth(260);
        chartsRow.getChildren().setAll(charts);
        chartsRow.getChildren().add(table);
        exporter = new Exporter(this, pools.background());
        ((HBox) status.getParent()).getChildren().addAll(1, exporter.csvControls());
        analysis = org.losslab.app.analysis.AnalysisTabs.install(model, pools, plot.dataCursorProperty(), plot.plotStyleProperty(),
                plot.arrowsProperty(), centerTabs, sideTabs);

        linkItem.selectedProperty().bindBidirectional(model.linkedProperty());
        lightItem.setOnAction(e -> setTheme(Theme.LIGHT));
        darkItem.setOnAction(e -> setTheme(Theme.DARK));
        presentationItem.selectedProperty().addListener((o, a, b) -> applyPresentation(b));
        singleItem.setOnAction(e -> views.setMode(ViewArea.Mode.SINGLE));
        with3dItem.setOnAction(e -> views.setMode(ViewArea.Mode.WITH_3D));
        with3dItem.setDisable(true);
        twoSurfacesItem.setOnAction(e -> views.setMode(ViewArea.Mode.TWO_SURFACES));
        for (CheckMenuItem c : List.of(gradientFieldItem, runVectorsItem, hessianItem, legendItem)) {
            c.selectedProperty().addListener(x -> plot.overlaysProperty().set(new PlotScene.Overlays(
                    gradientFieldItem.isSelected(), runVectorsItem.isSelected(), hessianItem.isSelected(),
                    legendItem.isSelected())));
        }
        model.errorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                status.setText("Not applied: " + b);
            } else if (status.getText().startsWith("Not applied")) {
                status.setText(" ");
            }
        });
        model.snapshotProperty().addListener((o, a, s) -> timing.setText(s.scenario().runs().size() + " runs × "
                + s.scenario().steps() + " steps in " + String.format("%.1f ms", s.nanos() / 1e6)));
        model.computingProperty().addListener((o, a, b) -> timing.setOpacity(b ? 0.6 : 1));
        trainerItem.selectedProperty().addListener((o, a, b) -> showTrainer(b));
        files = new ScenarioFiles(this, model, recent, samplesMenu, recentMenu);
        lessons = new LessonMode(this, model);
        menuBar.getMenus().add(Math.max(0, menuBar.getMenus().size() - 1), lessons.menu());
        styleChanged();
    }

    /** Called once the scene exists: stylesheets, shortcuts and the frame loop. */
    void attach(Stage stage) {
        this.stage = stage;
        Scene scene = stage.getScene();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        stage.setOnCloseRequest(e -> {
            if (!files.confirmDiscard()) {
                e.consume();
            }
        });
        setTheme(theme);
        updateTitle();
        model.fileProperty().addListener(x -> updateTitle());
        model.dirtyProperty().addListener(x -> updateTitle());
        model.scenarioProperty().addListener(x -> updateTitle());
        loop.start();
    }

    private void updateTitle() {
        if (stage == null || model.scenario() == null) {
            return;
        }
        String name = model.fileProperty().get() != null ? model.fileProperty().get().getFileName().toString()
                : model.scenario().title().isEmpty() ? "untitled" : model.scenario().title();
        stage.setTitle((model.dirtyProperty().get() ? "• " : "") + name + " — Loss Landscape Lab");
    }

    private void keys(KeyEvent e) {
        Node focus = stage.getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl || focus instanceof ComboBoxBase<?>;
        if (e.isShortcutDown() || e.isAltDown() || trainerItem.isSelected()) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE && !typing && !(focus instanceof CheckBox) && !(focus instanceof ListView<?>)
                && !(focus instanceof TableView<?>)) {
            model.playback().toggle();
            e.consume();
        } else if ((e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.LEFT) && !typing && !ownsArrowKeys(focus)
                && !(focus instanceof Slider) && !(focus instanceof ListView<?>) && !(focus instanceof TableView<?>)
                && !(focus instanceof TabPane)) {
            model.playback().stepBy(e.getCode() == KeyCode.RIGHT ? (e.isShiftDown() ? 10 : 1) : (e.isShiftDown() ? -10 : -1));
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && presentationItem.isSelected()) {
            presentationItem.setSelected(false);
        }
    }

    /** A node that moves its own selection with the arrow keys (the sweep heatmap) says so in its properties. */
    private static boolean ownsArrowKeys(Node n) {
        return n != null && Boolean.TRUE.equals(n.getProperties().get(org.losslab.app.analysis.AnalysisTabs.OWNS_ARROW_KEYS));
    }

    // ---- look ----------------------------------------------------------------------------------

    void setTheme(Theme t) {
        theme = t;
        (t == Theme.DARK ? darkItem : lightItem).setSelected(true);
        if (stage != null) {
            var sheets = stage.getScene().getStylesheets();
            sheets.setAll(Theme.url(Theme.BASE), t.stylesheet());
            if (presentationItem.isSelected()) {
                sheets.add(Theme.url(Theme.PRESENTATION));
            }
        }
        styleChanged();
    }

    private void applyPresentation(boolean on) {
        if (stage != null) {
            stage.setFullScreenExitHint("");
            stage.setFullScreen(on);
        }
        setTheme(theme);
    }

    private void styleChanged() {
        PlotStyle s = theme.plotStyle(presentationItem.isSelected());
        plot.plotStyleProperty().set(s);
        PlotStyle chart = presentationItem.isSelected() ? s.scaled(1.25, 1.5) : s;
        charts.forEach(c -> c.plotStyleProperty().set(chart));
        if (trainer != null) {
            trainer.plotStyleProperty().set(chart);
        }
    }

    /** Swaps the surface views for the network trainer (View ▸ Network trainer, Ctrl+T) and back. */
    public void showTrainer(boolean on) {
        if (trainerItem.isSelected() != on) {
            trainerItem.setSelected(on);
            return;
        }
        if (on) {
            if (trainer == null) {
                trainer = new org.losslab.app.trainer.TrainerPane(pools);
                styleChanged();
            }
            model.playback().pause();
            root.setLeft(null);
            root.setCenter(trainer);
            status.setText("Network trainer · Ctrl+T returns to the surfaces");
        } else {
            root.setCenter(centerTabs);
            root.setLeft(sideTabs);
            status.setText(" ");
        }
        timing.setVisible(!on);
    }

    /** The network trainer, or null before it was first shown. */
    public org.losslab.app.trainer.TrainerPane trainer() {
        return trainer;
    }

    // ---- files and messages ------------------------------------------------------------------------

    /** Opens a scenario; a bad file leaves the current one and says what is wrong in the banner. */
    public boolean open(Path p) {
        if (org.losslab.app.analysis.FederatedModel.isFederated(p)) {
            // A federated file is a study of its own: shown in its tab, the scenario stays.
            analysis.federatedModel().open(p);
            centerTabs.getSelectionModel().select(analysis.federatedTab());
            files.remember(p);
            setStatus("Opened " + p.getFileName() + " in the Federated tab");
            return true;
        }
        return files.openScenario(p);
    }

    /** Saves atomically; a failed write says why and leaves the old file. */
    public boolean save(Path p) {
        return files.save(p);
    }

    void showMessage(String text) {
        messageBanner.setText(text + "   (Esc or click to dismiss)");
        messageBanner.setVisible(true);
        messageBanner.setManaged(true);
        messageBanner.setOnMouseClicked(e -> hideMessage());
    }

    void hideMessage() {
        messageBanner.setVisible(false);
        messageBanner.setManaged(false);
    }

    void setStatus(String s) {
        status.setText(s);
    }

    @FXML
    private void onOpen(ActionEvent e) {
        files.askOpen();
    }

    @FXML
    private void onSave(ActionEvent e) {
        files.saveHereOrAsk();
    }

    @FXML
    private void onSaveAs(ActionEvent e) {
        files.askSaveAs();
    }

    @FXML
    private void onExportPng(ActionEvent e) {
        exporter.askPng();
    }

    @FXML
    private void onExportCsv(ActionEvent e) {
        exporter.askCsv();
    }

    @FXML
    private void onQuit(ActionEvent e) {
        if (files.confirmDiscard()) {
            stage.close();
        }
    }

    @FXML
    private void onAddRun(ActionEvent e) {
        model.addRun();
    }

    @FXML
    private void onDuplicateRun(ActionEvent e) {
        model.duplicateRun(model.selected());
    }

    @FXML
    private void onRemoveRun(ActionEvent e) {
        model.removeRun(model.selected());
    }

    @FXML
    private void onShortcuts(ActionEvent e) {
        showMessage("Space play/pause · ← → one step (Shift: 10) · Ctrl+O open · Ctrl+S save · Ctrl+E export PNG · "
                + "Ctrl+Shift+E export CSV · Ctrl+N add run · Ctrl+L sliders act on all runs · Ctrl+1/2/3 layout · "
                + "Ctrl+G gradient field · Ctrl+U update vectors · Ctrl+H Hessian at cursor · F11 presentation mode\n"
                + "Ctrl+T network trainer: Space play/pause · → one step (Shift: 10) · R reset");
    }

    // ---- for the lead, the exporter and tests ------------------------------------------------------------

    /** Installs the 3-D view (org.losslab.app.surface3d): enables "2-D beside 3-D". */
    public void setSurfaceViewFactory(Function<LabModel, Node> factory) {
        views.setSurfaceViewFactory(factory);
        with3dItem.setDisable(factory == null);
    }

    /** Shows side-panel tab i (0 scenario, 1 run, 2 step by step). */
    public void showSideTab(int i) {
        sideTabs.getSelectionModel().select(i);
    }

    /** Turns the gradient-field and update-vector overlays on or off. */
    public void setOverlays(boolean gradientField, boolean runVectors) {
        gradientFieldItem.setSelected(gradientField);
        runVectorsItem.setSelected(runVectors);
    }

    LabModel model() {
        return model;
    }

    /** The analysis panels (curvature, edge of stability, sweep, escape). */
    public org.losslab.app.analysis.AnalysisTabs analysis() {
        return analysis;
    }

    /** The tabs of the main area: the landscape first, then the analysis panels. */
    TabPane centerTabs() {
        return centerTabs;
    }

    Stage stage() {
        return stage;
    }

    PlotView plot() {
        return plot;
    }

    ViewArea views() {
        return views;
    }

    List<ChartView> charts() {
        return charts;
    }

    HBox chartsRow() {
        return chartsRow;
    }

    BorderPane root() {
        return root;
    }

    Theme theme() {
        return theme;
    }

    boolean presentation() {
        return presentationItem.isSelected();
    }

    void setPresentation(boolean on) {
        presentationItem.setSelected(on);
    }

    Label messageBanner() {
        return messageBanner;
    }

    Exporter exporter() {
        return exporter;
    }

    /** Is the network trainer shown in place of the surfaces? */
    boolean trainerShown() {
        return trainerItem.isSelected();
    }

    /** Asks before unsaved edits of the scenario are dropped; true to go on. */
    boolean confirmDiscard() {
        return files.confirmDiscard();
    }

    LessonMode lessons() {
        return lessons;
    }

    SliderBar sliders() {
        return sliders;
    }

    ScenarioPane scenarioPane() {
        return scenarioPane;
    }

    RunsPane runsPane() {
        return runs;
    }

    TabPane sideTabs() {
        return sideTabs;
    }
}
