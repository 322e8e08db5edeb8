package org.losslab.app.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.app.model.JobThreads;
import org.losslab.app.model.ManualExecutor;
import org.losslab.engine.Cancellation;
import org.losslab.engine.mlp.Ensemble;

/** The trainer's deep ensemble: trained in the background from the setup it started with, the same as the engine's. */
class EnsembleStudyTest {
    private final List<String> reports = new ArrayList<>();
    private final SetupEditor setup = new SetupEditor(Setup.DEFAULT.withSteps(120), reports::add, (t, w) -> { });

    @Test
    void trainsTheShownRunsMembersAndComparesThem() {
        ManualExecutor coordinator = new ManualExecutor();
        EnsembleStudy study = new EnsembleStudy(new JobThreads(coordinator, Runnable::run, 1), Runnable::run, reports::add);
        assertNull(study.compute(setup.config(), 0, 3, setup.inputWindow()));
        assertTrue(study.runningProperty().get());
        coordinator.runAll();
        EnsembleStudy.Result r = study.resultProperty().get();
        assertNotNull(r);
        assertFalse(study.runningProperty().get());
        assertEquals(3, r.members());
        assertEquals(120, r.steps());
        assertTrue(r.boundary().uncertain());
        assertEquals(3, r.boundary().passes());
        // The same figures as the engine's ensemble of the same config.
        var config = setup.config();
        var withMembers = new org.losslab.format.train.TrainConfig(config.title(), config.description(), config.data(),
                config.imported(), config.network(), config.init(), config.steps(), config.seed(), config.runs(),
                config.options().withEnsemble(3));
        Ensemble e = new Ensemble(withMembers.members(), 0);
        e.step(120, Cancellation.NEVER);
        assertEquals(e.evaluate(withMembers.training().data().test()), r.evaluation());
        assertTrue(r.evaluation().loss() <= r.evaluation().memberLoss());
        study.clear();
        assertNull(study.resultProperty().get());
    }

    @Test
    void refusesTooFewMembers() {
        EnsembleStudy study = new EnsembleStudy(new JobThreads(new ManualExecutor(), Runnable::run, 1), Runnable::run, reports::add);
        String p = study.compute(setup.config(), 0, 1, setup.inputWindow());
        assertNotNull(p);
        assertTrue(p.contains("2 to 16 members"), p);
    }
}
