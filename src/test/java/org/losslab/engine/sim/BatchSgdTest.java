package org.losslab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.engine.update.RunSettings;
import org.losslab.format.SurfaceCatalog;
import org.losslab.format.Typed;

/**
 * Without a sink, a large SGD batch takes {@link BatchSgd}'s loop; with one, the Stepper's general
 * loops. Every run's outcome (the step it diverged at, the first step under the tolerance, its last
 * point and loss) must agree bit for bit, on every surface, for each SGD variant, with rates from
 * harmless to explosive so that runs diverge and reach the tolerance at many steps, inside chunks and
 * across the cancellation polls.
 */
class BatchSgdTest {
    private static final TrajectorySink IGNORE = (run, step, x, y, loss, gradNorm, lr) -> { };

    /** The rules of {@link Sgd}'s batch step, each with runs of μ = 0 mixed in where it has momentum. */
    private static List<Sgd.Config> variant(int v, double lr, int r) {
        double mu = r % 5 == 0 ? 0 : 0.3 + 0.6 * (r % 7) / 7.0;
        return List.of(switch (v) {
            case 0 -> new Sgd.Config(lr, 0, 0, false, 0);
            case 1 -> new Sgd.Config(lr, mu, 0, false, 0);
            case 2 -> new Sgd.Config(lr, mu, r % 3 == 0 ? 0 : 0.25, false, 0);
            case 3 -> new Sgd.Config(lr, mu, 0.1, false, r % 2 == 0 ? 0 : 0.02);
            case 4 -> new Sgd.Config(lr, mu == 0 ? 0.5 : mu, 0, true, r % 4 == 0 ? 0 : 0.01);
            // Weight decay without momentum in any run, and rates from 0: Sgd's rule then reads b·0.
            default -> new Sgd.Config(r < 3 ? 0 : lr, 0, 0, false, r % 2 == 0 ? 0 : 0.02);
        });
    }

    @Test
    void theBatchLoopGivesEveryOutcomeOfTheGeneralPathBitForBit() {
        int diverged = 0, reached = 0, cases = 0;
        List<Surface> surfaces = new ArrayList<>();
        for (String type : SurfaceCatalog.types()) {
            if (type.equals("expression")) {
                // Expressions see the step t, so the replay must give each point its own step.
                surfaces.add(SurfaceCatalog.build(new Typed(type, Map.of("f", "x^2 + 3*y^2 + 0.001*t*x*y"))));
            } else if (!type.equals("regression")) {
                surfaces.add(SurfaceCatalog.build(new Typed(type, Map.of())));
            }
        }
        surfaces.add(SurfaceCatalog.build(new Typed("regression", Map.of())));
        for (Surface surface : surfaces) {
            for (int v = 0; v < 6; v++) {
                int n = 40;
                List<RunSettings> runs = new ArrayList<>();
                int[] indices = new int[n];
                Window w = surface.defaultView();
                for (int r = 0; r < n; r++) {
                    double lr = 1e-4 * Math.pow(1e4, r / (double) (n - 1));
                    double x = w.xMin() + (w.xMax() - w.xMin()) * (0.2 + 0.6 * ((r * 7) % n) / n);
                    double y = w.yMin() + (w.yMax() - w.yMin()) * (0.2 + 0.6 * ((r * 13) % n) / n);
                    runs.add(RunSettings.of(variant(v, lr, r).get(0), x, y));
                    indices[r] = r;
                }
                Window start = surface.defaultView();
                double tol = surface.value((start.xMin() + start.xMax()) / 2, (start.yMin() + start.yMax()) / 2, 0) * 0.25;
                Stepper general = new Stepper(surface, runs, indices, 1500, 7).trackTolerance(tol);
                Stepper fused = new Stepper(surface, runs, indices, 1500, 7).trackTolerance(tol);
                assertTrue(general.run(IGNORE, Cancellation.NEVER));
                assertTrue(fused.run(null, Cancellation.NEVER));
                assertFalse(general.tookBatchLoop(), "a sink keeps the general path");
                assertTrue(fused.tookBatchLoop(), surface.type() + ": the batch loop ran");
                String what = surface.type() + ", variant " + v + ", run ";
                for (int r = 0; r < n; r++) {
                    assertEquals(general.divergedAt(r), fused.divergedAt(r), what + r + ": diverged at");
                    assertEquals(general.reachedAt(r), fused.reachedAt(r), what + r + ": reached at");
                    assertEquals(Double.doubleToRawLongBits(general.lastX(r)), Double.doubleToRawLongBits(fused.lastX(r)),
                            what + r + ": x " + general.lastX(r) + " vs " + fused.lastX(r));
                    assertEquals(Double.doubleToRawLongBits(general.lastY(r)), Double.doubleToRawLongBits(fused.lastY(r)),
                            what + r + ": y");
                    assertEquals(Double.doubleToRawLongBits(general.lastLoss(r)),
                            Double.doubleToRawLongBits(fused.lastLoss(r)), what + r + ": loss");
                    diverged += general.divergedAt(r) > 0 ? 1 : 0;
                    reached += general.reachedAt(r) > 0 ? 1 : 0;
                }
                cases++;
            }
        }
        assertTrue(diverged > cases && reached > cases, "events exercised: " + diverged + " diverged, " + reached + " reached");
    }
}
