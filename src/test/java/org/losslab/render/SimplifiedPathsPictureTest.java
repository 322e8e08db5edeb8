package org.losslab.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.format.Point;
import org.losslab.format.RunSpec;
import org.junit.jupiter.api.Test;
import org.losslab.format.Typed;
import org.losslab.format.scenario.Scenario;

/**
 * The app draws paths and charts with what cannot show left out (repeated segments, vertices within
 * a quarter pixel of the line): its pictures must be the full drawing's up to antialiasing at the
 * edges of lines. Runs on Rosenbrock that oscillate (RMSprop across the valley, NAdam), spike (Adam)
 * and crawl (SGD), 5,000 steps each, as in the drag-latency benchmark.
 */
class SimplifiedPathsPictureTest {
    private static final int W = 900, H = 560;

    private static List<PlotScene.Path> paths(Scenario s, List<Trajectory> tr) {
        List<PlotScene.Path> paths = new ArrayList<>();
        for (int i = 0; i < tr.size(); i++) {
            paths.add(new PlotScene.Path(tr.get(i), Colors.parse(s.runs().get(i).displayColor(i)), "run " + i, true, i == 0));
        }
        return paths;
    }

    private static Scenario scenario() {
        String[][] opt = {{"sgd", "0.0005", "0.9"}, {"adam", "0.05"}, {"rmsprop", "0.005"}, {"nadam", "0.05"}};
        List<RunSpec> runs = new ArrayList<>();
        for (String[] o : opt) {
            Typed t = new Typed(o[0], Map.of("lr", Double.parseDouble(o[1])));
            runs.add(RunSpec.of(o[0], o.length > 2 ? t.with("momentum", Double.parseDouble(o[2])) : t));
        }
        return new Scenario("picture", "", new Typed("rosenbrock", Map.of()), new Window(-2, 2, -1, 3), new Point(-1.5, 2), 5000, 0,
                runs);
    }

    /** Pixels whose colour differs in some channel by more than a third of the range. */
    private static int[] compare(BufferedImage a, BufferedImage b) {
        int far = 0, drawn = 0;
        for (int x = 0; x < a.getWidth(); x++) {
            for (int y = 0; y < a.getHeight(); y++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                if ((p >>> 24) != 0) {
                    drawn++;
                }
                for (int s = 0; s < 32; s += 8) {
                    if (Math.abs(((p >> s) & 255) - ((q >> s) & 255)) > 85) {
                        far++;
                        break;
                    }
                }
            }
        }
        return new int[] {far, drawn};
    }

    private interface Paint {
        void on(Drawing d, int w, int h);
    }

    private static BufferedImage picture(Paint p, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        p.on(new Java2DDrawing(g), w, h);
        g.dispose();
        return img;
    }

    @Test
    void pathsAndChartsDrawnSimplifiedLookLikeTheFullDrawing() {
        Scenario s = scenario();
        Surface surface = s.buildSurface();
        List<Trajectory> tr = s.simulation(surface).run(Runnable::run, () -> false);
        List<PlotScene.Path> paths = paths(s, tr);
        PlotScene scene = new PlotScene(surface, null, s.viewOrDefault(surface), paths, s.steps(), s.start().x(), s.start().y(),
                null, PlotScene.Overlays.DEFAULT, List.of());
        int[] plot = compare(picture((d, w, h) -> new PlotPainter().paintTop(d, scene, PlotStyle.LIGHT, w, h), W, H),
                picture((d, w, h) -> new PlotPainter(0.5).paintTop(d, scene, PlotStyle.LIGHT, w, h), W, H));
        assertTrue(plot[0] <= plot[1] / 200, "plot: " + plot[0] + " of " + plot[1] + " pixels differ");
        for (Metric m : Metric.SURFACE) {
            ChartScene chart = new ChartScene(m, paths, s.steps(), s.steps(), -1);
            int[] c = compare(picture((d, w, h) -> new ChartPainter().paint(d, chart, PlotStyle.LIGHT, w, h), 420, 170),
                    picture((d, w, h) -> new ChartPainter(0.25).paint(d, chart, PlotStyle.LIGHT, w, h), 420, 170));
            assertTrue(c[0] <= c[1] / 200, m + ": " + c[0] + " of " + c[1] + " pixels differ");
        }
    }
}
