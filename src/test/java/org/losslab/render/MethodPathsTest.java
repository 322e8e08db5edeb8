package org.losslab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;

/** What the plot adds for runs with Lookahead, SWA or ES, and nothing for runs without. */
class MethodPathsTest {

    private static RecordingDrawing paint(String sample, int step) throws Exception {
        Scenario s = ScenarioReader.read(Path.of("sample-landscapes", sample));
        List<Trajectory> t = s.simulation().run(Runnable::run, Cancellation.NEVER);
        PlotScene full = PlotScenes.finished(s, s.buildSurface(), null, t);
        PlotScene scene = new PlotScene(full.surface(), null, full.window(), full.paths(), step, full.startX(), full.startY(),
                null, PlotScene.Overlays.DEFAULT, List.of());
        RecordingDrawing d = new RecordingDrawing();
        new MethodPaths().paint(d, scene, PlotLayout.of(800, 600, scene.window(), PlotStyle.LIGHT), PlotStyle.LIGHT);
        return d;
    }

    @Test
    void lookaheadSwaAndEsRunsGetTheirOwnMarks() throws Exception {
        int dark = Colors.mix(Colors.parse("#D55E00"), 0xFF000000, 0.35);
        RecordingDrawing la = paint("lookahead-jumps-back.json", 60);
        // One slow point per k = 5 updates (and the start), each a square in the darker run colour.
        assertEquals(60 / 5 + 1, la.fills.stream().filter(c -> c == dark).count(), "slow points");
        assertTrue(la.strokes.contains(dark), "the slow path");
        RecordingDrawing early = paint("lookahead-jumps-back.json", 10);
        assertEquals(10 / 5 + 1, early.fills.stream().filter(c -> c == dark).count(), "drawn up to the playback step");
        RecordingDrawing swa = paint("swa-averages-the-noise.json", 600);
        int swaDark = Colors.mix(Colors.parse("#0072B2"), 0xFF000000, 0.35);
        assertTrue(swa.strokes.contains(swaDark) && swa.fills.contains(swaDark), "the averaged path and its diamond");
        assertTrue(paint("swa-averages-the-noise.json", 50).fills.isEmpty(), "nothing averaged before start");
        RecordingDrawing es = paint("es-smooths-ripples.json", 100);
        // 20 samples for each of the two ES runs, each an outlined circle over a white dot; none for the exact-gradient run.
        assertEquals(40, es.fills.size(), "samples");
        RecordingDrawing none = paint("clip-value-vs-norm.json", 100);
        assertTrue(none.fills.isEmpty() && none.strokes.isEmpty(), "runs without method channels are left alone");
    }

    @Test
    void theLegendNamesTheExtraMarks() throws Exception {
        Scenario s = ScenarioReader.read(Path.of("sample-landscapes", "lookahead-jumps-back.json"));
        List<Trajectory> t = s.simulation().run(Runnable::run, Cancellation.NEVER);
        List<Legend.Entry> entries = new ArrayList<>();
        MethodPaths.legendEntries(t.get(0), 0xFF0072B2, PlotStyle.LIGHT, entries);
        assertTrue(entries.isEmpty());
        MethodPaths.legendEntries(t.get(1), 0xFFD55E00, PlotStyle.LIGHT, entries);
        assertEquals(List.of("   slow weights φ, jumps back"), entries.stream().map(Legend.Entry::text).toList());
    }
}
