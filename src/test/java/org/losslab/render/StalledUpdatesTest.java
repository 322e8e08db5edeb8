package org.losslab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.format.scenario.Scenario;
import org.losslab.format.scenario.ScenarioReader;

/** The 2-D plot (the app's canvas and the PNG export) marks and counts the stalled updates of low-precision runs. */
class StalledUpdatesTest {

    @Test
    void stalledRunsAreLabelledWithTheirCountAndOthersAreNot() throws Exception {
        Scenario sc = ScenarioReader.read(Path.of("sample-landscapes/float16-stalls-in-a-shallow-valley.json"));
        Surface s = sc.buildSurface();
        List<Trajectory> runs = sc.simulation().run(Runnable::run, Cancellation.NEVER);
        RecordingDrawing d = new RecordingDrawing();
        new PlotPainter().paint(d, PlotScenes.finished(sc, s, null, runs), PlotStyle.LIGHT, 900, 640);
        List<String> labels = d.texts.stream().map(RecordingDrawing.Text::text).filter(t -> t.endsWith(" stalled")).toList();
        Trajectory f16 = runs.get(1);
        long count = (long) f16.channel(f16.channel("precision.stalled"), f16.size() - 1);
        assertTrue(count > 10_000);
        assertTrue(labels.contains(count + " stalled"), labels.toString());
        assertEquals(3, labels.size(), "float64 has no stalls to mark: " + labels);
        long marks = d.strokes.stream().filter(c -> c == StalledUpdates.DARK).count();
        assertTrue(marks >= 3, "a square at least where each run stalled: " + marks);
        RecordingDrawing none = new RecordingDrawing();
        new PlotPainter().paint(none, PlotScenes.finished(sc, s, null, runs.subList(0, 1)), PlotStyle.LIGHT, 900, 640);
        assertEquals(0, none.strokes.stream().filter(c -> c == StalledUpdates.DARK).count(), "float64 alone: no marks");

        // Halfway through playback the count is the count so far.
        RecordingDrawing half = new RecordingDrawing();
        PlotScene early = PlotScenes.finished(sc, s, null, runs);
        early = new PlotScene(early.surface(), null, early.window(), early.paths(), 1000, early.startX(), early.startY(),
                null, early.overlays(), List.of());
        new PlotPainter().paint(half, early, PlotStyle.LIGHT, 900, 640);
        long soFar = (long) f16.channel(f16.channel("precision.stalled"), 1000);
        assertTrue(half.texts.stream().anyMatch(t -> t.text().equals(soFar + " stalled")));
    }
}
