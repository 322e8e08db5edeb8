package org.losslab.app.analysis;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.WorkPools;
import org.losslab.render.PlotScene;
import org.losslab.render.PlotStyle;

/**
 * Puts issue 5's panels into the main window: the curvature readout as a side tab, edge of
 * stability, sweep and escape as tabs beside the landscape. Everything they need comes in here, so
 * the window's own code only calls {@link #install}.
 */
public final class AnalysisTabs {
    /**
     * Key of a node property: true on nodes that use the arrow keys themselves (the sweep heatmap
     * moves its cell), so the window's arrow-key playback shortcut leaves them alone.
     */
    public static final String OWNS_ARROW_KEYS = "losslab.ownsArrowKeys";
    private final SweepModel sweepModel;
    private final SweepPane sweep;
    private final EscapeModel escapeModel;
    private final EscapePane escape;
    private final FederatedModel federatedModel;
    private final FederatedPane federated;
    private final SharpnessPane sharpness;
    private final CurvaturePane curvature;
    private final Tab sweepTab, escapeTab, federatedTab, sharpnessTab, curvatureTab;
    private final LabModel lab;

    private AnalysisTabs(LabModel lab, WorkPools pools, ObservableValue<double[]> cursor, ObservableValue<PlotStyle> style,
                         ObjectProperty<List<PlotScene.Arrow>> arrows, TabPane center) {
        this.lab = lab;
        Runnable showLandscape = () -> center.getSelectionModel().select(0);
        sweepModel = new SweepModel(lab, pools.jobs(), Platform::runLater);
        sweep = new SweepPane(lab, sweepModel, showLandscape, style);
        escapeModel = new EscapeModel(lab, pools.jobs(), Platform::runLater);
        escape = new EscapePane(escapeModel, style);
        federatedModel = new FederatedModel(pools.jobs(), Platform::runLater);
        federated = new FederatedPane(federatedModel, style, pools.render());
        sharpness = new SharpnessPane(lab, style, pools.render());
        curvature = new CurvaturePane(lab, cursor, arrows);
        sharpnessTab = new Tab("Edge of stability", sharpness);
        sweepTab = new Tab("Sweep", sweep);
        escapeTab = new Tab("Escape", escape);
        federatedTab = new Tab("Federated", federated);
        curvatureTab = new Tab("Curvature", curvature.inScroll());
        for (Tab t : new Tab[] {sharpnessTab, sweepTab, escapeTab, federatedTab, curvatureTab}) {
            t.setClosable(false);
        }
        sharpness.showingProperty().bind(sharpnessTab.selectedProperty());
        curvature.showingProperty().bind(curvatureTab.selectedProperty());
    }

    /**
     * Adds the panels.
     *
     * @param pools  the app's threads: long jobs for sweeps and studies, the render thread for the sharpness series
     * @param cursor the data point under the mouse in the 2-D view, or null
     * @param style  the plot style of the theme (charts follow it)
     * @param arrows the 2-D view's extra vectors (the curvature tab draws eigen-directions there)
     * @param center the tabs of the main area (tab 0 is the landscape)
     * @param side   the side panel's tabs
     */
    public static AnalysisTabs install(LabModel lab, WorkPools pools, ObservableValue<double[]> cursor,
                                       ObservableValue<PlotStyle> style, ObjectProperty<List<PlotScene.Arrow>> arrows,
                                       TabPane center, TabPane side) {
        AnalysisTabs a = new AnalysisTabs(lab, pools, cursor, style, arrows, center);
        center.getTabs().addAll(a.sharpnessTab, a.sweepTab, a.escapeTab, a.federatedTab);
        side.getTabs().add(a.curvatureTab);
        return a;
    }

    /** The main window's view model the panels read and load runs into. */
    public LabModel lab() {
        return lab;
    }

    public SweepModel sweepModel() {
        return sweepModel;
    }

    public SweepPane sweepPane() {
        return sweep;
    }

    public EscapeModel escapeModel() {
        return escapeModel;
    }

    public EscapePane escapePane() {
        return escape;
    }

    public FederatedModel federatedModel() {
        return federatedModel;
    }

    public FederatedPane federatedPane() {
        return federated;
    }

    public Tab federatedTab() {
        return federatedTab;
    }

    public SharpnessPane sharpnessPane() {
        return sharpness;
    }

    public CurvaturePane curvaturePane() {
        return curvature;
    }

    public Tab sweepTab() {
        return sweepTab;
    }

    public Tab escapeTab() {
        return escapeTab;
    }

    public Tab sharpnessTab() {
        return sharpnessTab;
    }

    public Tab curvatureTab() {
        return curvatureTab;
    }
}
