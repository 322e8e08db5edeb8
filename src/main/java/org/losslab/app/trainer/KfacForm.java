package org.losslab.app.trainer;

import java.util.List;
import java.util.Map;
import org.losslab.app.controls.ParamForm;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.engine.mlp.Kfac;
import org.losslab.engine.mlp.TrainingOptions;
import org.losslab.format.Param;
import org.losslab.format.Schema;
import org.losslab.format.Typed;

/** A run's K-FAC preconditioning as a generated form (docs/train-format.md, a run's {@code kfac}). */
final class KfacForm {
    static final Schema KFAC = new Schema("kfac", "K-FAC", "Kronecker-factored natural-gradient preconditioning",
            List.of(Param.bool("kfac", false,
                            "Precondition this run's gradient by K-FAC (Martens & Grosse 2015): each layer's gradient times the inverses of "
                                    + "its Kronecker factors A = E[a aᵀ] (inputs) and G = E[g gᵀ] (output gradients), a natural-gradient step; "
                                    + "the optimizer above then steps with it (SGD with momentum, as in the paper)."),
                    Param.number("damping", Kfac.Settings.DEFAULT_DAMPING, 0, true, 1e6,
                            "Tikhonov damping γ of the Fisher: the factors get π√γ and √γ/π added to their diagonals. Larger is "
                                    + "safer and closer to plain gradient descent."),
                    Param.number("decay", Kfac.Settings.DEFAULT_DECAY, 0, false, 0.9999,
                            "Weight of the old running averages of A and G against the new batch's (the paper's 0.95)."),
                    Param.integer("inverseEvery", (long) Kfac.Settings.DEFAULT_INVERSE_EVERY, 1, 1_000_000,
                            "Recompute the damped inverses of the factors every this many updates (and at the first).")));

    private KfacForm() {
    }

    /** The form for run {@code run} of the model's current setup. */
    static ParamForm of(TrainerModel model, int run) {
        ParamForm f = new ParamForm(KFAC, value(model.setup().current().options().kfac(run)),
                SetupSchemas.checked(KFAC, t -> apply(model, run, t)));
        f.setId("kfacForm");
        return f;
    }

    static Typed value(Kfac.Settings s) {
        Kfac.Settings v = s != null ? s
                : new Kfac.Settings(Kfac.Settings.DEFAULT_DAMPING, Kfac.Settings.DEFAULT_DECAY, Kfac.Settings.DEFAULT_INVERSE_EVERY);
        return new Typed("kfac", Map.of()).with("kfac", s != null).with("damping", v.damping()).with("decay", v.decay())
                .with("inverseEvery", (long) v.inverseEvery());
    }

    private static String apply(TrainerModel model, int run, Typed t) {
        TrainingOptions o = model.setup().current().options();
        Kfac.Settings next = KFAC.bool(t, "kfac")
                ? new Kfac.Settings(KFAC.number(t, "damping"), KFAC.number(t, "decay"), (int) KFAC.integer(t, "inverseEvery"))
                : null;
        return java.util.Objects.equals(next, o.kfac(run)) ? null : model.setup().setOptions(o.withKfac(run, next));
    }
}
