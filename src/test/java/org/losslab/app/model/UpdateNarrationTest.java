package org.losslab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.format.Point;
import org.losslab.format.RunSpec;
import org.losslab.format.Typed;
import org.losslab.format.scenario.Scenario;

/**
 * The replayed optimizer state must predict the engine's step exactly (no noise here), so the
 * narrated vectors are the update that was taken.
 */
class UpdateNarrationTest {

    private static Trajectory run(RunSpec r, Scenario base) {
        Scenario s = base.withRuns(List.of(r));
        return s.simulation().run(Runnable::run, Cancellation.NEVER).get(0);
    }

    private static UpdateNarration.Vector role(UpdateNarration n, UpdateNarration.Role role) {
        return n.vectors().stream().filter(v -> v.role() == role).findFirst().orElseThrow();
    }

    @Test
    void heavyBallMomentumIsTheStep() {
        Scenario base = DefaultScenario.rosenbrockRace().withStart(new Point(-1, 1)).withSteps(40);
        RunSpec r = RunSpec.of("m", new Typed("sgd", Map.of("lr", 0.0005, "momentum", 0.9, "weightDecay", 0.01)));
        Trajectory t = run(r, base);
        var surface = base.buildSurface();
        for (int k : new int[] {0, 1, 17, 38}) {
            UpdateNarration n = UpdateNarration.of(r, surface, t, k);
            var m = role(n, UpdateNarration.Role.MOMENTUM);
            var step = role(n, UpdateNarration.Role.STEP);
            assertEquals(step.dx(), m.dx(), 1e-12 * Math.max(1, Math.abs(step.dx())));
            assertEquals(step.dy(), m.dy(), 1e-12 * Math.max(1, Math.abs(step.dy())));
        }
        assertNull(UpdateNarration.of(r, surface, t, 40), "no update after the last point");
    }

    @Test
    void adamScaledMomentIsTheStep() {
        Scenario base = DefaultScenario.rosenbrockRace().withSteps(30);
        for (String type : new String[] {"adam", "rmsprop", "adagrad"}) {
            RunSpec r = RunSpec.of(type, new Typed(type, Map.of("lr", 0.01)));
            Trajectory t = run(r, base);
            UpdateNarration n = UpdateNarration.of(r, base.buildSurface(), t, 20);
            var scaled = role(n, UpdateNarration.Role.SCALED);
            var step = role(n, UpdateNarration.Role.STEP);
            assertEquals(step.dx(), scaled.dx(), 1e-9 * Math.abs(step.dx()), type);
            assertEquals(step.dy(), scaled.dy(), 1e-9 * Math.abs(step.dy()), type);
            assertTrue(n.lines().size() >= 4, type);
        }
    }

    @Test
    void uncorrectedAdamAndArmijoAreNarratedAsTheStepTheyTook() {
        Scenario base = DefaultScenario.rosenbrockRace().withSteps(30);
        RunSpec adam = RunSpec.of("a", new Typed("adam", Map.of("lr", 0.01, "biasCorrection", false)));
        Trajectory t = run(adam, base);
        UpdateNarration n = UpdateNarration.of(adam, base.buildSurface(), t, 3);
        var scaled = role(n, UpdateNarration.Role.SCALED);
        var step = role(n, UpdateNarration.Role.STEP);
        assertEquals(step.dx(), scaled.dx(), 1e-9 * Math.abs(step.dx()));
        assertEquals(step.dy(), scaled.dy(), 1e-9 * Math.abs(step.dy()));
        assertTrue(n.lines().stream().anyMatch(l -> l.startsWith("No bias correction")), n.lines().toString());

        // Armijo from lr 0.01 on Rosenbrock halves the rate: the narrated −η·g is the step taken.
        RunSpec armijo = RunSpec.of("g", new Typed("sgd", Map.of("lr", 0.01, "lineSearch", "armijo")));
        Trajectory ta = run(armijo, base);
        UpdateNarration na = UpdateNarration.of(armijo, base.buildSurface(), ta, 0);
        var grad = role(na, UpdateNarration.Role.GRADIENT);
        var stepA = role(na, UpdateNarration.Role.STEP);
        assertEquals(stepA.dx(), grad.dx(), 1e-12 * Math.max(1, Math.abs(stepA.dx())));
        assertEquals(stepA.dy(), grad.dy(), 1e-12 * Math.max(1, Math.abs(stepA.dy())));
        assertTrue(na.lines().stream().anyMatch(l -> l.startsWith("Armijo line search: from the scheduled η = 0.01000, 4 halvings to η = 6.250e-04")), na.lines().toString());
    }

    @Test
    void samsAscentStepIsDrawnFromThePoint() {
        Scenario base = DefaultScenario.rosenbrockRace().withSteps(10);
        RunSpec sam = RunSpec.of("s", new Typed("sgd", Map.of("lr", 0.0005))).withSamRho(0.2);
        Trajectory t = run(sam, base);
        var surface = base.buildSurface();
        UpdateNarration n = UpdateNarration.of(sam, surface, t, 4);
        var ascent = role(n, UpdateNarration.Role.ASCENT);
        double[] g = new double[2];
        surface.valueAndGradient(t.x(4), t.y(4), 4, g);
        double norm = Math.hypot(g[0], g[1]);
        assertEquals(0.2 * g[0] / norm, ascent.dx(), 1e-15);
        assertEquals(0.2 * g[1] / norm, ascent.dy(), 1e-15);
        assertEquals(0.2, Math.hypot(ascent.dx(), ascent.dy()), 1e-12);
    }

    @Test
    void asamPenaltiesAndClipValueAreNarratedAsTheEngineTakesThem() {
        Scenario base = DefaultScenario.rosenbrockRace().withStart(new Point(-1, 1)).withSteps(20);
        RunSpec r = RunSpec.of("m", new Typed("sgd", Map.of("lr", 0.0005, "momentum", 0.9))).withSamRho(0.05)
                .withMethods(org.losslab.format.MethodOptions.NONE.withSamAdaptive(true).withL1(0.1).withL2(0.2).withClipValue(3.0));
        Trajectory t = run(r, base);
        var surface = base.buildSurface();
        for (int k : new int[] {0, 1, 9, 18}) {
            UpdateNarration n = UpdateNarration.of(r, surface, t, k);
            var m = role(n, UpdateNarration.Role.MOMENTUM);
            var step = role(n, UpdateNarration.Role.STEP);
            assertEquals(step.dx(), m.dx(), 1e-12 * Math.max(1, Math.abs(step.dx())), "update " + k);
            assertEquals(step.dy(), m.dy(), 1e-12 * Math.max(1, Math.abs(step.dy())), "update " + k);
            assertTrue(n.lines().stream().anyMatch(l -> l.startsWith("ASAM:")), n.lines().toString());
            assertTrue(n.lines().stream().anyMatch(l -> l.startsWith("L1/L2 terms:")), n.lines().toString());
            assertTrue(n.lines().stream().anyMatch(l -> l.startsWith("Clip by value:")), n.lines().toString());
        }
    }
}
