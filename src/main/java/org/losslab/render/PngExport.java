package org.losslab.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.format.scenario.Scenario;
import org.losslab.io.AtomicFiles;

/** PNG pictures drawn with Java2D: the 2-D contour plot of a scenario, as the app shows it. */
public final class PngExport {
    private PngExport() {
    }

    /** The contour plot of a finished race, {@code width × height} pixels. */
    public static BufferedImage contour(Scenario sc, Surface s, List<Trajectory> trajectories, int width, int height,
                                        PlotStyle style) {
        ContourField field = PlotScenes.field(s, sc.viewOrDefault(s), width, height, style);
        return contour(PlotScenes.finished(sc, s, field, trajectories), width, height, style);
    }

    /** A plot frame drawn into a new image. */
    public static BufferedImage contour(PlotScene scene, int width, int height, PlotStyle style) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            new PlotPainter().paint(new Java2DDrawing(g), scene, style, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes an image as PNG, atomically: the file is whole or untouched. */
    public static void write(BufferedImage img, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
