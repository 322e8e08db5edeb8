package org.losslab.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.losslab.engine.analysis.EscapeResult;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.format.escape.EscapeSpec;
import org.losslab.format.scenario.Scenario;
import org.losslab.io.AtomicFiles;

/**
 * PNG pictures drawn with Java2D by the same painters as the app: the 2-D contour plot of a
 * scenario, the sweep heatmap and the escape study.
 */
public final class PngExport {
    /** Size of a sweep picture. */
    public static final int SWEEP_WIDTH = 1200, SWEEP_HEIGHT = 900;
    /** Size of an escape-study picture. */
    public static final int ESCAPE_WIDTH = 1500, ESCAPE_HEIGHT = 1000;

    private PngExport() {
    }

    /**
     * A style's colours at the type size and line width of a picture file: about 1,200 pixels wide,
     * read on a projector or a printed page rather than on the screen at the app's size.
     */
    public static PlotStyle pictureStyle(PlotStyle style) {
        return style.scaled(1.4, 1.5);
    }

    /** The sweep heatmap as a PNG of {@link #SWEEP_WIDTH} × {@link #SWEEP_HEIGHT} in the picture size of {@code style}. */
    public static void sweep(SweepPainter.Scene scene, PlotStyle style, Path file) throws IOException {
        write(draw(SWEEP_WIDTH, SWEEP_HEIGHT, d -> new SweepPainter().paint(d, scene, pictureStyle(style), SWEEP_WIDTH,
                SWEEP_HEIGHT)), file);
    }

    /** The escape study's picture as a PNG of {@link #ESCAPE_WIDTH} × {@link #ESCAPE_HEIGHT}. */
    public static void escape(EscapeSpec spec, List<EscapeResult> results, PlotStyle style, Path file) throws IOException {
        write(draw(ESCAPE_WIDTH, ESCAPE_HEIGHT, d -> new EscapePainter().paint(d, spec, results, pictureStyle(style),
                ESCAPE_WIDTH, ESCAPE_HEIGHT)), file);
    }

    /** An opaque {@code width × height} image painted by {@code painter} (which paints its own background). */
    public static BufferedImage draw(int width, int height, Consumer<Drawing> painter) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            painter.accept(new Java2DDrawing(g));
        } finally {
            g.dispose();
        }
        return img;
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
