package org.losslab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.format.InputException;
import org.losslab.format.Typed;
import org.losslab.format.scenario.ScenarioReader;

/** The view model on the calling thread: edits, validation, runs and recomputation, no window. */
class LabModelTest {
    private final LabModel model = new LabModel(Runnable::run, Runnable::run, Runnable::run);

    LabModelTest() {
        model.show(DefaultScenario.rosenbrockRace());
        model.requestGrid(40, 30);
    }

    @Test
    void showingComputesTrajectoriesAndContours() {
        assertNotNull(model.snapshot());
        assertEquals(4, model.snapshot().trajectories().size());
        assertEquals(1001, model.snapshot().trajectory(0).size());
        assertNotNull(model.fieldProperty().get());
        assertEquals(40, model.fieldProperty().get().nx());
        assertFalse(model.computingProperty().get());
        assertEquals(1000, model.playback().step(), "stopped at the end: whole paths");
    }

    @Test
    void editRecomputesFromTheNewScenario() {
        double before = model.snapshot().trajectory(0).x(5);
        assertNull(model.editRun(0, r -> r.withOptimizer(r.optimizer().with("lr", 0.0005))));
        assertEquals(0.0005, model.scenario().runs().get(0).optimizer().params().get("lr"));
        assertNotEquals(before, model.snapshot().trajectory(0).x(5));
        assertTrue(model.dirtyProperty().get());
    }

    @Test
    void anEditOfOneRunRecomputesThatRunOnlyAndAnyOtherChangeRecomputesAll() {
        var before = model.snapshot();
        assertNull(model.editRun(1, r -> r.withOptimizer(r.optimizer().with("lr", 0.0007))));
        var after = model.snapshot();
        assertSame(before.trajectory(0), after.trajectory(0));
        assertNotSame(before.trajectory(1), after.trajectory(1));
        assertSame(before.trajectory(2), after.trajectory(2));
        assertSame(before.trajectory(3), after.trajectory(3));
        // The kept trajectories are those a full computation gives.
        var full = model.scenario().simulation().run(Runnable::run, () -> false);
        for (int i = 0; i < 4; i++) {
            assertEquals(full.get(i).size(), after.trajectory(i).size());
            assertEquals(full.get(i).x(full.get(i).size() - 1), after.trajectory(i).x(after.trajectory(i).size() - 1), 0.0);
            assertEquals(full.get(i).loss(full.get(i).size() - 1), after.trajectory(i).loss(after.trajectory(i).size() - 1), 0.0);
        }
        assertNull(model.moveStart(0.5, 0.5));
        for (int i = 0; i < 4; i++) {
            assertNotSame(after.trajectory(i), model.snapshot().trajectory(i), "the start moved: run " + i);
        }
        var moved = model.snapshot();
        model.addRun();
        assertSame(moved.trajectory(2), model.snapshot().trajectory(2), "a run added at the end leaves the others");
        assertNotNull(model.snapshot().trajectory(4));
        assertNull(LabModel.unchanged(moved, model.scenario().withRuns(model.scenario().runs()).withSurface(
                new org.losslab.format.Typed("quadratic", java.util.Map.of())), 0));
    }

    @Test
    void invalidEditIsRefusedWithWhereAndWhat() {
        var before = model.scenario();
        String problem = model.editRun(1, r -> r.withOptimizer(r.optimizer().with("lr", -1.0)));
        assertEquals("$.runs[1].optimizer.lr: must be ≥ 0, got -1", problem);
        assertEquals(problem, model.errorProperty().get());
        assertEquals(before, model.scenario());
        assertNull(model.moveStart(0.5, 0.5));
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void badFormulaNamesTheColumn() {
        String problem = model.edit(s -> s.withSurface(new Typed("expression", Map.of("f", "x^2 + * y"))));
        assertTrue(problem.startsWith("$.surface.f"), problem);
        assertTrue(problem.contains("column"), problem);
    }

    @Test
    void racesTooBigToKeepAreRefusedWithAWayOut() {
        // Each run keeps at most KEPT_POINTS points, so only many long runs are too many points.
        String problem = model.edit(s -> s.withRuns(java.util.Collections.nCopies(40, s.runs().get(0))).withSteps(200_000));
        assertTrue(problem.startsWith("$.steps: 40 runs × 200000 steps"), problem);
        assertTrue(problem.contains("losslab run --csv"), problem);
        assertEquals(1000, model.scenario().steps());
        assertEquals(4, model.scenario().runs().size());
        assertNull(model.edit(s -> s.withRuns(java.util.Collections.nCopies(38, s.runs().get(0))).withSteps(200_000)));
    }

    @Test
    void linkedSlidersEditEveryRun() {
        model.linkedProperty().set(true);
        model.editActiveRuns(r -> r.withNoiseTemperature(0.01));
        model.scenario().runs().forEach(r -> assertEquals(0.01, r.noiseTemperature()));
        model.linkedProperty().set(false);
        model.selectedProperty().set(2);
        model.editActiveRuns(r -> r.withSamRho(0.05));
        assertEquals(0.05, model.scenario().runs().get(2).samRho());
        assertEquals(0.0, model.scenario().runs().get(1).samRho());
    }

    @Test
    void addDuplicateRemoveAndHideRuns() {
        model.selectedProperty().set(2);
        model.addRun();
        assertEquals(5, model.scenario().runs().size());
        assertEquals(4, model.selected());
        assertEquals("adam", model.scenario().runs().get(4).optimizer().type());
        assertEquals(5, model.snapshot().trajectories().size());
        model.setHidden(1, true);
        model.duplicateRun(0);
        assertEquals(6, model.scenario().runs().size());
        assertEquals("SGD copy", model.scenario().runs().get(5).label());
        model.removeRun(0);
        assertEquals(5, model.scenario().runs().size());
        assertTrue(model.isHidden(0), "the hidden flag moves with its run");
        var colors = model.scenario().runs().stream().map(r -> r.displayColor(0)).distinct().count();
        assertTrue(colors >= 3);
    }

    @Test
    void openAndSaveRoundTrip(@TempDir Path dir) throws Exception {
        model.moveStart(-1, 1.5);
        Path file = dir.resolve("s.json");
        model.save(file);
        assertFalse(model.dirtyProperty().get());
        LabModel other = new LabModel(Runnable::run, Runnable::run, Runnable::run);
        other.open(file);
        assertEquals(model.scenario(), other.scenario());
        assertEquals(file, other.fileProperty().get());
        assertEquals(ScenarioReader.read(file), other.scenario());
    }

    @Test
    void badFileLeavesTheScenario(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"losslab-scenario/1\", \"surface\": {\"type\": \"nope\"}}");
        var before = model.scenario();
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> model.open(bad));
        assertTrue(e.getMessage().contains("$.surface"), e.getMessage());
        assertEquals(before, model.scenario());
    }
}
