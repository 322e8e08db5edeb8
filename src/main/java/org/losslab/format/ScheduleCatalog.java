package org.losslab.format;

import static org.losslab.format.Param.bool;
import static org.losslab.format.Param.choice;
import static org.losslab.format.Param.integer;
import static org.losslab.format.Param.nonNegative;
import static org.losslab.format.Param.positive;

import java.util.List;
import org.losslab.engine.schedule.ConstantSchedule;
import org.losslab.engine.schedule.CosineRestartsSchedule;
import org.losslab.engine.schedule.CosineSchedule;
import org.losslab.engine.schedule.CyclicSchedule;
import org.losslab.engine.schedule.ExponentialSchedule;
import org.losslab.engine.schedule.LinearSchedule;
import org.losslab.engine.schedule.MultiStepSchedule;
import org.losslab.engine.schedule.OneCycleSchedule;
import org.losslab.engine.schedule.PlateauSchedule;
import org.losslab.engine.schedule.ScheduleConfig;
import org.losslab.engine.schedule.ScheduleParameterException;
import org.losslab.engine.schedule.StepSchedule;

/** The learning-rate schedules a run may name, as torch.optim.lr_scheduler defines them. */
public final class ScheduleCatalog {
    private static final long BIG = Integer.MAX_VALUE;
    private static final Schemas SCHEMAS = new Schemas();

    static {
        SCHEMAS.add("constant", "Constant", "lr(s) = lr");
        SCHEMAS.add("step", "Step decay (StepLR)", "lr·γ^⌊s/stepSize⌋",
                integer("stepSize", null, 1, BIG, "Updates between decays.").required(),
                nonNegative("gamma", 0.1, "Factor γ applied at each decay."));
        SCHEMAS.add("multiStep", "Milestones (MultiStepLR)", "lr·γ^(milestones ≤ s)",
                Param.integerList("milestones", "Updates (after warmup) at which the rate is multiplied by γ.").required(),
                nonNegative("gamma", 0.1, "Factor γ applied at each milestone."));
        SCHEMAS.add("exponential", "Exponential decay (ExponentialLR)", "lr·γ^s",
                nonNegative("gamma", null, "Factor γ applied every update.").required());
        SCHEMAS.add("cosine", "Cosine annealing (CosineAnnealingLR)", "ηmin + (lr − ηmin)(1 + cos(π·min(s, T)/T))/2",
                integer("tMax", null, 1, BIG, "Length T of the half cosine, in updates.").derived("steps − warmupSteps"),
                nonNegative("etaMin", 0.0, "Rate ηmin at the end of the cosine."));
        SCHEMAS.add("cosineRestarts", "Cosine with warm restarts (CosineAnnealingWarmRestarts)",
                "cosine over cycles of length T₀, T₀·m, T₀·m², …, jumping back to lr at each restart",
                integer("t0", null, 1, BIG, "Length T₀ of the first cycle.").required(),
                integer("tMult", 1L, 1, 1000, "Growth factor m of each next cycle."),
                nonNegative("etaMin", 0.0, "Rate ηmin at the end of each cycle."));
        SCHEMAS.add("linear", "Linear (LinearLR)", "lr·(f₀ + (f₁ − f₀)·min(s, T)/T)",
                Param.number("startFactor", 1.0, 0, true, 1, "Factor f₀ at s = 0."),
                Param.number("endFactor", 0.0, 0, false, 1, "Factor f₁ at s ≥ T."),
                integer("totalIters", null, 1, BIG, "Length T of the ramp.").derived("steps − warmupSteps"));
        SCHEMAS.add("oneCycle", "One cycle (OneCycleLR)",
                "warm up from maxLr/div to maxLr over pctStart of the steps, then anneal to maxLr/(div·finalDiv)",
                positive("maxLr", null, "Peak learning rate (the optimizer's lr is not used).").required(),
                integer("totalSteps", null, 1, BIG, "Length of the cycle in updates.").derived("steps − warmupSteps"),
                Param.number("pctStart", 0.3, 0, true, 1, "Fraction of the cycle spent increasing the rate.").below(1),
                positive("divFactor", 25.0, "Initial rate = maxLr / divFactor."),
                positive("finalDivFactor", 1e4, "Final rate = initial rate / finalDivFactor."),
                choice("annealStrategy", "cos", List.of("cos", "linear"), "Shape of each phase."),
                bool("threePhase", false, "Three phases: up, back down to the initial rate, then annihilate."));
        SCHEMAS.add("cyclic", "Cyclic (CyclicLR)", "triangle waves between baseLr and maxLr",
                nonNegative("baseLr", null, "Lower rate of the cycle (the optimizer's lr is not used).").required(),
                nonNegative("maxLr", null, "Upper rate of the cycle.").required(),
                integer("stepSizeUp", 2000L, 1, BIG, "Updates from baseLr up to maxLr."),
                integer("stepSizeDown", null, 1, BIG, "Updates from maxLr back down.").derived("stepSizeUp"),
                choice("mode", "triangular", List.of("triangular", "triangular2", "exp_range"),
                        "triangular: constant amplitude; triangular2: halved each cycle; exp_range: scaled by γ^s."),
                nonNegative("gamma", 1.0, "γ of exp_range mode."));
        SCHEMAS.add("plateau", "Reduce on plateau (ReduceLROnPlateau)",
                "multiply the rate by factor when the loss has not improved by threshold for patience updates",
                Param.number("factor", 0.1, 0, false, 1, "Factor by which the rate is cut.").below(1),
                integer("patience", 10L, 0, BIG, "Updates without improvement to wait before cutting."),
                nonNegative("threshold", 1e-4, "Relative improvement that counts as better."),
                integer("cooldown", 0L, 0, BIG, "Updates to wait after a cut before counting again."),
                nonNegative("minLr", 0.0, "The rate never goes below this."),
                nonNegative("eps", 1e-8, "Cuts smaller than this are ignored."));
    }

    private ScheduleCatalog() {
    }

    public static List<String> types() {
        return SCHEMAS.types();
    }

    public static Schema schema(String type) {
        return SCHEMAS.get(type);
    }

    /**
     * Cross-parameter checks that need the scenario: a one-cycle shorter than the run (torch raises).
     *
     * @param n updates after warmup
     * @return {key, problem} or null
     */
    public static String[] check(Typed t, long n) {
        try {
            build(t).validate(n);
            return null;
        } catch (ScheduleParameterException e) {
            String msg = e.getMessage();
            String p = e.parameter();
            if (msg.startsWith(p + " ")) {
                msg = msg.substring(p.length() + 1);
            }
            return new String[] {p, msg};
        }
    }

    /** The engine's config for a checked schedule object. */
    public static ScheduleConfig build(Typed t) {
        Schema s = SCHEMAS.get(t.type());
        switch (t.type()) {
            case "constant":
                return new ConstantSchedule();
            case "step":
                return new StepSchedule((int) s.integer(t, "stepSize"), s.number(t, "gamma"));
            case "multiStep":
                return new MultiStepSchedule(s.integers(t, "milestones").stream().map(Long::intValue).toList(), s.number(t, "gamma"));
            case "exponential":
                return new ExponentialSchedule(s.number(t, "gamma"));
            case "cosine":
                return new CosineSchedule((Long) s.get(t, "tMax"), s.number(t, "etaMin"));
            case "cosineRestarts":
                return new CosineRestartsSchedule((int) s.integer(t, "t0"), (int) s.integer(t, "tMult"), s.number(t, "etaMin"));
            case "linear":
                return new LinearSchedule(s.number(t, "startFactor"), s.number(t, "endFactor"), (Long) s.get(t, "totalIters"));
            case "oneCycle":
                return new OneCycleSchedule(s.number(t, "maxLr"), (Long) s.get(t, "totalSteps"), s.number(t, "pctStart"),
                        s.number(t, "divFactor"), s.number(t, "finalDivFactor"), s.string(t, "annealStrategy"),
                        s.bool(t, "threePhase"));
            case "cyclic":
                return new CyclicSchedule(s.number(t, "baseLr"), s.number(t, "maxLr"), (int) s.integer(t, "stepSizeUp"),
                        t.has("stepSizeDown") ? (int) s.integer(t, "stepSizeDown") : null, s.string(t, "mode"), s.number(t, "gamma"));
            case "plateau":
                return new PlateauSchedule(s.number(t, "factor"), (int) s.integer(t, "patience"), s.number(t, "threshold"),
                        (int) s.integer(t, "cooldown"), s.number(t, "minLr"), s.number(t, "eps"));
            default:
                throw new IllegalArgumentException("unknown schedule " + t.type());
        }
    }
}
