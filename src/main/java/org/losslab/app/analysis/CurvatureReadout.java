package org.losslab.app.analysis;

import java.util.ArrayList;
import java.util.List;
import org.losslab.app.model.Snapshot;
import org.losslab.engine.analysis.Curvature;
import org.losslab.engine.analysis.EdgeOfStability;
import org.losslab.engine.analysis.HeavyBall;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.format.RunSpec;
import org.losslab.format.scenario.Scenario;
import org.losslab.render.Colors;
import org.losslab.render.PlotScene;
import org.losslab.render.Ticks;

/**
 * The curvature readout as text, free of nodes: for the cursor and for each run's current point,
 * the gradient, the Hessian with its eigenvalues and eigenvectors, κ, the shape and the local
 * quadratic model f(θ + d) ≈ f + gᵀd + ½dᵀHd; on a quadratic, the theory of gradient descent and
 * heavy ball (optimal step 2/(λmin + λmax), rates (κ − 1)/(κ + 1) and (√κ − 1)/(√κ + 1), β*) beside
 * each run's own step and momentum.
 */
public final class CurvatureReadout {
    private CurvatureReadout() {
    }

    /** One readout row: a name, its value, and what it means (the tooltip). */
    public record Line(String name, String value, String help) {
    }

    /**
     * A block of rows about one point or one run.
     *
     * @param color the run's colour as #rrggbb, or null
     */
    public record Section(String title, String color, List<Line> lines) {
        public Section {
            lines = List.copyOf(lines);
        }

        /** The value of the row called {@code name}, or null. */
        public String value(String name) {
            for (Line l : lines) {
                if (l.name().equals(name)) {
                    return l.value();
                }
            }
            return null;
        }
    }

    /**
     * The readout of a frame.
     *
     * @param snap   the latest trajectories (null before the first)
     * @param step   the playback step
     * @param cursor the point under the mouse, or null
     */
    public static List<Section> of(Scenario scenario, Snapshot snap, long step, double[] cursor, List<Boolean> hidden) {
        List<Section> out = new ArrayList<>();
        if (snap == null) {
            return out;
        }
        Surface surface = snap.surface();
        Scenario s = snap.scenario();
        if (cursor != null) {
            out.add(new Section("At the cursor", null, point(Curvature.at(surface, cursor[0], cursor[1], 0))));
        }
        for (int i = 0; i < s.runs().size(); i++) {
            if (i < hidden.size() && hidden.get(i)) {
                continue;
            }
            Trajectory t = snap.trajectory(i);
            if (t == null || t.size() == 0) {
                continue;
            }
            // The kept point at or before the playback step (a long run is kept thinned), with its own step.
            int i0 = t.indexAt(step);
            long k = t.step(i0);
            RunSpec r = s.runs().get(i);
            double x = t.x(i0), y = t.y(i0);
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                continue;
            }
            Curvature c = Curvature.at(surface, x, y, k);
            List<Line> lines = point(c);
            OptimizerConfig o = r.toRunSettings(s.start()).optimizer();
            double lr = k > 0 && Double.isFinite(t.lr(i0)) ? t.lr(i0) : o.lr();
            double limit = EdgeOfStability.limit(o, lr, Math.max(1, k));
            if (Double.isFinite(limit) && c.lambdaMax() > 0) {
                lines.add(new Line("η · λmax", fmt(lr * c.lambdaMax()) + (c.lambdaMax() < limit ? "  (stable here)" : "  (above the limit)"),
                        "this run's step times the sharpness here; gradient descent is stable along v_max while "
                                + "η·λmax < 2, heavy ball while < 2(1 + β); this run's limit on λmax is " + fmt(limit)));
            }
            if (t.diverged()) {
                lines.add(0, new Line("diverged", "at step " + t.divergedAt(), "the run left every finite value: this is its last finite point"));
            }
            out.add(new Section(r.displayLabel() + " at step " + k, r.displayColor(i), lines));
        }
        if (surface instanceof Quadratic) {
            Curvature c = Curvature.at(surface, s.start().x(), s.start().y(), 0);
            HeavyBall hb = c.theory();
            if (hb != null) {
                out.add(theory(hb, s));
            }
        }
        return out;
    }

    /** The geometry of one point. */
    static List<Line> point(Curvature c) {
        List<Line> l = new ArrayList<>();
        l.add(new Line("θ", pair(c.x(), c.y()), "the point"));
        l.add(new Line("f", fmt(c.value()), "the loss at the point"));
        l.add(new Line("∇f", pair(c.gx(), c.gy()) + "   ‖∇f‖ " + fmt(c.gradientNorm()), "the gradient; −∇f is the steepest way down"));
        l.add(new Line("H", "[[" + fmt(c.hxx()) + ", " + fmt(c.hxy()) + "], [" + fmt(c.hxy()) + ", " + fmt(c.hyy()) + "]]",
                "the Hessian, the matrix of second derivatives: the curvature in every direction"));
        l.add(new Line("λmin", fmt(c.lambdaMin()) + "   v " + pair(c.minX(), c.minY()),
                "the smallest eigenvalue of H and its unit eigenvector: the flattest direction"));
        l.add(new Line("λmax", fmt(c.lambdaMax()) + "   v " + pair(c.maxX(), c.maxY()),
                "the largest eigenvalue of H and its unit eigenvector: the sharpest direction"));
        l.add(new Line("κ", fmt(c.conditionNumber()), "condition number |λ|max/|λ|min: how elongated the level sets are"));
        l.add(new Line("shape", switch (c.kind()) {
            case BOWL -> "bowl (both λ > 0)";
            case SADDLE -> "saddle (λ of both signs)";
            case CAP -> "cap (both λ < 0)";
            case FLAT -> "flat in one direction (λ = 0)";
            case UNDEFINED -> "undefined";
        }, "the kind of critical point the local quadratic model has"));
        l.add(new Line("2/λmax", fmt(c.gdStabilityLimit()), "gradient descent with a larger step is unstable along v_max here"));
        double[] d = c.newtonStep();
        l.add(new Line("model", Double.isFinite(d[0]) ? "critical point at θ + " + pair(d[0], d[1]) + ", f ≈ " + fmt(c.model(d[0], d[1]))
                : "singular H: no critical point",
                "the local quadratic model f(θ + d) ≈ f + gᵀd + ½dᵀHd and its critical point d = −H⁻¹g (Newton's step)"));
        return l;
    }

    /** The theory for a quadratic, and each SGD run's own step and momentum against it. */
    static Section theory(HeavyBall hb, Scenario s) {
        List<Line> l = new ArrayList<>();
        l.add(new Line("κ", fmt(hb.kappa()), "λmax/λmin of the quadratic"));
        l.add(new Line("GD η*", fmt(hb.gdOptimalLr()) + "  (stable below " + fmt(hb.gdMaxLr()) + ")",
                "the best constant step of gradient descent, 2/(λmin + λmax); above 2/λmax it diverges"));
        l.add(new Line("GD rate", fmt(hb.gdRate()), "(κ − 1)/(κ + 1): distance to the minimum shrinks by this per update at η*"));
        l.add(new Line("HB β*", fmt(hb.optimalMomentum()), "heavy ball's best momentum ((√κ − 1)/(√κ + 1))²"));
        l.add(new Line("HB η*", fmt(hb.optimalMomentumLr()), "heavy ball's best step 4/(√λmax + √λmin)², used with β*"));
        l.add(new Line("HB rate", fmt(hb.momentumRate()), "(√κ − 1)/(√κ + 1): the contraction per update at (η*, β*)"));
        for (int i = 0; i < s.runs().size(); i++) {
            RunSpec r = s.runs().get(i);
            OptimizerConfig o = r.toRunSettings(s.start()).optimizer();
            if (o instanceof Sgd.Config sgd && !sgd.nesterov() && sgd.dampening() == 0 && sgd.weightDecay() == 0) {
                double rate = hb.rate(sgd.lr(), sgd.momentum());
                l.add(new Line(r.displayLabel(), "η " + fmt(sgd.lr()) + ", β " + fmt(sgd.momentum()) + " → rate "
                        + fmt(rate) + (rate >= 1 ? " (diverges)" : ""),
                        "this run's asymptotic contraction per update, max |z| over the roots of z² − (1 + β − ηλ)z + β = 0"));
            }
        }
        return new Section("Theory for this quadratic", null, l);
    }

    /**
     * The eigen-directions of the selected run's Hessian at the playback step, as two arrows from
     * its point for the 2-D view: each as long as √|λ| relative to the larger (a tenth of the
     * window at most), labelled with its eigenvalue. Empty when there is nothing finite to draw.
     */
    public static List<PlotScene.Arrow> eigenArrows(Snapshot snap, int run, long step) {
        if (snap == null || run < 0 || run >= snap.trajectories().size()) {
            return List.of();
        }
        Trajectory t = snap.trajectory(run);
        if (t == null || t.size() == 0) {
            return List.of();
        }
        int k = t.indexAt(step);
        double x = t.x(k), y = t.y(k);
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return List.of();
        }
        Curvature c = Curvature.at(snap.surface(), x, y, t.step(k));
        if (!Double.isFinite(c.lambdaMin()) || !Double.isFinite(c.lambdaMax())) {
            return List.of();
        }
        Window w = snap.scenario().viewOrDefault(snap.surface());
        double full = 0.1 * Math.min(w.width(), w.height());
        double big = Math.max(Math.sqrt(Math.abs(c.lambdaMin())), Math.sqrt(Math.abs(c.lambdaMax())));
        if (!(big > 0)) {
            return List.of();
        }
        int color = Colors.parse(snap.scenario().runs().get(run).displayColor(run));
        double lMax = full * Math.sqrt(Math.abs(c.lambdaMax())) / big, lMin = full * Math.sqrt(Math.abs(c.lambdaMin())) / big;
        return List.of(new PlotScene.Arrow(x, y, c.maxX() * lMax, c.maxY() * lMax, color, "λmax " + fmt(c.lambdaMax())),
                new PlotScene.Arrow(x, y, c.minX() * lMin, c.minY() * lMin, color, "λmin " + fmt(c.lambdaMin())));
    }

    static String pair(double a, double b) {
        return "(" + fmt(a) + ", " + fmt(b) + ")";
    }

    /** Four significant digits, no trailing zeros; −0 shown as 0. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return Ticks.significant(v, 4);
    }
}
