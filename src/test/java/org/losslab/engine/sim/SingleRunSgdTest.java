package org.losslab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.update.RunSettings;

/**
 * A single SGD run takes {@link SingleRunSgd}'s fused loop; the same run as slot 0 of a batch of two
 * takes the Stepper's general loops. Their trajectories must agree bit for bit, over more than one
 * chunk between cancellation polls, through divergence and the first step under the tolerance, with
 * momentum, dampening, Nesterov and weight decay.
 */
class SingleRunSgdTest {

    /** Records every point of every run by run index. */
    private static final class Points implements TrajectorySink {
        final List<List<double[]>> runs = new ArrayList<>();

        @Override
        public void point(int run, long step, double x, double y, double loss, double gradNorm, double lr) {
            while (runs.size() <= run) {
                runs.add(new ArrayList<>());
            }
            runs.get(run).add(new double[] {step, x, y, loss, gradNorm, lr});
        }
    }

    private static Stepper same(Surface surface, Sgd.Config c, double x0, double y0, long steps, double tol) {
        RunSettings run = RunSettings.of(c, x0, y0);
        Points alone = new Points(), batch = new Points();
        Stepper one = new Stepper(surface, List.of(run), new int[] {0}, steps, 3).trackTolerance(tol);
        assertTrue(one.run(alone, Cancellation.NEVER));
        Stepper two = new Stepper(surface, List.of(run, run), new int[] {0, 1}, steps, 3).trackTolerance(tol);
        assertTrue(two.run(batch, Cancellation.NEVER));
        List<double[]> a = alone.runs.get(0), b = batch.runs.get(0);
        assertEquals(b.size(), a.size(), c + ": points");
        for (int k = 0; k < a.size(); k++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(Double.doubleToLongBits(b.get(k)[j]), Double.doubleToLongBits(a.get(k)[j]),
                        c + ": step " + k + ", value " + j + ": " + b.get(k)[j] + " vs " + a.get(k)[j]);
            }
        }
        assertEquals(two.divergedAt(0), one.divergedAt(0), c + ": diverged at");
        assertEquals(two.reachedAt(0), one.reachedAt(0), c + ": reached at");
        assertEquals(Double.doubleToLongBits(two.lastLoss(0)), Double.doubleToLongBits(one.lastLoss(0)));
        // Without a sink (outcomes only) the fused loop reports nothing but must end in the same place.
        Stepper quiet = new Stepper(surface, List.of(run), new int[] {0}, steps, 3).trackTolerance(tol);
        assertTrue(quiet.run(null, Cancellation.NEVER));
        assertEquals(Double.doubleToLongBits(two.lastX(0)), Double.doubleToLongBits(quiet.lastX(0)));
        assertEquals(Double.doubleToLongBits(two.lastY(0)), Double.doubleToLongBits(quiet.lastY(0)));
        assertEquals(two.divergedAt(0), quiet.divergedAt(0));
        assertEquals(two.reachedAt(0), quiet.reachedAt(0));
        return one;
    }

    @Test
    void theFusedLoopGivesTheGeneralPathsTrajectoryBitForBit() {
        Surface rosenbrock = new Rosenbrock(1, 100);
        for (Sgd.Config c : List.of(new Sgd.Config(1e-4, 0.9, 0, false, 0), new Sgd.Config(2e-4, 0, 0, false, 0),
                new Sgd.Config(1e-4, 0.8, 0.3, false, 0.01), new Sgd.Config(1e-4, 0.9, 0, true, 0.05),
                new Sgd.Config(5e-4, 0.95, 0.1, true, 0))) {
            same(rosenbrock, c, -1.5, 2, 3000, 1e-3);
        }
    }

    @Test
    void divergenceAndTheToleranceStopTheFusedLoopWhereTheGeneralPathStops() {
        Surface bowl = new Quadratic(10, 0.3);
        // η·λmax > 2(1 + μ): blows up within the first chunk; then one that converges past a tolerance mid-chunk.
        assertTrue(same(bowl, new Sgd.Config(0.5, 0.5, 0, false, 0), 1, 1, 5000, Double.NEGATIVE_INFINITY).divergedAt(0) > 1);
        long reached = same(bowl, new Sgd.Config(0.01, 0.9, 0, false, 0), 1, 1, 5000, 1e-6).reachedAt(0);
        assertTrue(reached > 1 && reached % 1024 != 0, "reached at " + reached);
        assertTrue(same(new Rosenbrock(1, 100), new Sgd.Config(0.003, 0.9, 0, false, 0), -1.5, 2, 4000, 1e-3).divergedAt(0) > 1);
    }
}
