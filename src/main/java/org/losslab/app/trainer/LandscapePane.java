package org.losslab.app.trainer;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.losslab.app.controls.ParamForm;
import org.losslab.app.surface3d.SurfaceView3D;
import org.losslab.app.trainer.model.SliceResult;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.format.Param;
import org.losslab.format.Schema;
import org.losslab.format.Typed;

/**
 * The network's own landscape (Li et al. 2018): grid size, range and directions chosen in a generated
 * form, Compute / Cancel with a progress bar, and the slice in the 2-D view or, switched on, the 3-D
 * view the surfaces use.
 */
final class LandscapePane extends VBox {
    static final Schema SLICE = new Schema("slice", "Loss slice", "the plane θ* + α·d₁ + β·d₂ through the current weights",
            List.of(Param.integer("grid", 41L, 2, 400,
                            "Points per side of the grid; each point is one pass over the training set (n² passes in all)."),
                    Param.positive("range", 1.0,
                            "The grid spans α, β ∈ [−range, range]. Filter-normalized directions have the weights' own scale, so 1 reaches as far again as the weights are long."),
                    Param.bool("pca", false,
                            "Use the top two principal directions of the run's recorded weight path (Li et al. §7) instead of random filter-normalized ones: the path then lies nearly in the plane."),
                    Param.integer("directionSeed", 7L, Long.MIN_VALUE, Long.MAX_VALUE,
                            "Seed of the two random directions; the same seed gives the same plane at the same weights.")));

    private final TrainerModel model;
    private final ParamForm form;
    private final SliceView view;
    private final StackPane viewSlot = new StackPane();
    private final CheckBox show3d = new CheckBox("3-D");
    private final ProgressBar progress = new ProgressBar(0);
    private final Button compute = new Button("Compute");
    private final Button cancel = new Button("Cancel");
    private final Label caption = new Label();
    private final Executor meshes;
    private SurfaceView3D view3d;

    /** @param meshes builds the 3-D view's meshes */
    LandscapePane(TrainerModel model, Executor meshes) {
        this.model = model;
        this.meshes = meshes;
        getStyleClass().add("landscape-pane");
        setSpacing(6);
        view = new SliceView(model);
        view.setId("sliceView");
        form = new ParamForm(SLICE, new Typed("slice", java.util.Map.of()), SetupSchemas.checked(SLICE, t -> null));
        compute.setId("computeSlice");
        compute.setDefaultButton(false);
        compute.setTooltip(new Tooltip("Compute the training loss on the grid around the shown run's current weights, in the background."));
        compute.setOnAction(e -> compute());
        cancel.setId("cancelSlice");
        cancel.setTooltip(new Tooltip("Stop the computation."));
        cancel.setOnAction(e -> model.slice().cancel());
        cancel.disableProperty().bind(model.slice().runningProperty().not());
        progress.setId("sliceProgress");
        progress.progressProperty().bind(model.slice().progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setMinWidth(60);
        progress.setTooltip(new Tooltip("Rows of the grid computed."));
        show3d.setId("slice3d");
        show3d.setTooltip(new Tooltip("Show the slice as a 3-D surface (drag to rotate) instead of contours."));
        show3d.selectedProperty().addListener((o, a, b) -> placeView());
        caption.getStyleClass().add("formula");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        model.slice().sliceProperty().addListener((o, a, s) -> showSlice(s));
        HBox buttons = new HBox(6, compute, cancel, show3d, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(progress, Priority.ALWAYS);
        viewSlot.getChildren().setAll(view);
        VBox.setVgrow(viewSlot, Priority.ALWAYS);
        getChildren().setAll(form, buttons, caption, viewSlot);
    }

    SliceView sliceView() {
        return view;
    }

    private void compute() {
        Typed t = form.value();
        model.computeSlice((int) SLICE.integer(t, "grid"), SLICE.number(t, "range"), SLICE.bool(t, "pca"),
                SLICE.integer(t, "directionSeed"));
    }

    private void showSlice(SliceResult s) {
        caption.setText(s == null ? "" : s.caption(model.setup().label(s.run())));
        if (view3d != null && s != null) {
            view3d.setSurface(s.surface(), s.surface().defaultView());
            view3d.setTrajectories(List.of(s.path()), List.of(model.setup().color(s.run())), List.of(true));
        }
    }

    private void placeView() {
        if (show3d.isSelected()) {
            if (view3d == null) {
                view3d = new SurfaceView3D(meshes);
                view3d.setId("slice3dView");
                showSlice(model.slice().sliceProperty().get());
            }
            viewSlot.getChildren().setAll(view3d);
        } else {
            viewSlot.getChildren().setAll(view);
        }
    }
}
