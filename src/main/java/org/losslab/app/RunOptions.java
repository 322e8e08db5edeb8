package org.losslab.app;

import java.util.List;
import java.util.Map;
import org.losslab.format.Param;
import org.losslab.format.Point;
import org.losslab.format.RunSpec;
import org.losslab.format.Schema;
import org.losslab.format.Typed;
import org.losslab.format.scenario.Scenario;

/**
 * The run and scenario keys outside the catalogs, described as schemas so the same generated form
 * edits them, with the spec's meaning as help.
 */
final class RunOptions {
    static final Schema RUN = new Schema("run", "Run options", "the spec's per-update pipeline: SAM, clipping, warmup, noise",
            List.of(Param.integer("warmupSteps", 0L, 0, Scenario.MAX_STEPS,
                            "Linear warmup W: for t < W the rate is lr·(t+1)/W, then the schedule starts."),
                    Param.nonNegative("noiseTemperature", 0.0,
                            "Langevin temperature T: after each update add √(2·lr·T)·ξ, ξ ~ N(0, I). Lets runs hop out of sharp minima."),
                    Param.nonNegative("samRho", 0.0,
                            "SAM radius ρ: take the gradient at θ + ρ·g/‖g‖, the worst nearby point, which favours flat minima."),
                    Param.positive("clipNorm", null,
                            "Gradient-norm clip c: g ← g·min(1, c/(‖g‖ + 1e-6)), as torch.nn.utils.clip_grad_norm_.").derived("no clipping"),
                    Param.integer("batchSize", null, 1, Integer.MAX_VALUE,
                            "Minibatch size on finite-sum surfaces (regression); the gradient is the mean over a random batch.").derived("full batch")));

    static final Schema SCENARIO = new Schema("scenario", "Scenario", "start, length and seed of the race",
            List.of(Param.real("startX", null, "x of the start point of every run (click the plot to move it).").required(),
                    Param.real("startY", null, "y of the start point of every run.").required(),
                    Param.integer("steps", null, 0, Scenario.MAX_STEPS, "Number of updates per run.").required(),
                    Param.integer("seed", 0L, Long.MIN_VALUE, Long.MAX_VALUE, "Seed of the Langevin noise and the minibatches.")));

    private RunOptions() {
    }

    static Typed of(RunSpec r) {
        Typed t = new Typed("run", Map.of());
        if (r.warmupSteps() != 0) {
            t = t.with("warmupSteps", r.warmupSteps());
        }
        if (r.noiseTemperature() != 0) {
            t = t.with("noiseTemperature", r.noiseTemperature());
        }
        if (r.samRho() != 0) {
            t = t.with("samRho", r.samRho());
        }
        if (r.clipNorm() != null) {
            t = t.with("clipNorm", r.clipNorm());
        }
        if (r.batchSize() != null) {
            t = t.with("batchSize", (long) r.batchSize());
        }
        return t;
    }

    static RunSpec apply(RunSpec r, Typed t) {
        Object clip = t.params().get("clipNorm"), batch = t.params().get("batchSize");
        return r.withWarmupSteps(RUN.integer(t, "warmupSteps"))
                .withNoiseTemperature(RUN.number(t, "noiseTemperature"))
                .withSamRho(RUN.number(t, "samRho"))
                .withClipNorm(clip == null ? null : ((Number) clip).doubleValue())
                .withBatchSize(batch == null ? null : (int) Math.min(Integer.MAX_VALUE, ((Number) batch).longValue()));
    }

    static Typed of(Scenario s) {
        return new Typed("scenario", Map.of()).with("startX", s.start().x()).with("startY", s.start().y())
                .with("steps", s.steps()).with("seed", s.seed());
    }

    static Scenario apply(Scenario s, Typed t) {
        return s.withStart(new Point(SCENARIO.number(t, "startX"), SCENARIO.number(t, "startY")))
                .withSteps(SCENARIO.integer(t, "steps")).withSeed(SCENARIO.integer(t, "seed"));
    }
}
