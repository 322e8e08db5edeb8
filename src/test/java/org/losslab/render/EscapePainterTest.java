package org.losslab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/** The escape study's picture in the light and dark styles, on a recording drawing and as a PNG. */
class EscapePainterTest {
    @TempDir
    Path dir;

    static Stream<Arguments> styles() {
        return Stream.of(Arguments.of("light", PlotStyle.LIGHT), Arguments.of("dark", PlotStyle.DARK),
                Arguments.of("dark presentation", PlotStyle.DARK.presentation()));
    }

    private static RecordingDrawing paint(PlotStyle style, double w, double h) throws Exception {
        RecordingDrawing d = new RecordingDrawing();
        new EscapePainter().paint(d, Pictures.escapeSpec(), Pictures.escape(), style, w, h);
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void backgroundAndTextFollowTheStyle(String name, PlotStyle style) throws Exception {
        RecordingDrawing d = paint(style, 1200, 800);
        assertEquals(style.background(), d.fills.get(0));
        for (RecordingDrawing.Text t : d.texts) {
            assertTrue(t.color() == style.foreground() || t.color() == style.muted(),
                    "«" + t.text() + "» in " + Colors.hex(t.color()));
        }
        assertNotNull(d.text("Escaping the sharp and the flat well (Langevin SGD, η = 0.02)"));
        assertTrue(d.hasTextStarting("Leaving the sharp well (ΔE = 0.807"), "histogram of the sharp well");
        assertTrue(d.hasTextStarting("Leaving the flat well (ΔE = 0.805"), "histogram of the flat well");
        assertNotNull(d.text("Where the runs end"));
        assertNotNull(d.text("Arrhenius: ln τ = ln A + ΔE / T"));
        assertTrue(d.text("ln mean escape time").up());
        assertTrue(d.hasTextStarting("sharp well: ΔE 0.") && d.hasTextStarting("flat well: ΔE 0."), "the fitted barriers");
        assertNotNull(d.text("from sharp, T = 0.4"), "the first bar is always named");
    }

    @Test
    void thePalettesBlackGivesWayToTheInkOnDark() throws Exception {
        // The seventh temperature takes the run palette's black: drawn black on light, in the ink on dark.
        assertTrue(paint(PlotStyle.LIGHT, 1200, 800).strokes.contains(0xFF000000));
        RecordingDrawing dark = paint(PlotStyle.DARK, 1200, 800);
        assertFalse(dark.strokes.contains(0xFF000000));
        assertTrue(dark.strokes.contains(PlotStyle.DARK.foreground()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void everyLabelIsInsideThePicture(String name, PlotStyle style) throws Exception {
        // About the picture's size at 1366 × 768 with the form shown.
        double w = 720, h = 620;
        for (RecordingDrawing.Text t : paint(style, w, h).texts) {
            double extent = t.up() ? h : w;
            assertTrue(t.start() >= 0 && t.end() <= extent, "«" + t.text() + "» spans " + t.start() + " to " + t.end());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void thePngHasTheStylesBackground(String name, PlotStyle style) throws Exception {
        Path png = dir.resolve("escape.png");
        PngExport.escape(Pictures.escapeSpec(), Pictures.escape(), style, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(PngExport.ESCAPE_WIDTH, img.getWidth());
        assertEquals(PngExport.ESCAPE_HEIGHT, img.getHeight());
        assertEquals(style.background() & 0xFFFFFF, img.getRGB(3, 3) & 0xFFFFFF);
    }
}
