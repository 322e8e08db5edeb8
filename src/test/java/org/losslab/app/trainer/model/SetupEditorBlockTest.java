package org.losslab.app.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.mlp.HiddenBlock;
import org.losslab.engine.mlp.Normalization;
import org.losslab.engine.mlp.Trainer;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.mlp.TrainingOptions;

/** Normalization and dropout in the trainer's setup: taken, refused where they cannot act, drawn with the run's statistics. */
class SetupEditorBlockTest {
    private final List<String> reports = new ArrayList<>();
    private final List<Training> built = new ArrayList<>();
    private final SetupEditor e = new SetupEditor(Setup.DEFAULT, reports::add, (t, w) -> built.add(t));

    @Test
    void aBlockIsTakenIntoTheNetworkAndTheConfig() {
        HiddenBlock b = new HiddenBlock(Normalization.BATCH, 0.2);
        assertNull(e.setBlock(b));
        assertEquals(b, e.training().architecture().block());
        assertEquals(b, e.config().network().block());
        assertEquals(b, Setup.of(e.config(), null).block(), "a config read back keeps the block");
        int plain = new Setup(e.current().data(), null, null, e.current().features(), e.current().hidden(),
                e.current().activation(), e.current().output(), e.current().init(), true, 10, 1, e.current().runs(),
                TrainingOptions.NONE).network().parameterCount();
        assertEquals(plain + 2 * (12 + 12), e.training().architecture().parameterCount(), "γ and β per hidden unit");
        assertNull(e.setHidden(new int[] {6}), "other edits keep the block");
        assertEquals(b, e.current().block());
    }

    @Test
    void refusedWhereItCannotAct() {
        assertNull(e.setBlock(new HiddenBlock(Normalization.LAYER, 0)));
        String p = e.setHidden(new int[0]);
        assertNotNull(p);
        assertTrue(p.contains("between hidden layers"), p);
        p = e.setOptions(TrainingOptions.NONE.withSharpness(TrainingOptions.SharpnessRecording.every(10)));
        assertNotNull(p);
        assertTrue(p.contains("plain networks"), p);
        assertEquals(Normalization.LAYER, e.current().block().normalization(), "a refused edit keeps the setup");
    }

    @Test
    void mcDropoutDrawsTheMeanAndTheSpreadOfThePasses() {
        assertNotNull(e.setOptions(TrainingOptions.NONE.withMcDropout(10)), "MC dropout needs dropout");
        assertNull(e.setBlock(new HiddenBlock(Normalization.NONE, 0.3)));
        assertNull(e.setOptions(TrainingOptions.NONE.withMcDropout(10)));
        assertEquals(10, e.config().options().mcDropout());
        Trainer t = e.training().trainer(0);
        t.step(30);
        Boundary b = Boundary.ofMcDropout(t, e.inputWindow(), 2, 10);
        assertTrue(b.uncertain());
        assertEquals(10, b.passes());
        assertEquals(Boundary.SIZE * Boundary.SIZE, b.spread().length);
        assertEquals(Boundary.SIZE * Boundary.SIZE, b.predicted().length);
        assertTrue(java.util.Arrays.stream(b.spread()).max().getAsDouble() > 0);
        Boundary again = Boundary.ofMcDropout(t, e.inputWindow(), 2, 10);
        assertTrue(java.util.Arrays.equals(b.spread(), again.spread()), "the same weights, the same map");
        assertTrue(!Boundary.of(t.predictor(), t.weights(), e.inputWindow(), 2, t.step(), 0).uncertain());
    }

    @Test
    void theBoundaryOfABatchNormalizedRunUsesItsRunningStatistics() {
        assertNull(e.setBlock(new HiddenBlock(Normalization.BATCH, 0)));
        Trainer t = e.training().trainer(0);
        t.step(50);
        Boundary b = Boundary.of(t.predictor(), t.weights(), e.inputWindow(), 2, t.step(), 0);
        // A fresh network (running mean 0, variance 1) would draw another picture from the same weights.
        Trainer fresh = e.training().trainer(0);
        Boundary other = Boundary.of(fresh.predictor(), t.weights(), e.inputWindow(), 2, t.step(), 0);
        assertTrue(!java.util.Arrays.equals(b.pixels(), other.pixels()), "the running statistics shape the boundary");
    }
}
