package org.losslab.app;

import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.Duration;
import org.losslab.render.Ticks;

/**
 * A labelled slider for one number, on a linear or log₁₀ scale, with its value shown and an
 * optional marker (the learning rate's 2/λmax). Moving the thumb reports every value, so the paths
 * follow while it is dragged.
 */
final class ParamSlider extends VBox {
    private final Slider slider = new Slider();
    private final Label value = new Label();
    private final boolean log, integer;
    private final Pane overlay = new Pane();
    private final Line mark = new Line();
    private final Label markLabel = new Label();
    private double markValue = Double.NaN;
    private boolean updating;

    ParamSlider(String id, String name, String help, double min, double max, boolean log, boolean integer,
                Consumer<Double> onChange) {
        this.log = log;
        this.integer = integer;
        getStyleClass().add("param-slider");
        slider.setId(id);
        slider.setMin(log ? Math.log10(min) : min);
        slider.setMax(log ? Math.log10(max) : max);
        slider.setBlockIncrement((slider.getMax() - slider.getMin()) / 50);
        Label title = new Label(name);
        title.getStyleClass().add("slider-name");
        title.setLabelFor(slider);
        value.getStyleClass().add("slider-value");
        value.setId(id + "Value");
        Tooltip tip = new Tooltip(help);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.seconds(30));
        slider.setTooltip(tip);
        title.setTooltip(tip);
        BorderPane head = new BorderPane();
        head.setLeft(title);
        head.setRight(value);
        mark.getStyleClass().add("stability-mark");
        markLabel.getStyleClass().add("stability-label");
        overlay.getChildren().addAll(mark, markLabel);
        overlay.setMouseTransparent(true);
        // The mark follows the track's size; it must never feed back into the layout's size.
        mark.setManaged(false);
        markLabel.setManaged(false);
        overlay.setMinSize(0, 0);
        overlay.setPrefSize(0, 0);
        StackPane stack = new StackPane(slider, overlay);
        getChildren().addAll(head, stack);
        slider.valueProperty().addListener((o, a, b) -> {
            double v = actual();
            value.setText(format(v));
            if (!updating) {
                onChange.accept(v);
            }
        });
        overlay.layoutBoundsProperty().addListener(x -> placeMark());
        slider.layoutBoundsProperty().addListener(x -> placeMark());
        value.setText(format(actual()));
    }

    private double actual() {
        double v = log ? Math.pow(10, slider.getValue()) : slider.getValue();
        if (integer) {
            return Math.rint(v);
        }
        // Three significant digits: what a person would type, and what a saved file then says.
        if (v == 0) {
            return 0;
        }
        double q = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 2);
        return Math.round(v / q) * q;
    }

    /** The value as a person writes it: 0.0002, not 2e-4; whole numbers without decimals. */
    private String format(double v) {
        if (integer) {
            return Long.toString((long) v);
        }
        if (v == 0 || !Double.isFinite(v) || Math.abs(v) < 1e-7 || Math.abs(v) >= 1e7) {
            return Ticks.compact(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** Shows {@code v} without reporting it back. NaN disables the slider (the run has no such parameter). */
    void show(double v) {
        setDisable(Double.isNaN(v));
        if (Double.isNaN(v) || slider.isValueChanging()) {
            return;
        }
        updating = true;
        try {
            double s = log ? Math.log10(Math.max(v, Math.pow(10, slider.getMin()))) : v;
            if (s > slider.getMax()) {
                slider.setMax(log ? Math.ceil(s) : s);
            }
            slider.setValue(s);
            value.setText(format(v));
        } finally {
            updating = false;
        }
    }

    /**
     * Dims the slider and takes it out of use (a lesson page that does not need it), or brings it
     * back; apart from the disabling that a run without the parameter causes.
     */
    void setDimmed(boolean dimmed) {
        slider.setDisable(dimmed);
        setOpacity(dimmed ? 0.3 : 1);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dimmed"), dimmed);
    }

    boolean isDimmed() {
        return slider.isDisabled();
    }

    void setMax(double max) {
        slider.setMax(log ? Math.log10(max) : max);
    }

    /** Marks a value on the track (NaN: none), e.g. 2/λmax with the label "2/λ". */
    void setMark(double v, String label, String tip) {
        markValue = v;
        markLabel.setText(label);
        // A tooltip is a popup window with a scene of its own: make it once and change its text,
        // since this runs on every edit and every new snapshot while a slider is dragged.
        if (tip != null && markLabel.getTooltip() == null) {
            markLabel.setTooltip(new Tooltip(tip));
        } else if (tip != null && !tip.equals(markLabel.getTooltip().getText())) {
            markLabel.getTooltip().setText(tip);
        }
        placeMark();
    }

    private void placeMark() {
        boolean show = Double.isFinite(markValue) && markValue > 0;
        double s = show ? (log ? Math.log10(markValue) : markValue) : 0;
        show &= s >= slider.getMin() && s <= slider.getMax();
        mark.setVisible(show);
        markLabel.setVisible(show);
        if (!show) {
            return;
        }
        Node track = slider.lookup(".track");
        double x0, x1;
        if (track != null) {
            Bounds b = overlay.sceneToLocal(track.localToScene(track.getLayoutBounds()));
            x0 = b.getMinX();
            x1 = b.getMaxX();
        } else {
            x0 = 8;
            x1 = overlay.getWidth() - 8;
        }
        double x = x0 + (x1 - x0) * (s - slider.getMin()) / (slider.getMax() - slider.getMin());
        double h = overlay.getHeight();
        mark.setStartX(x);
        mark.setEndX(x);
        mark.setStartY(h * 0.2);
        mark.setEndY(h * 0.8);
        markLabel.autosize();
        markLabel.relocate(x + 3, h * 0.5 - markLabel.getHeight());
    }

    Slider slider() {
        return slider;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        placeMark();
    }
}
