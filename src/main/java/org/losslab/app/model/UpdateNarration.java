package org.losslab.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.format.OptimizerCatalog;
import org.losslab.format.RunSpec;
import org.losslab.format.Schema;
import org.losslab.format.Typed;

/**
 * One update of one run, told in parts: the gradient, what SAM and clipping did to it, the
 * optimizer's state (momentum, first and second moments, bias correction) and the step. The state
 * is rebuilt by replaying the run's gradients ∇f(θ₀), …, ∇f(θ_k) through the torch update
 * equations, which need only the gradients (and θ for weight decay); the step drawn is the one the
 * engine took, θ_{k+1} − θ_k. Minibatch gradients are not replayed: for runs with a batchSize the
 * full gradient is shown and said to be so.
 *
 * @param lines   the narration, one part per line
 * @param vectors the parts as vectors at θ_k, in parameter units
 */
public record UpdateNarration(int step, List<String> lines, List<Vector> vectors) {
    /** Replays at most this many updates (longer runs are narrated only up to here). */
    public static final int MAX_REPLAY = 1_000_000;

    /** What a vector shows (the view picks its colour). */
    public enum Role { GRADIENT, MOMENTUM, SCALED, STEP, ASCENT }

    public record Vector(Role role, String label, double dx, double dy) {
    }

    /**
     * Narrates update k (from point k to k + 1) of run {@code run}.
     *
     * @return null when there is no such update (the run ended or diverged before it)
     */
    public static UpdateNarration of(RunSpec spec, Surface f, Trajectory tr, int k) {
        if (k < 0 || k + 1 >= tr.size() || k > MAX_REPLAY || !Double.isFinite(tr.x(k + 1))) {
            return null;
        }
        Typed o = spec.optimizer();
        Schema s = OptimizerCatalog.schema(o.type());
        List<String> lines = new ArrayList<>();
        List<Vector> vec = new ArrayList<>();
        double lr = tr.lr(k + 1), scheduled = lr;
        String armijo = null;
        int armijoChannel = tr.channel(org.losslab.engine.optim.Sgd.ARMIJO_CHANNEL);
        if (armijoChannel >= 0 && Double.isFinite(tr.channel(armijoChannel, k + 1))) {
            // The update used the rate Armijo's search accepted, a halving of the scheduled one.
            double accepted = tr.channel(armijoChannel, k + 1);
            long halvings = Math.round(Math.log(lr / accepted) / Math.log(2));
            armijo = String.format(Locale.ROOT, "Armijo line search: from the scheduled η = %s, %d halving%s to η = %s, the first "
                    + "rate with f(θ − η·g) ≤ f(θ) − 10⁻⁴·η·‖g‖².", n(lr), halvings, halvings == 1 ? "" : "s", n(accepted));
            lr = accepted;
        }
        double[] g = new double[2];
        double[] state = new double[8];
        double[] last = new double[2];
        for (int i = 0; i <= k; i++) {
            gradient(spec, f, tr.x(i), tr.y(i), i, g, i == k ? lines : null, i == k ? vec : null);
            last[0] = g[0];
            last[1] = g[1];
            replay(o, s, tr.x(i), tr.y(i), g, i + 1, state, i == k ? lines : null, i == k ? vec : null, lr);
        }
        if (armijo != null) {
            lines.add(armijo);
        }
        vec.add(0, new Vector(Role.GRADIENT, "−η·g", -lr * last[0], -lr * last[1]));
        double dx = tr.x(k + 1) - tr.x(k), dy = tr.y(k + 1) - tr.y(k);
        lines.add(String.format(Locale.ROOT, "The step taken: θ ← θ + (%s, %s), to (%s, %s)%s.", n(dx), n(dy),
                n(tr.x(k + 1)), n(tr.y(k + 1)), spec.noiseTemperature() > 0 ? ", including the Langevin noise √(2ηT)·ξ" : ""));
        vec.add(new Vector(Role.STEP, "step", dx, dy));
        lines.add(0, String.format(Locale.ROOT, "Update %d of %s at θ = (%s, %s), learning rate η = %s.", k + 1,
                spec.displayLabel(), n(tr.x(k)), n(tr.y(k)), n(scheduled)));
        return new UpdateNarration(k, List.copyOf(lines), List.copyOf(vec));
    }

    static String n(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e4 || a < 1e-3 ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /** The gradient the optimizer sees at θ_i: SAM and clipping as the spec's steps 2 and 3. */
    private static void gradient(RunSpec spec, Surface f, double x, double y, int t, double[] g, List<String> lines,
                                 List<Vector> vec) {
        f.valueAndGradient(x, y, t, g);
        if (lines != null) {
            lines.add(String.format(Locale.ROOT, "Gradient g = ∇f(θ) = (%s, %s), ‖g‖ = %s%s.", n(g[0]), n(g[1]),
                    n(Math.hypot(g[0], g[1])), spec.batchSize() != null ? " (full batch shown; the run uses minibatches)" : ""));
        }
        var m = spec.methods();
        if (m.gradientEstimator() != null && lines != null) {
            lines.add("ES: the run steps with an estimate of g from the losses of its population (drawn around the point), "
                    + "not with this exact gradient.");
        }
        double rho = spec.samRho();
        if (rho > 0 && m.samAdaptive()) {
            // ASAM: e = ρ·T²g/‖Tg‖ with T = diag(|θ| + 0.01).
            double tx = Math.abs(x) + 0.01, ty = Math.abs(y) + 0.01;
            double norm = Math.hypot(tx * g[0], ty * g[1]);
            double ex = norm > 0 ? rho * (tx * (tx * g[0])) / norm : 0, ey = norm > 0 ? rho * (ty * (ty * g[1])) / norm : 0;
            f.valueAndGradient(x + ex, y + ey, t, g);
            if (lines != null) {
                lines.add(String.format(Locale.ROOT, "ASAM: look ρ·T²g/‖Tg‖ uphill, T = diag(|θ| + 0.01), to (%s, %s) and take the "
                        + "gradient there: g = (%s, %s).", n(x + ex), n(y + ey), n(g[0]), n(g[1])));
            }
        } else if (rho > 0) {
            double norm = Math.hypot(g[0], g[1]);
            double ex = norm > 0 ? rho * g[0] / norm : 0, ey = norm > 0 ? rho * g[1] / norm : 0;
            f.valueAndGradient(x + ex, y + ey, t, g);
            if (vec != null) {
                vec.add(new Vector(Role.ASCENT, "SAM probe ρ·g/‖g‖", ex, ey));
            }
            if (lines != null) {
                lines.add(String.format(Locale.ROOT, "SAM: look ρ·g/‖g‖ uphill to (%s, %s) and take the gradient there: g = (%s, %s).",
                        n(x + ex), n(y + ey), n(g[0]), n(g[1])));
            }
        }
        if (m.l1() != 0 || m.l2() != 0) {
            g[0] = g[0] + m.l1() * Math.signum(x) + m.l2() * x;
            g[1] = g[1] + m.l1() * Math.signum(y) + m.l2() * y;
            if (lines != null) {
                lines.add(String.format(Locale.ROOT, "L1/L2 terms: g ← g + λ₁·sign(θ) + λ₂·θ = (%s, %s).", n(g[0]), n(g[1])));
            }
        }
        if (spec.clipNorm() != null) {
            double norm = Math.hypot(g[0], g[1]);
            double c = Math.min(1, spec.clipNorm() / (norm + 1e-6));
            g[0] *= c;
            g[1] *= c;
            if (lines != null) {
                lines.add(c < 1 ? String.format(Locale.ROOT, "Clip: ‖g‖ = %s > %s, so g is scaled by %s to (%s, %s).",
                        n(norm), n(spec.clipNorm()), n(c), n(g[0]), n(g[1]))
                        : "Clip: ‖g‖ is within " + n(spec.clipNorm()) + ", g is unchanged.");
            }
        }
        if (m.clipValue() != null) {
            double v = m.clipValue();
            double cx = Math.max(-v, Math.min(v, g[0])), cy = Math.max(-v, Math.min(v, g[1]));
            if (lines != null) {
                lines.add(cx != g[0] || cy != g[1]
                        ? String.format(Locale.ROOT, "Clip by value: each coordinate to [−%s, %s]: g = (%s, %s).", n(v), n(v), n(cx), n(cy))
                        : "Clip by value: every coordinate is within ±" + n(v) + ", g is unchanged.");
            }
            g[0] = cx;
            g[1] = cy;
        }
    }

    /**
     * One step of the optimizer's state recursion (torch's equations; t counts from 1). State:
     * [0..1] momentum or first moment, [2..3] second moment or sum, [4..5] centered mean or max,
     * [6] NAdam's μ product.
     */
    private static void replay(Typed o, Schema s, double x, double y, double[] g, int t, double[] st,
                               List<String> lines, List<Vector> vec, double lr) {
        String type = o.type();
        double[] theta = {x, y};
        switch (type) {
            case "sgd": {
                double mu = s.number(o, "momentum"), tau = s.number(o, "dampening"), wd = s.number(o, "weightDecay");
                boolean nesterov = s.bool(o, "nesterov");
                decay(g, theta, wd, lines);
                if (mu == 0) {
                    if (lines != null) {
                        lines.add("Plain gradient descent: the step is −η·g.");
                    }
                    return;
                }
                for (int c = 0; c < 2; c++) {
                    st[c] = t == 1 ? g[c] : mu * st[c] + (1 - tau) * g[c];
                }
                if (lines != null) {
                    lines.add(String.format(Locale.ROOT, "Momentum: b ← μ·b + (1 − τ)·g = (%s, %s), μ = %s%s.", n(st[0]),
                            n(st[1]), n(mu), t == 1 ? " (first update: b = g)" : ""));
                    vec.add(new Vector(Role.MOMENTUM, "−η·b", -lr * st[0], -lr * st[1]));
                    if (nesterov) {
                        lines.add(String.format(Locale.ROOT, "Nesterov: the step uses g + μ·b = (%s, %s).",
                                n(g[0] + mu * st[0]), n(g[1] + mu * st[1])));
                    }
                }
                return;
            }
            case "adam":
            case "adamw":
            case "nadam": {
                List<Double> b = s.pair(o, "betas");
                double b1 = b.get(0), b2 = b.get(1), eps = s.number(o, "eps"), wd = s.number(o, "weightDecay");
                if (type.equals("adamw")) {
                    if (lines != null && wd != 0) {
                        lines.add("Decoupled weight decay: θ ← θ·(1 − η·λ) = θ·" + n(1 - lr * wd) + ".");
                    }
                } else {
                    decay(g, theta, wd, lines);
                }
                boolean ams = !type.equals("nadam") && s.bool(o, "amsgrad");
                for (int c = 0; c < 2; c++) {
                    st[c] = b1 * st[c] + (1 - b1) * g[c];
                    st[2 + c] = b2 * st[2 + c] + (1 - b2) * g[c] * g[c];
                    st[4 + c] = Math.max(st[4 + c], st[2 + c]);
                }
                boolean corrected = type.equals("nadam") || s.bool(o, "biasCorrection");
                double bc1 = corrected ? 1 - Math.pow(b1, t) : 1, bc2 = corrected ? 1 - Math.pow(b2, t) : 1;
                if (lines != null) {
                    lines.add(String.format(Locale.ROOT, "First moment: m ← β₁·m + (1 − β₁)·g = (%s, %s), β₁ = %s.", n(st[0]),
                            n(st[1]), n(b1)));
                    lines.add(String.format(Locale.ROOT, "Second moment: v ← β₂·v + (1 − β₂)·g² = (%s, %s), β₂ = %s%s.",
                            n(st[2]), n(st[3]), n(b2), ams ? "; AMSGrad keeps the largest v: (" + n(st[4]) + ", " + n(st[5]) + ")" : ""));
                    lines.add(corrected ? String.format(Locale.ROOT, "Bias correction at t = %d: m′ = m/(1 − β₁ᵗ) = m/%s and v′ = v/(1 − β₂ᵗ) = v/%s (the moments start at 0).",
                            t, n(bc1), n(bc2))
                            : String.format(Locale.ROOT, "No bias correction: m′ = m and v′ = v, still biased towards their start at 0, so the step is "
                            + "(1 − β₁ᵗ)/√(1 − β₂ᵗ) = %s of a corrected one at t = %d.", n((1 - Math.pow(b1, t)) / Math.sqrt(1 - Math.pow(b2, t))), t));
                    double vx = ams ? st[4] : st[2], vy = ams ? st[5] : st[3];
                    double sx = st[0] / bc1 / (Math.sqrt(vx / bc2) + eps), sy = st[1] / bc1 / (Math.sqrt(vy / bc2) + eps);
                    vec.add(new Vector(Role.MOMENTUM, "−η·m′", -lr * st[0] / bc1, -lr * st[1] / bc1));
                    lines.add(String.format(Locale.ROOT, "Each coordinate is divided by its own scale √v′ + ε: m′/(√v′ + ε) = (%s, %s)%s.",
                            n(sx), n(sy), type.equals("nadam") ? "; NAdam mixes in a Nesterov look-ahead of g" : ""));
                    vec.add(new Vector(Role.SCALED, "−η·m′/√v′", -lr * sx, -lr * sy));
                }
                return;
            }
            case "rmsprop": {
                double alpha = s.number(o, "alpha"), eps = s.number(o, "eps"), mu = s.number(o, "momentum");
                boolean centered = s.bool(o, "centered");
                decay(g, theta, s.number(o, "weightDecay"), lines);
                double[] step = new double[2];
                for (int c = 0; c < 2; c++) {
                    st[2 + c] = alpha * st[2 + c] + (1 - alpha) * g[c] * g[c];
                    st[4 + c] = alpha * st[4 + c] + (1 - alpha) * g[c];
                    double avg = centered ? Math.sqrt(st[2 + c] - st[4 + c] * st[4 + c]) + eps : Math.sqrt(st[2 + c]) + eps;
                    step[c] = g[c] / avg;
                    if (mu > 0) {
                        st[c] = mu * st[c] + step[c];
                    }
                }
                if (lines != null) {
                    lines.add(String.format(Locale.ROOT, "Second moment: v ← α·v + (1 − α)·g² = (%s, %s), α = %s%s.", n(st[2]),
                            n(st[3]), n(alpha), centered ? "; centered: divide by √(v − ḡ²)" : ""));
                    lines.add(String.format(Locale.ROOT, "Scaled gradient g/(√v + ε) = (%s, %s).", n(step[0]), n(step[1])));
                    vec.add(new Vector(Role.SCALED, "−η·g/√v", -lr * step[0], -lr * step[1]));
                    if (mu > 0) {
                        lines.add(String.format(Locale.ROOT, "Momentum: b ← μ·b + g/(√v + ε) = (%s, %s).", n(st[0]), n(st[1])));
                        vec.add(new Vector(Role.MOMENTUM, "−η·b", -lr * st[0], -lr * st[1]));
                    }
                }
                return;
            }
            case "adagrad": {
                double decayRate = s.number(o, "lrDecay"), eps = s.number(o, "eps");
                decay(g, theta, s.number(o, "weightDecay"), lines);
                if (t == 1) {
                    st[2] = st[3] = s.number(o, "initialAccumulatorValue");
                }
                for (int c = 0; c < 2; c++) {
                    st[2 + c] += g[c] * g[c];
                }
                if (lines != null) {
                    double clr = lr / (1 + (t - 1) * decayRate);
                    double sx = g[0] / (Math.sqrt(st[2]) + eps), sy = g[1] / (Math.sqrt(st[3]) + eps);
                    lines.add(String.format(Locale.ROOT, "Sum of squares: s ← s + g² = (%s, %s); the rate is η/(1 + (t−1)·decay) = %s.",
                            n(st[2]), n(st[3]), n(clr)));
                    lines.add(String.format(Locale.ROOT, "Scaled gradient g/(√s + ε) = (%s, %s): steep directions slow down for good.",
                            n(sx), n(sy)));
                    vec.add(new Vector(Role.SCALED, "−η·g/√s", -clr * sx, -clr * sy));
                }
                return;
            }
            default:
                if (lines != null) {
                    lines.add(type.equals("newton")
                            ? "Newton: the step solves (H + δI)·d = g, so each direction is divided by its curvature."
                            : type.equals("cmaes")
                            ? "CMA-ES ignores g: it samples λ points from N(θ, σ²C) (the ellipse), ranks them by loss and moves θ towards the best half; σ and C adapt to where the good samples were."
                            : "L-BFGS: the direction −H̃g comes from the last curvature pairs (s, y), H̃ ≈ H⁻¹.");
                }
        }
    }

    private static void decay(double[] g, double[] theta, double wd, List<String> lines) {
        if (wd == 0) {
            return;
        }
        g[0] += wd * theta[0];
        g[1] += wd * theta[1];
        if (lines != null) {
            lines.add(String.format(Locale.ROOT, "Weight decay: g ← g + λθ = (%s, %s).", n(g[0]), n(g[1])));
        }
    }
}
