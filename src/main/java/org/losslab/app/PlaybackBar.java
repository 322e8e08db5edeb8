package org.losslab.app;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.losslab.app.model.Playback;

/** Big play/pause and step buttons, the timeline to scrub, and the speed. */
final class PlaybackBar extends HBox {
    private final Slider timeline = new Slider();
    private boolean updating;

    PlaybackBar(Playback playback) {
        getStyleClass().add("playback-bar");
        Button start = button("|◀", "toStart", "Back to the start", () -> {
            playback.pause();
            playback.seek(0);
        });
        Button back = button("◀", "stepBack", "One step back (←)", () -> playback.stepBy(-1));
        Button play = button("▶", "playPause", "Play or pause (Space)", playback::toggle);
        play.getStyleClass().add("play-button");
        play.textProperty().bind(Bindings.when(playback.playingProperty()).then("⏸").otherwise("▶"));
        Button fwd = button("▶", "stepForward", "One step forward (→)", () -> playback.stepBy(1));
        Button end = button("▶▶|", "toEnd", "Show the whole paths", () -> {
            playback.pause();
            playback.seek(playback.lastProperty().get());
        });
        timeline.setId("timeline");
        timeline.setMin(0);
        timeline.setTooltip(new Tooltip("Scrub through the updates"));
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timeline.maxProperty().bind(playback.lastProperty());
        playback.stepProperty().addListener((o, a, b) -> {
            updating = true;
            timeline.setValue(b.doubleValue());
            updating = false;
        });
        timeline.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                playback.pause();
                playback.seek(Math.round(b.doubleValue()));
            }
        });
        Label step = new Label();
        step.setId("stepLabel");
        step.getStyleClass().add("step-label");
        step.textProperty().bind(Bindings.createStringBinding(
                () -> "step " + playback.step() + " / " + playback.lastProperty().get(), playback.stepProperty(),
                playback.lastProperty()));
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        speed.getItems().setAll(10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0);
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : String.format("%.0f steps/s", d);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replaceAll("[^0-9.]", ""));
            }
        });
        speed.setValue(playback.speedProperty().get());
        speed.valueProperty().addListener((o, a, b) -> playback.speedProperty().set(b));
        speed.setTooltip(new Tooltip("Playback speed"));
        getChildren().addAll(start, back, play, fwd, end, timeline, step, speed);
        timeline.setValue(playback.step());
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("transport");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
