package org.losslab.format;

import static org.losslab.format.Param.bool;
import static org.losslab.format.Param.choice;
import static org.losslab.format.Param.integer;
import static org.losslab.format.Param.nonNegative;
import static org.losslab.format.Param.positive;
import static org.losslab.format.Param.unitPair;

import java.util.List;
import java.util.Map;
import org.losslab.engine.optim.Adagrad;
import org.losslab.engine.optim.Adam;
import org.losslab.engine.optim.CmaEs;
import org.losslab.engine.optim.Lbfgs;
import org.losslab.engine.optim.NAdam;
import org.losslab.engine.optim.Newton;
import org.losslab.engine.optim.OptimizerConfig;
import org.losslab.engine.optim.RmsProp;
import org.losslab.engine.optim.Sgd;

/**
 * The optimizers a scenario may name: torch.optim's hyperparameter names in camelCase, its
 * defaults and its range checks, and the update equations shown as tooltips.
 */
public final class OptimizerCatalog {
    private static final String LR = "Learning rate η: the step size. Too large and the run overshoots or diverges (beyond 2/λmax on a quadratic).";
    private static final String WD = "Weight decay λ: adds λθ to the gradient (L2 regularization).";
    private static final String EPS = "ε added to the denominator for numerical stability.";
    private static final String BIAS = "Bias correction: divide m by 1 − β₁ᵗ and v by 1 − β₂ᵗ, which undoes their start at 0 "
            + "(off: the early steps are η(1 − β₁ᵗ)/√(1 − β₂ᵗ) instead of η).";
    private static final String BETAS = "β₁, β₂: decay rates of the running mean of the gradient and of its square.";

    private static final Schemas SCHEMAS = new Schemas();

    static {
        SCHEMAS.add(new Schema("sgd", "SGD (torch.optim.SGD)",
                "b ← μb + (1−τ)g;  θ ← θ − η·(Nesterov ? g + μb : b)",
                List.of(nonNegative("lr", 0.01, LR),
                        nonNegative("momentum", 0.0, "Momentum μ: the velocity keeps a fraction μ of itself each step (heavy ball)."),
                        Param.real("dampening", 0.0, "Dampening τ: scales the new gradient in the velocity by (1 − τ)."),
                        bool("nesterov", false, "Nesterov: evaluate the momentum step one look-ahead further (g + μb)."),
                        nonNegative("weightDecay", 0.0, WD),
                        choice("lineSearch", "none", List.of("none", "armijo"), "\"armijo\": backtrack from the scheduled lr, halving it (at most 30 times) "
                                + "until f(θ − ηg) ≤ f(θ) − 10⁻⁴·η‖g‖² (needs momentum 0)."))));
        SCHEMAS.add(new Schema("adam", "Adam (torch.optim.Adam)",
                "m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  θ ← θ − η/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε)",
                List.of(nonNegative("lr", 0.001, LR), unitPair("betas", 0.9, 0.999, BETAS), nonNegative("eps", 1e-8, EPS),
                        nonNegative("weightDecay", 0.0, WD),
                        bool("amsgrad", false, "AMSGrad: divide by the largest second moment seen so far, never a smaller one."),
                        bool("biasCorrection", true, BIAS))));
        SCHEMAS.add(new Schema("adamw", "AdamW (torch.optim.AdamW)",
                "θ ← θ(1 − ηλ);  then Adam's update without λ in the gradient (decoupled weight decay)",
                List.of(nonNegative("lr", 0.001, LR), unitPair("betas", 0.9, 0.999, BETAS), nonNegative("eps", 1e-8, EPS),
                        nonNegative("weightDecay", 0.01, "Decoupled weight decay λ: shrinks θ by ηλ each step, apart from the gradient."),
                        bool("amsgrad", false, "AMSGrad: divide by the largest second moment seen so far, never a smaller one."),
                        bool("biasCorrection", true, BIAS))));
        SCHEMAS.add(new Schema("rmsprop", "RMSprop (torch.optim.RMSprop)",
                "v ← αv + (1−α)g²;  θ ← θ − η·g/(√v + ε)  (centered: √(v − ḡ²); momentum: b ← μb + g/(√v+ε))",
                List.of(nonNegative("lr", 0.01, LR),
                        nonNegative("alpha", 0.99, "Smoothing α of the running mean of g²."),
                        nonNegative("eps", 1e-8, EPS),
                        nonNegative("momentum", 0.0, "Momentum μ applied to the scaled step."),
                        bool("centered", false, "Centered: divide by the estimated variance of g instead of its second moment."),
                        nonNegative("weightDecay", 0.0, WD))));
        SCHEMAS.add(new Schema("adagrad", "Adagrad (torch.optim.Adagrad)",
                "s ← s + g²;  θ ← θ − η/(1 + (t−1)·decay) · g/(√s + ε)",
                List.of(nonNegative("lr", 0.01, LR),
                        nonNegative("lrDecay", 0.0, "Learning-rate decay: η / (1 + (t−1)·decay)."),
                        nonNegative("eps", 1e-10, EPS),
                        nonNegative("initialAccumulatorValue", 0.0, "Starting value of the sum of squared gradients s."),
                        nonNegative("weightDecay", 0.0, WD))));
        SCHEMAS.add(new Schema("nadam", "NAdam (torch.optim.NAdam)",
                "Adam with Nesterov momentum (Dozat 2016): μ_t = β₁(1 − ½·0.96^(t·ψ)); θ ← θ − η(1−μ_t)/(1−Πμ)·g/d − ημ_{t+1}/(1−Πμ·μ_{t+1})·m/d",
                List.of(nonNegative("lr", 0.002, LR), unitPair("betas", 0.9, 0.999, BETAS), nonNegative("eps", 1e-8, EPS),
                        nonNegative("momentumDecay", 0.004, "Momentum decay ψ of the μ_t schedule."),
                        nonNegative("weightDecay", 0.0, WD))));
        SCHEMAS.add(new Schema("lbfgs", "L-BFGS (torch.optim.LBFGS, max_iter = 1)",
                "d = −H̃g from the last m curvature pairs (s, y); θ ← θ + η·d, or a strong-Wolfe line search along d",
                List.of(positive("lr", 1.0, "Step length along the L-BFGS direction (the first step is scaled by min(1, 1/‖g‖₁))."),
                        integer("historySize", 10L, 1, 1000, "m: how many (s, y) pairs approximate the inverse Hessian."),
                        choice("lineSearch", "none", List.of("none", "strongWolfe"), "\"strongWolfe\": search along d for a step that satisfies the strong Wolfe conditions."),
                        nonNegative("tolGrad", 1e-7, "Stop updating once max|g| ≤ tolGrad."),
                        nonNegative("tolChange", 1e-9, "Stop when the directional derivative or the change falls below this."))));
        SCHEMAS.add(new Schema("newton", "Newton's method",
                "θ ← θ − η·(H + δI)⁻¹g;  saddle-free: H → V|Λ|Vᵀ (Dauphin et al. 2014)",
                List.of(positive("lr", 1.0, "Fraction of the Newton step to take."),
                        nonNegative("damping", 0.0, "Damping δ added to the Hessian's diagonal (Levenberg–Marquardt)."),
                        bool("saddleFree", false, "Saddle-free Newton: use |eigenvalues| so negative curvature repels instead of attracts."))));
        SCHEMAS.add(new Schema("cmaes", "CMA-ES (Hansen 2016)",
                "x_k = θ + σ·C^½·z_k, z_k ~ N(0, I), k = 1…λ;  θ ← θ + c_m·σ·Σ w_i·y_(i:λ) over the best half;  "
                        + "σ by the path length of the steps, C by their rank-one and rank-μ updates (loss values only, no gradient)",
                List.of(Param.number("lr", 1.0, 0, true, 1, "c_m: the fraction of the recombined step the mean takes (Hansen's default 1)."),
                        integer("population", null, 2, 100_000, "λ: samples per generation (one generation per update); "
                                + "larger populations see past ripples but cost λ loss evaluations each.").derived("4 + ⌊3 ln n⌋"),
                        positive("sigma0", 0.5, "σ₀: the initial step size, the spread of the first generation's samples around the start."))));
    }

    private OptimizerCatalog() {
    }

    /** Every optimizer type, in display order. */
    public static List<String> types() {
        return SCHEMAS.types();
    }

    public static Map<String, Schema> schemas() {
        return SCHEMAS.all();
    }

    public static Schema schema(String type) {
        return SCHEMAS.get(type);
    }

    /**
     * Cross-parameter checks torch makes at construction.
     *
     * @return a message naming the key that is wrong, as {key, problem}, or null
     */
    public static String[] check(Typed t) {
        Schema s = SCHEMAS.get(t.type());
        if (t.type().equals("sgd") && s.bool(t, "nesterov")
                && (s.number(t, "momentum") <= 0 || s.number(t, "dampening") != 0)) {
            return new String[] {"nesterov", "Nesterov momentum needs momentum > 0 and dampening 0 (as torch.optim.SGD)"};
        }
        if (t.type().equals("sgd") && s.string(t, "lineSearch").equals("armijo") && s.number(t, "momentum") != 0) {
            return new String[] {"lineSearch", "the Armijo line search searches along the gradient and needs momentum 0"};
        }
        return null;
    }

    /** The engine's config for a checked optimizer object. */
    public static OptimizerConfig build(Typed t) {
        Schema s = SCHEMAS.get(t.type());
        switch (t.type()) {
            case "sgd":
                return new Sgd.Config(s.number(t, "lr"), s.number(t, "momentum"), s.number(t, "dampening"),
                        s.bool(t, "nesterov"), s.number(t, "weightDecay"), Sgd.LineSearch.of(s.string(t, "lineSearch")));
            case "adam":
            case "adamw": {
                List<Double> b = s.pair(t, "betas");
                return new Adam.Config(s.number(t, "lr"), b.get(0), b.get(1), s.number(t, "eps"), s.number(t, "weightDecay"),
                        s.bool(t, "amsgrad"), t.type().equals("adamw"), s.bool(t, "biasCorrection"));
            }
            case "rmsprop":
                return new RmsProp.Config(s.number(t, "lr"), s.number(t, "alpha"), s.number(t, "eps"),
                        s.number(t, "momentum"), s.bool(t, "centered"), s.number(t, "weightDecay"));
            case "adagrad":
                return new Adagrad.Config(s.number(t, "lr"), s.number(t, "lrDecay"), s.number(t, "eps"),
                        s.number(t, "initialAccumulatorValue"), s.number(t, "weightDecay"));
            case "nadam": {
                List<Double> b = s.pair(t, "betas");
                return new NAdam.Config(s.number(t, "lr"), b.get(0), b.get(1), s.number(t, "eps"),
                        s.number(t, "momentumDecay"), s.number(t, "weightDecay"));
            }
            case "lbfgs":
                return new Lbfgs.Config(s.number(t, "lr"), (int) s.integer(t, "historySize"),
                        s.string(t, "lineSearch").equals("strongWolfe") ? Lbfgs.LineSearch.STRONG_WOLFE : Lbfgs.LineSearch.NONE, s.number(t, "tolGrad"), s.number(t, "tolChange"));
            case "cmaes":
                return new CmaEs.Config(s.number(t, "lr"), (int) s.integer(t, "population", 0), s.number(t, "sigma0"));
            case "newton":
                return new Newton.Config(s.number(t, "lr"), s.number(t, "damping"), s.bool(t, "saddleFree"));
            default:
                throw new IllegalArgumentException("unknown optimizer " + t.type());
        }
    }
}
