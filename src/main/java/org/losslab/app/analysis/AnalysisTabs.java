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
    private final EscapeModel escapeModel;
    private final FederatedModel federatedModel;
    private final Tab sweepTab, escapeTab, federatedTab, sharpnessTab, curvatureTab;
    private final LabModel lab;
    // The panes are built when their tab is first shown or they are first asked for: a window
    // opens faster without building and styling five panels nobody has looked at yet.
    private final Runnable showLandscape;
    private final WorkPools pools;
    private final ObservableValue<double[]> cursor;
    private final ObservableValue<PlotStyle> style;
    private final ObjectProperty<List<PlotScene.Arrow>> arrows;
    private SweepPane sweep;
    private EscapePane escape;
    private FederatedPane federated;
    private SharpnessPane sharpness;
    private CurvaturePane curvature;

    private AnalysisTabs(LabModel lab, WorkPools pools, ObservableValue<double[]> cursor, ObservableValue<PlotStyle> style,
                         ObjectProperty<List<PlotScene.Arrow>> arrows, TabPane center) {
        this.lab = lab;
        this.pools = pools;
        this.cursor = cursor;
        this.style = style;
        this.arrows = arrows;
        showLandscape = () -> center.getSelectionModel().select(0);
        sweepModel = new SweepModel(lab, pools.jobs(), Platform::runLater);
        escapeModel = new EscapeModel(lab, pools.jobs(), Platform::runLater);
        federatedModel = new FederatedModel(pools.jobs(), Platform::runLater);
        sharpnessTab = new Tab("Edge of stability");
        sweepTab = new Tab("Sweep");
        escapeTab = new Tab("Escape");
        federatedTab = new Tab("Federated");
        curvatureTab = new Tab("Curvature");
        for (Tab t : new Tab[] {sharpnessTab, sweepTab, escapeTab, federatedTab, curvatureTab}) {
            t.setClosable(false);
            t.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    build(t);
                }
            });
        }
    }

    /** Builds the pane of tab {@code t} if it is not built yet. */
    private void build(Tab t) {
        if (t == sweepTab) {
            sweepPane();
        } else if (t == escapeTab) {
            escapePane();
        } else if (t == federatedTab) {
            federatedPane();
        } else if (t == sharpnessTab) {
            sharpnessPane();
        } else if (t == curvatureTab) {
            curvaturePane();
        }
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
        for (Tab t : new Tab[] {a.sharpnessTab, a.sweepTab, a.escapeTab, a.federatedTab, a.curvatureTab}) {
            if (t.isSelected()) {
                a.build(t);
            }
        }
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
        if (sweep == null) {
            sweep = new SweepPane(lab, sweepModel, showLandscape, style);
            sweepTab.setContent(sweep);
        }
        return sweep;
    }

    public EscapeModel escapeModel() {
        return escapeModel;
    }

    public EscapePane escapePane() {
        if (escape == null) {
            escape = new EscapePane(escapeModel, style);
            escapeTab.setContent(escape);
        }
        return escape;
    }

    public FederatedModel federatedModel() {
        return federatedModel;
    }

    public FederatedPane federatedPane() {
        if (federated == null) {
            federated = new FederatedPane(federatedModel, style, pools.render());
            federatedTab.setContent(federated);
        }
        return federated;
    }

    public Tab federatedTab() {
        return federatedTab;
    }

    public SharpnessPane sharpnessPane() {
        if (sharpness == null) {
            sharpness = new SharpnessPane(lab, style, pools.render());
            sharpness.showingProperty().bind(sharpnessTab.selectedProperty());
            sharpnessTab.setContent(sharpness);
        }
        return sharpness;
    }

    public CurvaturePane curvaturePane() {
        if (curvature == null) {
            curvature = new CurvaturePane(lab, cursor, arrows);
            curvature.showingProperty().bind(curvatureTab.selectedProperty());
            curvatureTab.setContent(curvature.inScroll());
        }
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
