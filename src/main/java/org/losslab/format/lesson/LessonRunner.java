package org.losslab.format.lesson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.losslab.engine.Cancellation;
import org.losslab.engine.Progress;
import org.losslab.engine.analysis.EscapeResult;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.engine.lesson.EscapeQuantity;
import org.losslab.engine.lesson.PathQuantity;
import org.losslab.engine.lesson.SweepQuantity;
import org.losslab.engine.lesson.TrainingCurves;
import org.losslab.engine.lesson.TrainingQuantity;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.update.RunSettings;
import org.losslab.format.sweep.SweepSpec;

/**
 * Evaluates a lesson's checks on the lesson's own settings: computes each page's setup that a check
 * reads, once (a scenario's runs, a training's runs, a sweep's grid, an escape study's wells), and
 * measures every check on it with {@code engine.lesson}'s quantities.
 */
public final class LessonRunner {
    /** One check's outcome: the measured value, what it was compared with, and whether the claim holds. */
    public record Verdict(LessonCheck check, double measured, double expected, boolean passed) {
    }

    private final Lesson lesson;
    private final Executor executor;
    private final int threads;
    private final Cancellation cancel;
    private final Map<Integer, Object> results = new HashMap<>();

    /**
     * @param executor runs the parts of sweeps and escape studies (and a scenario's runs)
     * @param threads  how many parts to run at once
     */
    public LessonRunner(Lesson lesson, Executor executor, int threads, Cancellation cancel) {
        this.lesson = lesson;
        this.executor = executor;
        this.threads = threads;
        this.cancel = cancel;
    }

    /** Every check's verdict, in the lesson's order. */
    public List<Verdict> checkAll() {
        List<Verdict> out = new ArrayList<>();
        for (LessonCheck c : lesson.checks()) {
            out.add(check(c));
        }
        return out;
    }

    public Verdict check(LessonCheck c) {
        double m = measure(c.measured());
        double e = c.reference() != null ? measure(c.reference()) : c.expected();
        return new Verdict(c, m, e, c.op().holds(m, e, c.tolerance()));
    }

    /** The value of one measurement, computing its page's setup first if no check has yet. */
    public double measure(Measurement m) {
        LessonPage.Setup s = lesson.pages().get(m.page()).setup();
        Object r = results.computeIfAbsent(m.page(), k -> compute(s));
        double v = switch (s.kind()) {
            case SCENARIO -> measureOrNaN(() -> PathQuantity.of(m.quantity()).measure(cast(r), m.run(), m.args()));
            case TRAIN -> TrainingQuantity.of(m.quantity()).measure((TrainingCurves) r, m.run(), m.args());
            case SWEEP -> {
                double[] hb = heavyBall(s.sweep());
                yield SweepQuantity.of(m.quantity()).measure((SweepResult) r, hb == null ? Double.NaN : hb[0], hb != null && hb[1] == 1);
            }
            case ESCAPE -> EscapeQuantity.of(m.quantity()).measure(
                    this.<EscapeResult>cast(r).get(s.escape().wells().indexOf(m.well())), m.temperature());
        };
        return v * m.times();
    }

    private interface Value {
        double get();
    }

    /** A step past the end of a run's path measures as NaN (the claim fails), not as an error. */
    private static double measureOrNaN(Value v) {
        try {
            return v.get();
        } catch (IndexOutOfBoundsException e) {
            return Double.NaN;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> cast(Object o) {
        return (List<T>) o;
    }

    private Object compute(LessonPage.Setup s) {
        switch (s.kind()) {
            case SCENARIO:
                return s.scenario().simulation().run(executor, cancel);
            case TRAIN:
                return TrainingCurves.of(s.train().training(), cancel);
            case SWEEP: {
                Surface surface = s.sweep().scenario().buildSurface();
                return s.sweep().sweep(surface).run(executor, threads, cancel, Progress.NONE);
            }
            case ESCAPE: {
                List<EscapeResult> out = new ArrayList<>();
                for (String well : s.escape().wells()) {
                    out.add(s.escape().escape(well).run(executor, threads, cancel, Progress.NONE));
                }
                return out;
            }
            default:
                throw new AssertionError(s.kind());
        }
    }

    /**
     * {λ, 1 if lr is the x axis else 0} for a sweep of an SGD run's lr against its momentum on a
     * quadratic with a constant rate (λ = max(1, κ) + weight decay, the top curvature the update sees);
     * null for any other sweep.
     */
    static double[] heavyBall(SweepSpec spec) {
        Surface surface = spec.scenario().buildSurface();
        RunSettings base = spec.scenario().runs().get(spec.run()).toRunSettings(spec.scenario().start());
        if (!(surface instanceof Quadratic q) || !(base.optimizer() instanceof Sgd.Config sgd) || sgd.nesterov()
                || sgd.dampening() != 0 || base.warmupSteps() != 0 || base.noiseTemperature() != 0 || base.samRho() != 0
                || base.clips() || !base.schedule().create(1, 1).isConstant()) {
            return null;
        }
        String x = spec.x().key(), y = spec.y().key();
        boolean lrOnX = x.equals("optimizer.lr") && y.equals("optimizer.momentum");
        boolean lrOnY = y.equals("optimizer.lr") && x.equals("optimizer.momentum");
        if (!lrOnX && !lrOnY) {
            return null;
        }
        return new double[] {Math.max(1, q.kappa()) + sgd.weightDecay(), lrOnX ? 1 : 0};
    }

    /** The runs a scenario page computed, for a caller that has already run the checks (null if none did). */
    @SuppressWarnings("unchecked")
    public List<Trajectory> paths(int page) {
        Object r = results.get(page);
        return lesson.pages().get(page).setup().kind() == LessonPage.Kind.SCENARIO ? (List<Trajectory>) r : null;
    }
}
