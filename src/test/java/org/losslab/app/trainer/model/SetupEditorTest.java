package org.losslab.app.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.mlp.DataKind;
import org.losslab.engine.mlp.DataSpec;
import org.losslab.engine.mlp.Dataset;
import org.losslab.engine.mlp.Feature;
import org.losslab.engine.mlp.Output;
import org.losslab.engine.mlp.Training;
import org.losslab.format.Typed;
import org.losslab.format.train.TrainConfig;

/** Editing the trainer's setup: each edit checked whole, a refused one changing nothing, each accepted one announced. */
class SetupEditorTest {
    private final List<String> reports = new ArrayList<>();
    private final List<Training> built = new ArrayList<>();
    private final SetupEditor e = new SetupEditor(Setup.DEFAULT, reports::add, (t, w) -> built.add(t));

    private String lastReport() {
        return reports.get(reports.size() - 1);
    }

    @Test
    void theDefaultIsBuiltAndAnnouncedOnce() {
        assertEquals(1, built.size());
        assertSame(e.training(), built.get(0));
        assertEquals(List.of(""), reports);
        assertEquals(DataKind.SPIRALS, e.current().data().kind());
        assertEquals(1, e.config().network().outputs(), "one sigmoid unit for two spirals");
        Dataset d = e.training().data().train();
        for (int i = 0; i < d.size(); i++) {
            assertTrue(d.x1(i) >= e.inputWindow().xMin() && d.x1(i) <= e.inputWindow().xMax()
                    && d.x2(i) >= e.inputWindow().yMin() && d.x2(i) <= e.inputWindow().yMax(), "the boundary covers point " + i);
        }
    }

    @Test
    void anAcceptedEditIsBuiltAnnouncedAndClearsTheMessage() {
        reports.add("an older problem");
        assertNull(e.setHidden(new int[] {5}));
        assertArrayEquals(new int[] {5}, e.current().hidden());
        assertArrayEquals(new int[] {5}, e.training().architecture().hidden());
        assertEquals(2, built.size());
        assertEquals("", lastReport());
        assertEquals(e.config(), e.configProperty().get());
    }

    @Test
    void aRefusedEditChangesNothingAndSaysWhy() {
        String p = e.setOutput(Output.SOFTMAX);
        assertNull(p, "softmax fits two classes too");
        p = e.setData(new DataSpec(DataKind.BLOBS, 200, 0.05, 0.5, 4, false, 0, 1));
        assertNull(p);
        assertEquals(Output.SOFTMAX, e.current().output(), "four blobs keep softmax");
        int builds = built.size();
        String refused = e.setOutput(Output.SIGMOID);
        assertNotNull(refused);
        assertEquals(builds + 1, built.size(), "the setup before it is built again: the training starts over as after any edit");
        assertEquals(refused, lastReport());
        assertEquals(Output.SOFTMAX, e.current().output());
        assertEquals(4, e.training().architecture().outputs());
    }

    @Test
    void limitsAreCheckedBeforeAnythingIsBuilt() {
        int builds = built.size();
        assertTrue(e.setSteps(SetupEditor.MAX_STEPS + 1).contains("steps must be 1 to"));
        assertTrue(e.setHidden(new int[] {0}).contains("1 to 1024"));
        assertTrue(e.setHidden(new int[17]).contains("1 to 1024"));
        assertEquals("at most 16 hidden layers", e.setHidden(filled(17)));
        assertTrue(e.setFeatures(List.of()).contains("at least one input feature"));
        assertEquals(builds, built.size(), "nothing was built for these");
        assertEquals(2000, e.current().steps());
    }

    @Test
    void aNewtonRunOnABigNetworkIsRefusedUpFront() {
        assertNull(e.setHidden(new int[] {64, 64}));
        String p = e.editRun(0, r -> r.withOptimizer(new Typed("newton", Map.of("lr", 1.0))));
        assertNotNull(p);
        assertTrue(p.contains("Newton"), p);
        assertEquals("adam", e.current().runs().get(0).optimizer().type());
    }

    @Test
    void theSeedIsTheDataSeedToo() {
        assertNull(e.setSeed(42));
        assertEquals(42, e.current().seed());
        assertEquals(42, e.current().data().seed());
        assertEquals(42, e.config().seed());
    }

    @Test
    void importedPointsReplaceTheDataAndAnotherKindDropsThem() {
        Dataset points = new DataSpec(DataKind.XOR, 40, 0.0, 0, 2, false, 0, 1).split().train();
        assertNull(e.importData(points, "xor.csv"));
        assertEquals(DataKind.CSV, e.current().data().kind());
        assertEquals("xor.csv", e.current().importedName());
        assertEquals(40, e.training().data().train().size() + e.training().data().test().size());
        assertNull(e.setData(new DataSpec(DataKind.MOONS, 100, 0.1, 0.5, 2, false, 0, 1)));
        assertNull(e.current().importedName());
        assertNull(e.current().imported());
    }

    @Test
    void loadingAConfigTakesEverySettingAndABadOneKeepsTheSetup() {
        Setup other = Setup.DEFAULT.withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_X2)).withSteps(300).withSeed(9);
        assertNull(e.load(other.config(), "other.json"));
        assertEquals(List.of(Feature.X1, Feature.X2, Feature.X1_X2), e.current().features());
        assertEquals(300, e.current().steps());
        assertEquals(9, e.current().seed());
        TrainConfig tooLong = Setup.DEFAULT.withSteps(SetupEditor.MAX_STEPS + 1).config();
        String p = e.load(tooLong, "long.json");
        assertTrue(p.contains("losslab train"), p);
        assertEquals(300, e.current().steps(), "the loaded setup stays");
    }

    @Test
    void labelsAreNumberedWhenTwoRunsShareAnOptimizer() {
        assertEquals("adam", e.label(0));
        assertNull(e.addRun(0));
        assertEquals("adam #1", e.label(0));
        assertEquals("adam #2", e.label(1));
        assertNull(e.editRun(1, r -> r.withLabel("mine")));
        assertEquals("adam", e.label(0));
        assertEquals("mine", e.label(1));
        assertNull(e.removeRun(0));
        assertEquals("keep at least one run", e.removeRun(0));
    }

    @Test
    void anInvalidStartingSetupIsAnError() {
        Setup bad = Setup.DEFAULT.withSteps(SetupEditor.MAX_STEPS + 1);
        assertThrows(IllegalArgumentException.class, () -> new SetupEditor(bad, p -> { }, (t, w) -> { }));
    }

    private static int[] filled(int n) {
        int[] w = new int[n];
        java.util.Arrays.fill(w, 2);
        return w;
    }
}
