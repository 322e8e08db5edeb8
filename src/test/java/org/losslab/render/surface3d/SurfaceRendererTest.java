package org.losslab.render.surface3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.format.scenario.Scenario;
import org.losslab.render.Colormap;

class SurfaceRendererTest {

    @TempDir
    Path dir;

    @Test
    void rendersHeadlessPngWithColormapAndPaths() throws IOException {
        assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "surefire runs with java.awt.headless=true");
        Scenario s = Fixtures.rosenbrock(400);
        Surface surface = s.buildSurface();
        List<Trajectory> runs = Fixtures.run(s);
        Path png = dir.resolve("surface.png");
        SurfaceRenderer.renderPng(s, surface, runs, 900, 600, png);
        keepForInspection(png);

        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(600, img.getHeight());
        int white = 0, viridisLow = 0, viridisHigh = 0;
        int[] runHits = new int[runs.size()];
        int[] runRgb = new int[runs.size()];
        for (int r = 0; r < runs.size(); r++) {
            runRgb[r] = java.awt.Color.decode(s.runs().get(r).displayColor(r)).getRGB();
        }
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if ((c & 0xFFFFFF) == 0xFFFFFF) {
                    white++;
                }
                // Shaded colormap colours keep their hue: dark purple at the bottom, yellow-green at the top.
                if (near(c, Colormap.argb(0.05), 60)) {
                    viridisLow++;
                }
                if (near(c, Colormap.argb(0.9), 60)) {
                    viridisHigh++;
                }
                for (int r = 0; r < runRgb.length; r++) {
                    if (near(c, runRgb[r], 12)) {
                        runHits[r]++;
                    }
                }
            }
        }
        int total = img.getWidth() * img.getHeight();
        assertTrue(white < total * 0.85, "mostly blank: " + white + " white pixels of " + total);
        assertTrue(viridisLow > 500, "low-end colormap pixels: " + viridisLow);
        assertTrue(viridisHigh > 200, "high-end colormap pixels: " + viridisHigh);
        for (int r = 0; r < runHits.length; r++) {
            assertTrue(runHits[r] > 30, "run " + r + " colour drawn " + runHits[r] + " times");
        }
    }

    @Test
    void failedWriteThrowsAndLeavesNothing() throws IOException {
        Scenario s = Fixtures.rosenbrock(10);
        Path missing = dir.resolve("no-such-folder");
        Path png = missing.resolve("surface.png");
        assertThrows(IOException.class,
                () -> SurfaceRenderer.renderPng(s, s.buildSurface(), Fixtures.run(s), 300, 200, png));
        assertFalse(Files.exists(missing));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void failedWriteKeepsThePreviousFile() throws IOException {
        Scenario s = Fixtures.rosenbrock(10);
        Path png = dir.resolve("surface.png");
        Files.writeString(png, "old");
        // A folder where the file should be makes the write fail after rendering.
        Path blocked = dir.resolve("blocked.png");
        Files.createDirectory(blocked);
        assertThrows(IOException.class,
                () -> SurfaceRenderer.renderPng(s, s.buildSurface(), Fixtures.run(s), 300, 200, blocked));
        assertEquals("old", Files.readString(png));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary file left behind");
        }
    }

    @Test
    void tooSmallImageIsRejected() {
        Scenario s = Fixtures.rosenbrock(10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SurfaceRenderer.render(s, s.buildSurface(), List.of(), 10, 10, HeightScale.AUTO, ViewCamera.DEFAULT));
        assertTrue(e.getMessage().contains("10x10"), e.getMessage());
    }

    private static boolean near(int a, int b, int tol) {
        int dr = Math.abs(((a >> 16) & 255) - ((b >> 16) & 255));
        int dg = Math.abs(((a >> 8) & 255) - ((b >> 8) & 255));
        int db = Math.abs((a & 255) - (b & 255));
        return dr + dg + db <= tol;
    }

    /** With -Dlosslab.keepImages=DIR the picture is copied there for a person to look at. */
    private static void keepForInspection(Path png) throws IOException {
        String keep = System.getProperty("losslab.keepImages");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(png, Path.of(keep, png.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
