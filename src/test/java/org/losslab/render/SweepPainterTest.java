package org.losslab.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.engine.analysis.SweepResult;

/** The sweep heatmap in the light and dark styles, on a recording drawing and as a PNG. */
class SweepPainterTest {
    private static final String LIMIT = "heavy-ball limit η = 2(1 + β)/λmax";

    @TempDir
    Path dir;

    static Stream<Arguments> styles() {
        return Stream.of(Arguments.of("light", PlotStyle.LIGHT), Arguments.of("dark", PlotStyle.DARK),
                Arguments.of("dark presentation", PlotStyle.DARK.presentation()));
    }

    private static RecordingDrawing paint(SweepPainter p, SweepPainter.Scene s, PlotStyle style, double w, double h) {
        RecordingDrawing d = new RecordingDrawing();
        p.paint(d, s, style, w, h);
        return d;
    }

    /** The heatmap's image: one pixel per cell, drawn unsmoothed. */
    private static RecordingDrawing.Image cells(RecordingDrawing d, SweepResult r) {
        return d.images.stream().filter(i -> i.w() == r.width() && i.h() == r.height() && !i.smooth()).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void backgroundTextAndGreysFollowTheStyle(String name, PlotStyle style) throws Exception {
        SweepPainter.Scene s = Pictures.sweep();
        SweepResult r = s.result();
        RecordingDrawing d = paint(new SweepPainter(), s, style, 760, 600);
        assertEquals(style.background(), d.fills.get(0), "the picture starts with the style's background");
        for (RecordingDrawing.Text t : d.texts) {
            assertTrue(t.color() == style.foreground() || t.color() == style.muted(),
                    "«" + t.text() + "» in " + Colors.hex(t.color()));
        }
        assertNotNull(d.text("Where heavy ball diverges: lr × momentum on a κ = 10 bowl"));
        assertTrue(d.text("optimizer.momentum").up(), "the y title reads upwards");
        assertNotNull(d.text("steps to loss ≤ 1e-6"), "the colour bar's title");
        // lr = 1 with β = 0 diverges; lr = 0.1 with β = 0 converges (η·λmax = 1 < 2).
        assertTrue(r.diverged(11, 0));
        assertFalse(r.diverged(6, 0));
        RecordingDrawing.Image img = cells(d, r);
        int h = r.height(), w = r.width();
        assertEquals(Colors.mix(style.background(), style.foreground(), 0.15), img.argb()[(h - 1) * w + 11], "diverged grey");
        int converged = img.argb()[(h - 1) * w + 6];
        assertNotEquals(style.background(), converged);
        boolean viridis = false;
        for (int k = 0; k <= 255; k++) {
            viridis |= Colormap.argb(k / 255.0) == converged;
        }
        assertTrue(viridis, "a converged cell takes its colour from the colormap: " + Colors.hex(converged));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void everyLabelIsInsideThePicture(String name, PlotStyle style) throws Exception {
        // About the heatmap's size at 1366 × 768 with the form shown.
        double w = 700, h = 560;
        RecordingDrawing d = paint(new SweepPainter(), Pictures.sweep(), style, w, h);
        for (RecordingDrawing.Text t : d.texts) {
            double lo = t.start(), hi = t.end();
            double extent = t.up() ? h : w;
            assertTrue(lo >= 0 && hi <= extent, "«" + t.text() + "» spans " + lo + " to " + hi + " of " + extent);
            double across = t.up() ? t.x() : t.y();
            assertTrue(across - t.size() >= 0 && across <= (t.up() ? w : h), "«" + t.text() + "» at " + across);
        }
    }

    @Test
    void aPointMapsToTheCellUnderIt() throws Exception {
        SweepPainter p = new SweepPainter();
        SweepPainter.Scene s = Pictures.sweep();
        SweepResult r = s.result();
        assertNull(p.cellAt(100, 100), "nothing painted yet");
        RecordingDrawing.Image img = cells(paint(p, s, PlotStyle.LIGHT, 900, 700), r);
        for (int j = 0; j < r.height(); j++) {
            for (int i = 0; i < r.width(); i++) {
                double x = img.x() + (i + 0.5) * img.dw() / r.width(), y = img.y() + img.dh() - (j + 0.5) * img.dh() / r.height();
                assertArrayEquals(new int[] {i, j}, p.cellAt(x, y), "cell " + i + ", " + j);
            }
        }
        assertNull(p.cellAt(img.x() - 1, img.y() + 5));
        assertNull(p.cellAt(img.x() + 5, img.y() + img.dh() + 1));
    }

    @Test
    void theHeavyBallLimitIsDrawnOnlyWhereItIsExact() throws Exception {
        SweepPainter.Scene s = Pictures.sweep();
        RecordingDrawing with = paint(new SweepPainter(), s, PlotStyle.DARK, 900, 700);
        assertNotNull(with.text(LIMIT));
        assertTrue(with.strokes.contains(0xFF000000) && with.strokes.contains(0xFFFFFFFF), "dark line under a white dash");
        SweepPainter.Scene noSurface = new SweepPainter.Scene(s.result(), s.measure(), s.title(), null, s.base());
        assertNull(paint(new SweepPainter(), noSurface, PlotStyle.DARK, 900, 700).text(LIMIT));
    }

    @Test
    void theKeyboardCellIsOutlined() throws Exception {
        SweepPainter.Scene s = Pictures.sweep();
        int plain = paint(new SweepPainter(), s, PlotStyle.LIGHT, 900, 700).strokes.size();
        SweepPainter.Scene marked = new SweepPainter.Scene(s.result(), s.measure(), s.title(), s.surface(), s.base(), 3, 2);
        assertEquals(plain + 2, paint(new SweepPainter(), marked, PlotStyle.LIGHT, 900, 700).strokes.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void thePngHasTheStylesBackground(String name, PlotStyle style) throws Exception {
        Path png = dir.resolve("sweep.png");
        PngExport.sweep(Pictures.sweep(), style, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(PngExport.SWEEP_WIDTH, img.getWidth());
        assertEquals(PngExport.SWEEP_HEIGHT, img.getHeight());
        assertEquals(style.background() & 0xFFFFFF, img.getRGB(3, 3) & 0xFFFFFF);
        assertEquals(style.background() & 0xFFFFFF, img.getRGB(img.getWidth() - 3, img.getHeight() - 3) & 0xFFFFFF);
    }
}
