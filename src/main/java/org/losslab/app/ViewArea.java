package org.losslab.app;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import org.losslab.app.model.LabModel;

/**
 * The views: the 2-D plot alone, or split with a second view — the 3-D surface (a node made by
 * the factory given to {@link #setSurfaceViewFactory}) or the same runs on another surface.
 */
final class ViewArea extends StackPane {
    /** What the view area shows. */
    enum Mode { SINGLE, WITH_3D, TWO_SURFACES }

    private final LabModel model;
    private final PlotView plot;
    private final Supplier<CompareView> compareFactory;
    private final FrameLoop loop;
    private final SplitPane split = new SplitPane();
    private Function<LabModel, Node> surfaceFactory;
    private Node surfaceView;
    private CompareView compare;
    private Mode mode = Mode.SINGLE;

    ViewArea(LabModel model, PlotView plot, Supplier<CompareView> compareFactory, FrameLoop loop) {
        this.model = model;
        this.plot = plot;
        this.compareFactory = compareFactory;
        this.loop = loop;
        getStyleClass().add("view-area");
        getChildren().setAll(plot);
    }

    /** Installs the 3-D view: {@code factory} makes its node for the model (called once, when first shown). */
    void setSurfaceViewFactory(Function<LabModel, Node> factory) {
        this.surfaceFactory = factory;
        this.surfaceView = null;
    }

    boolean hasSurfaceView() {
        return surfaceFactory != null;
    }

    Mode mode() {
        return mode;
    }

    /** The second view when split, or null. */
    Node secondary() {
        return mode == Mode.WITH_3D ? surfaceView : mode == Mode.TWO_SURFACES ? compare : null;
    }

    CompareView compare() {
        return compare;
    }

    void setMode(Mode m) {
        if (m == Mode.WITH_3D && surfaceFactory == null) {
            m = Mode.SINGLE;
        }
        if (compare != null && m != Mode.TWO_SURFACES) {
            loop.remove(compare.view());
        }
        mode = m;
        switch (m) {
            case SINGLE:
                getChildren().setAll(plot);
                return;
            case WITH_3D:
                if (surfaceView == null) {
                    surfaceView = surfaceFactory.apply(model);
                }
                split.getItems().setAll(plot, surfaceView);
                break;
            case TWO_SURFACES:
                if (compare == null) {
                    compare = compareFactory.get();
                }
                compare.view().plotStyleProperty().bind(plot.plotStyleProperty());
                compare.view().overlaysProperty().bind(plot.overlaysProperty());
                loop.add(compare.view());
                split.getItems().setAll(plot, compare);
                break;
            default:
                throw new AssertionError(m);
        }
        split.setDividerPositions(0.5);
        getChildren().setAll(split);
    }
}
