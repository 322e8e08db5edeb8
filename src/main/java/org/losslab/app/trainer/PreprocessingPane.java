package org.losslab.app.trainer;

import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.losslab.app.controls.ParamForm;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.engine.mlp.TrainingOptions;
import org.losslab.format.Param;
import org.losslab.format.Schema;
import org.losslab.format.Typed;

/**
 * What is done to the input points before the network sees them: PCA whitening (a generated form).
 * The boundary view then shows the points as the network sees them, whitened, with the decision
 * boundary over the whitened plane.
 */
final class PreprocessingPane extends VBox {
    static final Schema PREPROCESSING = new Schema("preprocessing", "Preprocessing", "what is done to the inputs first",
            List.of(Param.bool("whiten", false,
                    "PCA whitening: rotate the points onto their principal axes and scale each to unit variance, "
                            + "x̃ = Λ^−½·Vᵀ(x − μ) from the training set (mean 0, covariance I). Decorrelated inputs of "
                            + "equal variance let gradient descent take the same step in every direction (LeCun et al. 1998).")));

    private final TrainerModel model;
    private final ParamForm form;
    private final Label caption = new Label();

    PreprocessingPane(TrainerModel model) {
        this.model = model;
        setSpacing(4);
        form = new ParamForm(PREPROCESSING, value(), this::apply);
        form.setId("preprocessingForm");
        caption.getStyleClass().add("formula");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Wrap at the side panel's width instead of asking for the whole sentence's.
        caption.setPrefWidth(0);
        caption.setMaxWidth(280);
        getChildren().setAll(form, caption);
        model.setup().configProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        form.refresh(value());
        boolean on = model.setup().current().options().whiten();
        caption.setText(on ? "Shown as trained, whitened: the plot's axes are the principal directions, each of unit variance." : "");
        caption.setVisible(on);
        caption.setManaged(on);
    }

    private Typed value() {
        return new Typed("preprocessing", Map.of()).with("whiten", model.setup().current().options().whiten());
    }

    private String apply(Typed t) {
        boolean w = PREPROCESSING.bool(t, "whiten");
        TrainingOptions o = model.setup().current().options();
        return w == o.whiten() ? null : model.setup().setOptions(o.withWhiten(w));
    }
}
