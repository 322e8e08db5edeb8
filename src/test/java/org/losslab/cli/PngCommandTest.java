package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code losslab run --png}: the contour picture, its size, and refusals that touch no file. */
class PngCommandTest {
    private static final String SCENARIO = "{\"format\":\"losslab-scenario/1\",\"surface\":{\"type\":\"quadratic\"},"
            + "\"start\":[-2.5,2],\"steps\":50,\"runs\":[{\"optimizer\":{\"type\":\"sgd\",\"lr\":0.05}}]}";

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesTheContourPictureAtTheAskedSize(@TempDir Path dir) throws Exception {
        Path sc = dir.resolve("q.json");
        Files.writeString(sc, SCENARIO);
        Path png = dir.resolve("q.png");
        assertEquals(0, run("run", sc.toString(), "--png", png.toString(), "--view", "contour", "--size", "640x400"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        // The middle of the plot is coloured by the colormap, not background white.
        int c = img.getRGB(300, 200) & 0xFFFFFF;
        assertTrue(c != 0xFFFFFF, Integer.toHexString(c));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    @Test
    void badOptionsExitTwoAndWriteNothing(@TempDir Path dir) throws Exception {
        Path sc = dir.resolve("q.json");
        Files.writeString(sc, SCENARIO);
        Path png = dir.resolve("q.png");
        assertEquals(2, run("run", sc.toString(), "--png", png.toString(), "--size", "12x9000"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--size 12x9000"));
        assertEquals(2, run("run", sc.toString(), "--png", png.toString(), "--view", "side"));
        assertEquals(2, run("run", sc.toString(), "--view", "contour"));
        assertEquals(2, run("run", dir.resolve("missing.json").toString(), "--png", png.toString()));
        assertFalse(Files.exists(png));
    }
}
