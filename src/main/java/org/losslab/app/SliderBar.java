package org.losslab.app;

import java.util.List;
import java.util.function.UnaryOperator;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.losslab.app.model.LabModel;
import org.losslab.app.model.Snapshot;
import org.losslab.engine.surface.Surface;
import org.losslab.format.OptimizerCatalog;
import org.losslab.format.RunOptions;
import org.losslab.format.RunSpec;
import org.losslab.format.Schema;
import org.losslab.format.Typed;
import org.losslab.render.Eigen2;
import org.losslab.render.Ticks;

/**
 * The sliders a class plays with: learning rate (log scale, with the stability limit 2/λmax of the
 * start point marked), momentum or β₁, Langevin temperature, warmup steps, SAM radius and the
 * number of steps. They act on the selected run, or on every run when linked.
 */
final class SliderBar extends HBox {
    private final LabModel model;
    private final ParamSlider lr, momentum, temperature, warmup, sam, steps;
    private final CheckBox linked = new CheckBox("All runs");
    private final double[] h = new double[3];

    SliderBar(LabModel model) {
        this.model = model;
        getStyleClass().add("slider-bar");
        lr = new ParamSlider("lrSlider", "lr η", OptimizerCatalog.schema("sgd").param("lr").orElseThrow().help()
                + "\nThe mark 2/λ is 2/λmax of the Hessian at the start: above it plain gradient descent diverges on a quadratic.",
                1e-5, 10, true, false, v -> edit(r -> withLr(r, v)));
        momentum = new ParamSlider("momentumSlider", "μ / β₁",
                "Momentum μ (SGD, RMSprop) or β₁ (Adam, AdamW, NAdam): how much of the previous step carries over.",
                0, 0.999, false, false, v -> edit(r -> withMomentum(r, v)));
        temperature = new ParamSlider("temperatureSlider", "noise T",
                RunOptions.SCHEMA.param("noiseTemperature").orElseThrow().help(), 0, 1, false, false,
                v -> edit(r -> r.withNoiseTemperature(v)));
        warmup = new ParamSlider("warmupSlider", "warmup", RunOptions.SCHEMA.param("warmupSteps").orElseThrow().help(),
                0, 1000, false, true, v -> edit(r -> r.withWarmupSteps(v.longValue())));
        sam = new ParamSlider("samSlider", "SAM ρ", RunOptions.SCHEMA.param("samRho").orElseThrow().help(), 0, 1,
                false, false, v -> edit(r -> r.withSamRho(v)));
        steps = new ParamSlider("stepsSlider", "steps", "Number of updates per run.", 10, 100_000, true, true,
                v -> model.edit(s -> s.withSteps(v.longValue())));
        linked.setId("linkRuns");
        linked.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        linked.setTooltip(new Tooltip("Sliders act on every run at once instead of the selected run."));
        linked.selectedProperty().bindBidirectional(model.linkedProperty());
        for (ParamSlider p : List.of(lr, momentum, temperature, warmup, sam, steps)) {
            HBox.setHgrow(p, Priority.ALWAYS);
            p.setMinWidth(90);
        }
        HBox.setHgrow(lr, Priority.SOMETIMES);
        lr.setMinWidth(150);
        getChildren().addAll(lr, momentum, temperature, warmup, sam, steps, linked);
        model.scenarioProperty().addListener(x -> refresh());
        model.selectedProperty().addListener(x -> refresh());
        model.snapshotProperty().addListener(x -> refreshMark());
        refresh();
    }

    private void edit(UnaryOperator<RunSpec> change) {
        model.editActiveRuns(change);
    }

    static RunSpec withLr(RunSpec r, double v) {
        Typed o = r.optimizer();
        return OptimizerCatalog.schema(o.type()).param("lr").isPresent() ? r.withOptimizer(o.with("lr", v)) : r;
    }

    static RunSpec withMomentum(RunSpec r, double v) {
        Typed o = r.optimizer();
        Schema s = OptimizerCatalog.schema(o.type());
        if (s.param("momentum").isPresent()) {
            return r.withOptimizer(o.with("momentum", v));
        }
        if (s.param("betas").isPresent()) {
            return r.withOptimizer(o.with("betas", List.of(v, s.pair(o, "betas").get(1))));
        }
        return r;
    }

    static double momentumOf(RunSpec r) {
        Typed o = r.optimizer();
        Schema s = OptimizerCatalog.schema(o.type());
        if (s.param("momentum").isPresent()) {
            return s.number(o, "momentum");
        }
        if (s.param("betas").isPresent()) {
            return s.pair(o, "betas").get(0);
        }
        return Double.NaN;
    }

    private void refresh() {
        var sc = model.scenario();
        if (sc == null) {
            return;
        }
        RunSpec r = sc.runs().get(model.selected());
        Schema s = OptimizerCatalog.schema(r.optimizer().type());
        lr.show(s.number(r.optimizer(), "lr"));
        momentum.show(momentumOf(r));
        temperature.show(r.noiseTemperature());
        warmup.setMax(Math.max(10, sc.steps()));
        warmup.show(r.warmupSteps());
        sam.show(r.samRho());
        steps.show(Math.max(10, sc.steps()));
        refreshMark();
    }

    /** 2/λmax at the start point, from the Hessian of the surface there. */
    private void refreshMark() {
        Snapshot snap = model.snapshot();
        if (snap == null) {
            return;
        }
        Surface surface = snap.surface();
        var st = snap.scenario().start();
        surface.hessian(st.x(), st.y(), 0, h);
        double lim = Eigen2.stabilityLimit(Eigen2.max(h[0], h[1], h[2]));
        lr.setMark(lim, "2/λ", Double.isNaN(lim) ? null
                : "2/λmax = " + Ticks.compact(lim) + " at the start: the largest stable rate of gradient descent there.");
    }

    /**
     * Leaves in use only the sliders named (a lesson page's controls: lr, momentum, temperature, warmup,
     * samRho, steps) and dims the others; null brings every slider back.
     */
    void useOnly(java.util.Collection<String> names) {
        String[] keys = {"lr", "momentum", "temperature", "warmup", "samRho", "steps"};
        ParamSlider[] all = {lr, momentum, temperature, warmup, sam, steps};
        for (int i = 0; i < keys.length; i++) {
            all[i].setDimmed(names != null && !names.contains(keys[i]));
        }
        linked.setDisable(names != null && java.util.Arrays.stream(keys).noneMatch(names::contains));
    }

    ParamSlider lrSlider() {
        return lr;
    }
}
