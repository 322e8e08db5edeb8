package org.losslab.app.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.sim.Trajectory;

/** A training's curves keep at most the bound of points, each a true step; a short training keeps every step. */
class RunCurvesBoundTest {

    private static TrainSnapshot at(long step) {
        return new TrainSnapshot(step, step / 10.0, 1.0 / (step + 1), 2.0 / (step + 1), 0.5, 0.25, 3.0 / (step + 1),
                0.01, false, new double[] {step, -step}, Double.NaN, new double[0], false, -1);
    }

    private static RunCurves fill(long steps, int every) {
        RunCurves c = new RunCurves(steps, every);
        for (long s = 0; s <= steps; s++) {
            c.add(at(s));
        }
        return c;
    }

    @Test
    void aLongTrainingKeepsAtMostTheBoundOfTruePoints() {
        long steps = 3L * RunCurves.KEPT_POINTS + 7;
        RunCurves c = fill(steps, (int) (steps / 100));
        for (Trajectory t : new Trajectory[] {c.train(), c.test(), c.trainAccuracy(), c.testAccuracy()}) {
            assertTrue(t.size() <= RunCurves.KEPT_POINTS, "kept " + t.size());
            assertFalse(t.complete());
            assertEquals(steps, t.step(t.size() - 1), "the latest step");
        }
        Trajectory train = c.train();
        for (int i = 0; i < train.size(); i += 101) {
            assertEquals(1.0 / (train.step(i) + 1), train.loss(i), 0.0, "point " + i + " is step " + train.step(i));
            assertEquals(3.0 / (train.step(i) + 1), train.gradNorm(i), 0.0);
        }
        assertEquals(steps + 1, c.nextStep());
        assertEquals(steps, c.step());
        // The projected path's losses are those of the recorded weights' own steps, kept or not.
        long[] at = c.weightPathSteps();
        double[] loss = c.weightPathLosses();
        assertEquals(at.length, loss.length);
        for (int i = 0; i < at.length; i++) {
            assertEquals(1.0 / (at[i] + 1), loss[i], 0.0, "recorded step " + at[i]);
        }
        assertThrows(IllegalStateException.class, () -> c.add(at(steps)), "steps in order without gaps");
    }

    @Test
    void aShortTrainingKeepsEveryStep() {
        RunCurves c = fill(1000, 10);
        assertEquals(1001, c.train().size());
        assertTrue(c.train().complete());
        assertEquals(0.5, c.trainAccuracy().loss(500), 0.0);
        assertEquals(1.0 / 501, c.train().loss(500), 0.0);
        assertEquals(101, c.weightPathLosses().length);
    }
}
