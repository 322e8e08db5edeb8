package org.losslab.app.trainer;

import java.util.List;
import java.util.Map;
import org.losslab.app.controls.ParamForm;
import org.losslab.app.trainer.model.TrainerModel;
import org.losslab.engine.mlp.Curriculum;
import org.losslab.engine.mlp.TrainingOptions;
import org.losslab.format.Param;
import org.losslab.format.Schema;
import org.losslab.format.Typed;
import org.losslab.format.train.TrainConfigReader;

/** A run's curriculum (docs/train-format.md, a run's {@code curriculum}) as a generated form. */
final class CurriculumForm {
    static final Schema CURRICULUM = new Schema("curriculum", "Curriculum", "the order the training examples come in",
            List.of(Param.choice("by", "random", List.of("random", "centreDistance", "margin"),
                            "random: every batch from the whole training set (a shuffling DataLoader). centreDistance: easy = close "
                                    + "to its class's centre. margin: easy = far on the right side of a reference model's boundary "
                                    + "(the same network trained by Adam first). A curriculum starts from the easiest examples "
                                    + "and takes in harder ones step by step (Bengio et al. 2009)."),
                    Param.number("start", Curriculum.Settings.DEFAULT_START, 0, true, 1,
                            "Share of the training set, easiest first, that the batches are drawn from at step 0."),
                    Param.integer("rampSteps", 1000L, 1, TrainConfigReader.MAX_STEPS,
                            "The pool grows linearly to the whole training set by this step; from then on the order is random."),
                    Param.integer("referenceSteps", Curriculum.Settings.DEFAULT_REFERENCE_STEPS, 1, TrainConfigReader.MAX_REFERENCE_STEPS,
                            "margin only: full-batch Adam updates of the reference model that scores the examples.")));

    private CurriculumForm() {
    }

    /** The form for run {@code run} of the model's current setup. */
    static ParamForm of(TrainerModel model, int run) {
        ParamForm f = new ParamForm(CURRICULUM, value(model.setup().current().options().curriculum(run), model.setup().current().steps()),
                SetupSchemas.checked(CURRICULUM, t -> apply(model, run, t)));
        f.setId("curriculumForm");
        return f;
    }

    static Typed value(Curriculum.Settings s, long steps) {
        Typed t = new Typed("curriculum", Map.of()).with("by", s == null ? "random" : s.by().id())
                .with("start", s == null ? Curriculum.Settings.DEFAULT_START : s.start())
                .with("rampSteps", s == null ? Math.max(1, steps / 2) : s.rampSteps());
        return t.with("referenceSteps", s == null || s.referenceSteps() == 0 ? Curriculum.Settings.DEFAULT_REFERENCE_STEPS : s.referenceSteps());
    }

    private static String apply(TrainerModel model, int run, Typed t) {
        TrainingOptions o = model.setup().current().options();
        String by = (String) CURRICULUM.get(t, "by");
        Curriculum.Settings next = null;
        if (!by.equals("random")) {
            Curriculum.Score score = Curriculum.Score.of(by);
            if (score == Curriculum.Score.CENTRE_DISTANCE && model.setup().current().data().classCount() == 0) {
                return "by: the distance from the class centre needs class labels; regression data has none (use margin)";
            }
            next = new Curriculum.Settings(score, CURRICULUM.number(t, "start"), CURRICULUM.integer(t, "rampSteps"),
                    score == Curriculum.Score.MARGIN ? CURRICULUM.integer(t, "referenceSteps") : 0);
        }
        return java.util.Objects.equals(next, o.curriculum(run)) ? null : model.setup().setOptions(o.withCurriculum(run, next));
    }
}
