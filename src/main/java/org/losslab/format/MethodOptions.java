package org.losslab.format;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.update.ClipValue;
import org.losslab.engine.update.ElasticNetPenalty;
import org.losslab.engine.update.EvolutionStrategyGradient;
import org.losslab.engine.update.Lookahead;
import org.losslab.engine.update.StochasticWeightAveraging;
import org.losslab.engine.update.TransformConfig;

/**
 * The run keys of the methods beyond SAM, clipping and noise (docs/scenario-format.md, "More
 * methods"): clipping by value, the coupled L1/L2 loss terms, adaptive SAM, Lookahead, SWA and the
 * evolution-strategy gradient estimator, as a file states them (null or the neutral value when
 * absent, so a saved file says no more than its author did). The object-valued keys are kept as
 * {@link Typed} values of the schemas here, which give their defaults, ranges and help texts.
 *
 * @param clipValue         v of clip_grad_value_, or null
 * @param l1                λ₁ of the L1 loss term (0: none)
 * @param l2                λ₂ of the L2 loss term (λ₂/2)‖θ‖² (0: none)
 * @param samAdaptive       ASAM in place of SAM (needs samRho &gt; 0)
 * @param lookahead         {@code { "k", "alpha" }} of {@link #LOOKAHEAD}, or null
 * @param swa               {@code { "start", "every", "swaLr", "annealSteps", "annealStrategy" }} of {@link #SWA}, or null
 * @param gradientEstimator {@code { "type": "es", ... }} of {@link #ES}, or null
 */
public record MethodOptions(Double clipValue, double l1, double l2, boolean samAdaptive, Typed lookahead, Typed swa,
                            Typed gradientEstimator) {
    /** A run that uses none of these methods. */
    public static final MethodOptions NONE = new MethodOptions(null, 0, 0, false, null, null, null);

    public static final Schema LOOKAHEAD = new Schema("lookahead", "Lookahead (Zhang et al. 2019)",
            "every k updates the slow weights φ move a fraction α toward the fast weights θ, and θ jumps back to φ: "
                    + "φ ← φ + α(θ − φ), θ ← φ",
            List.of(Param.integer("k", 5L, 1, 1_000_000, "Fast updates of the run's optimizer per slow step."),
                    Param.number("alpha", 0.5, 0, true, 1, "Slow step size α in (0, 1]: how far φ moves toward θ.")));

    public static final Schema SWA = new Schema("swa", "Stochastic weight averaging (torch.optim.swa_utils)",
            "the equal average of the points from update start on (AveragedModel), optionally with SWALR's rate",
            List.of(Param.integer("start", null, 0, 10_000_000L,
                            "The first update whose new point joins the average (swa_start).").required(),
                    Param.integer("every", 1L, 1, 10_000_000L, "Average every this many updates."),
                    Param.nonNegative("swaLr", null, "SWALR's rate: from the update after start the rate anneals to it "
                            + "over annealSteps updates.").derived("keep the schedule's rate"),
                    Param.integer("annealSteps", 10L, 0, 10_000_000L, "SWALR's anneal_epochs, counted in updates."),
                    Param.choice("annealStrategy", "cos", List.of("cos", "linear"), "SWALR's anneal_strategy.")));

    public static final Schema ES = new Schema("es", "OpenAI evolution strategy (Salimans et al. 2017)",
            "g ← (1/(nσ)) Σ u_i ε_i from the losses F_i = L(θ + σε_i) of a Gaussian population, in place of ∇L",
            List.of(Param.integer("population", 10L, 2, 10_000, "Samples n per update (even when antithetic)."),
                    Param.positive("sigma", 0.1, "Noise scale σ of the samples θ + σε."),
                    Param.bool("antithetic", true, "Mirrored sampling: the samples come in pairs ±ε."),
                    Param.bool("rankShaping", true, "Centred-rank fitness shaping: u_i = rank(F_i)/(n − 1) − ½ "
                            + "instead of the raw loss.")));

    /** The gradient-estimator types. */
    public static final List<String> ESTIMATORS = List.of("es");

    public MethodOptions withClipValue(Double v) {
        return new MethodOptions(v, l1, l2, samAdaptive, lookahead, swa, gradientEstimator);
    }

    public MethodOptions withL1(double v) {
        return new MethodOptions(clipValue, v, l2, samAdaptive, lookahead, swa, gradientEstimator);
    }

    public MethodOptions withL2(double v) {
        return new MethodOptions(clipValue, l1, v, samAdaptive, lookahead, swa, gradientEstimator);
    }

    public MethodOptions withSamAdaptive(boolean v) {
        return new MethodOptions(clipValue, l1, l2, v, lookahead, swa, gradientEstimator);
    }

    public MethodOptions withLookahead(Typed v) {
        return new MethodOptions(clipValue, l1, l2, samAdaptive, v, swa, gradientEstimator);
    }

    public MethodOptions withSwa(Typed v) {
        return new MethodOptions(clipValue, l1, l2, samAdaptive, lookahead, v, gradientEstimator);
    }

    public MethodOptions withGradientEstimator(Typed v) {
        return new MethodOptions(clipValue, l1, l2, samAdaptive, lookahead, swa, v);
    }

    /** The engine's links of these options (SAM's kind is chosen by {@link RunSpec#toRunSettings}). */
    public List<TransformConfig> links() {
        List<TransformConfig> links = new ArrayList<>();
        if (clipValue != null) {
            links.add(new ClipValue.Config(clipValue));
        }
        links.add(new ElasticNetPenalty.Config(l1, l2));
        if (lookahead != null) {
            links.add(lookahead(lookahead));
        }
        if (swa != null) {
            links.add(swa(swa));
        }
        if (gradientEstimator != null) {
            links.add(es(gradientEstimator));
        }
        return links;
    }

    static Lookahead.Config lookahead(Typed t) {
        return new Lookahead.Config((int) LOOKAHEAD.integer(t, "k"), LOOKAHEAD.number(t, "alpha"));
    }

    static StochasticWeightAveraging.Config swa(Typed t) {
        return new StochasticWeightAveraging.Config(SWA.integer(t, "start"), SWA.integer(t, "every"),
                SWA.number(t, "swaLr", Double.NaN), SWA.integer(t, "annealSteps"), SWA.string(t, "annealStrategy").equals("cos"));
    }

    static EvolutionStrategyGradient.Config es(Typed t) {
        return new EvolutionStrategyGradient.Config((int) ES.integer(t, "population"), ES.number(t, "sigma"),
                ES.bool(t, "antithetic"), ES.bool(t, "rankShaping"));
    }
}
