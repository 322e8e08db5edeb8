package org.losslab.render.surface3d;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.format.scenario.Scenario;
import org.losslab.io.AtomicFiles;
import org.losslab.render.Colormap;
import org.losslab.render.HeightGrid;

/**
 * A software picture of the 3-D view for headless use ({@code losslab run … --png FILE --view
 * surface}): the same camera ({@link ViewCamera#DEFAULT}), plot box, height map, colormap and
 * lighting as the JavaFX view, drawn with Java2D by the painter's algorithm — every mesh triangle
 * and path segment is projected, sorted far to near by the depth of its centre and filled in that
 * order. Path segments get a small depth bias towards the eye so a path is drawn over the
 * triangles it lies on but still hides behind a hill. Works with {@code java.awt.headless=true}.
 */
public final class SurfaceRenderer {
    /** Mesh nodes per side: 96² cells make smooth shading at poster sizes and still sort in milliseconds. */
    static final int NODES = 97;
    /** How far paths float above the mesh, world units (the box is 2 wide). */
    static final double LIFT = 0.012;
    /** Depth bias of path primitives, world units. */
    static final double PATH_BIAS = 0.05;
    static final int PATH_BUDGET = 3000;
    static final Color BACKGROUND = Color.WHITE;
    static final Color FRAME = new Color(0x8a8f98);
    static final Color TEXT = new Color(0x24292f);

    private SurfaceRenderer() {
    }

    /**
     * Renders the scenario's surface with every run's whole path and writes a PNG atomically: on
     * any failure (missing folder, full disk) the target is left as it was and no partial file
     * remains.
     *
     * @param trajectories one per run of the scenario, in order (may be empty)
     */
    public static void renderPng(Scenario scenario, Surface surface, List<Trajectory> trajectories,
                                 int width, int height, Path out) throws IOException {
        BufferedImage img = render(scenario, surface, trajectories, width, height, HeightScale.AUTO, ViewCamera.DEFAULT);
        AtomicFiles.write(out, stream -> {
            if (!ImageIO.write(img, "png", stream)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** The picture as an image (RGB, {@code width × height}, each at least 64). */
    public static BufferedImage render(Scenario scenario, Surface surface, List<Trajectory> trajectories,
                                       int width, int height, HeightScale scale, ViewCamera camera) {
        if (width < 64 || height < 64) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " is too small (at least 64x64)");
        }
        Window window = scenario.viewOrDefault(surface);
        HeightGrid grid = HeightGrid.sampleNodes(surface, window, NODES, NODES, 0, Cancellation.NEVER);
        HeightMap map = HeightMap.of(grid, scale);
        HeightGrid u = grid.map(map::normalize);
        PlotBox box = new PlotBox(window);

        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float fontSize = Math.max(11f, Math.min(width, height) / 42f);
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(fontSize));
            Font titleFont = font.deriveFont(Font.BOLD, fontSize * 1.35f);

            int top = Math.round(fontSize * 2.6f);
            FontMetrics fm = g.getFontMetrics(font);
            // The legend is as wide as its longest run label (up to 40% of the picture).
            int legendWidth = Math.max(130, Math.round(width * 0.2f));
            for (int r = 0; r < trajectories.size(); r++) {
                int need = fm.stringWidth(legendLabel(scenario, trajectories, r)) + 2 * fm.getHeight() + 7;
                legendWidth = Math.max(legendWidth, Math.min(need, Math.round(width * 0.4f)));
            }
            // Room on the left for the height axis's numbers.
            int left = fm.getHeight();
            for (int t = 0; t <= 2; t++) {
                left = Math.max(left, fm.stringWidth(Labels.number(map.value(t / 2.0))) + fm.getHeight());
            }
            Frame frame = new Frame(camera, left, top, width - legendWidth - left, height - top);

            List<DrapedPath> paths = new ArrayList<>();
            int[] rgb = new int[trajectories.size()];
            boolean[] shown = new boolean[trajectories.size()];
            for (int r = 0; r < trajectories.size(); r++) {
                paths.add(DrapedPath.of(trajectories.get(r), box, u, LIFT, PATH_BUDGET));
                rgb[r] = Color.decode(runColor(scenario, r)).getRGB();
                shown[r] = true;
            }
            drawOutline(g, frame);
            drawFloorLabels(g, frame, box, map, font);
            drawScene(g, frame, u, paths, rgb, shown, Long.MAX_VALUE, Math.max(2f, width / 450f));
            drawTitle(g, scenario, surface, titleFont, width);
            drawLegend(g, map, scenario, trajectories, font, width - legendWidth, top, legendWidth, height - top);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The camera fitted into a rectangle of the image. */
    private record Frame(ViewCamera camera, double left, double top, double width, double height) {
        boolean project(double x, double y, double z, double[] out) {
            boolean ok = camera.project(x, y, z, width, height, out);
            out[0] += left;
            out[1] += top;
            return ok;
        }
    }

    /** One thing to paint: a shaded triangle, a path segment or a marker, at a depth. */
    private record Primitive(double depth, int kind, int argb, float[] pts) {
        static final int TRIANGLE = 0, SEGMENT = 1, MARKER = 2;
    }

    /**
     * The 3-D scene alone — floor outline, shaded surface, paths up to a step and their markers —
     * into a new {@code width × height} image on the given background: what the JavaFX view
     * shows when the machine has no 3-D graphics (it draws its labels itself).
     *
     * @param heights normalised heights u on the mesh nodes
     * @param paths   draped paths, one per run, built over {@code heights}
     * @param rgb     run colours, {@code 0xRRGGBB}
     * @param step    paths are drawn up to this trajectory index
     */
    public static BufferedImage renderScene(HeightGrid heights, List<DrapedPath> paths, int[] rgb, boolean[] visible,
                                            long step, ViewCamera camera, int width, int height, int background) {
        BufferedImage img = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(background));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            Frame frame = new Frame(camera, 0, 0, img.getWidth(), img.getHeight());
            drawOutline(g, frame);
            drawScene(g, frame, heights, paths, rgb, visible, step, Math.max(2f, Math.min(width, height) / 300f));
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void drawScene(Graphics2D g, Frame frame, HeightGrid u, List<DrapedPath> paths, int[] rgb,
                                  boolean[] visible, long step, float lineWidth) {
        List<Primitive> prims = new ArrayList<>(2 * NODES * NODES + 4 * PATH_BUDGET);
        int n = u.nx();
        double[] wx = new double[n], wz = new double[n];
        for (int i = 0; i < n; i++) {
            wx[i] = -1 + 2.0 * i / (n - 1);
            wz[i] = -1 + 2.0 * i / (n - 1);
        }
        double[] o = new double[3];
        // Project every node once.
        float[] sx = new float[n * n], sy = new float[n * n];
        double[] depth = new double[n * n];
        double[] wy = new double[n * n];
        boolean[] ok = new boolean[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int k = j * n + i;
                wy[k] = PlotBox.worldY(u.value(i, j));
                ok[k] = frame.project(wx[i], wy[k], wz[j], o);
                sx[k] = (float) o[0];
                sy[k] = (float) o[1];
                depth[k] = o[2];
            }
        }
        // Two triangles per cell, split along (i, j)–(i+1, j+1) like the JavaFX mesh.
        int[][] tris = {{0, 2, 3}, {3, 1, 0}};
        for (int j = 0; j + 1 < n; j++) {
            for (int i = 0; i + 1 < n; i++) {
                int[] c = {j * n + i, j * n + i + 1, (j + 1) * n + i, (j + 1) * n + i + 1};
                int[] ci = {i, i + 1, i, i + 1};
                int[] cj = {j, j, j + 1, j + 1};
                for (int[] t : tris) {
                    int a = c[t[0]], b = c[t[1]], d = c[t[2]];
                    if (!(ok[a] && ok[b] && ok[d])) {
                        continue;
                    }
                    double ax = wx[ci[t[1]]] - wx[ci[t[0]]], ay = wy[b] - wy[a], az = wz[cj[t[1]]] - wz[cj[t[0]]];
                    double bx = wx[ci[t[2]]] - wx[ci[t[0]]], by = wy[d] - wy[a], bz = wz[cj[t[2]]] - wz[cj[t[0]]];
                    double shade = Shading.intensity(ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx);
                    double mean = (u.value(ci[t[0]], cj[t[0]]) + u.value(ci[t[1]], cj[t[1]]) + u.value(ci[t[2]], cj[t[2]])) / 3;
                    int argb = Shading.shade(Colormap.argb(mean), shade);
                    prims.add(new Primitive((depth[a] + depth[b] + depth[d]) / 3, Primitive.TRIANGLE, argb,
                            new float[] {sx[a], sy[a], sx[b], sy[b], sx[d], sy[d]}));
                }
            }
        }
        double[] o2 = new double[3];
        for (int r = 0; r < paths.size(); r++) {
            if (!visible[r]) {
                continue;
            }
            int argb = 0xFF000000 | rgb[r];
            DrapedPath path = paths.get(r);
            int count = path.countUpTo(step);
            for (int v = 1; v < count; v++) {
                if (!path.connected(v)) {
                    continue;
                }
                boolean okA = frame.project(path.x(v - 1), path.y(v - 1), path.z(v - 1), o);
                boolean okB = frame.project(path.x(v), path.y(v), path.z(v), o2);
                if (okA && okB) {
                    prims.add(new Primitive((o[2] + o2[2]) / 2 - PATH_BIAS, Primitive.SEGMENT, argb,
                            new float[] {(float) o[0], (float) o[1], (float) o2[0], (float) o2[1]}));
                }
            }
            if (count > 0) {
                int v = count - 1;
                if (frame.project(path.x(v), path.y(v), path.z(v), o)) {
                    prims.add(new Primitive(o[2] - 2 * PATH_BIAS, Primitive.MARKER, argb,
                            new float[] {(float) o[0], (float) o[1]}));
                }
            }
        }
        prims.sort((p, q) -> Double.compare(q.depth, p.depth));

        BasicStroke line = new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        BasicStroke hairline = new BasicStroke(0.8f);
        BasicStroke outline = new BasicStroke(Math.max(1.5f, lineWidth * 0.75f));
        float radius = lineWidth * 2.6f;
        Polygon poly = new Polygon(new int[3], new int[3], 3);
        for (Primitive p : prims) {
            Color c = new Color(p.argb);
            g.setColor(c);
            switch (p.kind) {
                case Primitive.TRIANGLE -> {
                    // Filled and traced in its own colour without antialiasing: neighbouring
                    // triangles then meet without hairline seams.
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
                    for (int q = 0; q < 3; q++) {
                        poly.xpoints[q] = Math.round(p.pts[2 * q]);
                        poly.ypoints[q] = Math.round(p.pts[2 * q + 1]);
                    }
                    poly.invalidate();
                    g.setStroke(hairline);
                    g.fillPolygon(poly);
                    g.drawPolygon(poly);
                }
                case Primitive.SEGMENT -> {
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    g.setStroke(line);
                    g.draw(new Line2D.Float(p.pts[0], p.pts[1], p.pts[2], p.pts[3]));
                }
                default -> {
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    Ellipse2D dot = new Ellipse2D.Float(p.pts[0] - radius, p.pts[1] - radius, 2 * radius, 2 * radius);
                    g.fill(dot);
                    g.setColor(Color.WHITE);
                    g.setStroke(outline);
                    g.draw(dot);
                }
            }
        }
    }

    /** The box's floor outline and the vertical axis at the corner seen furthest left. */
    private static void drawOutline(Graphics2D g, Frame frame) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(1.2f));
        double floor = PlotBox.worldY(0), roof = PlotBox.worldY(1);
        double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        double[] o = new double[3], p = new double[3];
        g.setColor(FRAME);
        for (int c = 0; c < 4; c++) {
            double[] a = corners[c], b = corners[(c + 1) % 4];
            if (frame.project(a[0], floor, a[1], o) & frame.project(b[0], floor, b[1], p)) {
                g.draw(new Line2D.Double(o[0], o[1], p[0], p[1]));
            }
        }
        AxisLayout axes = AxisLayout.of(frame.camera());
        if (frame.project(axes.heightX(), floor, axes.heightZ(), o) & frame.project(axes.heightX(), roof, axes.heightZ(), p)) {
            g.draw(new Line2D.Double(o[0], o[1], p[0], p[1]));
        }
    }

    /** Tick labels beside the nearer floor edges and up the vertical axis. */
    private static void drawFloorLabels(Graphics2D g, Frame frame, PlotBox box, HeightMap map, Font font) {
        g.setFont(font);
        double floor = PlotBox.worldY(0), roof = PlotBox.worldY(1);
        double[] o = new double[3];
        AxisLayout axes = AxisLayout.of(frame.camera());
        Window w = box.window();
        double[] centre = new double[3];
        frame.project(0, floor, 0, centre);
        for (double v : Labels.ticks(w.xMin(), w.xMax(), 4, 0.08)) {
            label(g, frame, centre, box.worldX(v), floor, axes.xEdgeZ(), Labels.number(v), o);
        }
        for (double v : Labels.ticks(w.yMin(), w.yMax(), 4, 0.08)) {
            label(g, frame, centre, axes.yEdgeX(), floor, box.worldZ(v), Labels.number(v), o);
        }
        FontMetrics fm = g.getFontMetrics();
        for (int t = 0; t <= 2; t++) {
            double s = t / 2.0;
            frame.project(axes.heightX(), PlotBox.worldY(s), axes.heightZ(), o);
            String v = Labels.number(map.value(s));
            g.setColor(TEXT);
            g.drawString(v, (float) Math.max(2, o[0] - fm.stringWidth(v) - fm.getHeight() * 0.4), (float) (o[1] + fm.getAscent() / 2.0));
        }
        Font bold = font.deriveFont(Font.BOLD);
        g.setFont(bold);
        label(g, frame, centre, 0, floor, axes.xEdgeZ() * 1.28, "x", o);
        label(g, frame, centre, axes.yEdgeX() * 1.28, floor, 0, "y", o);
        frame.project(axes.heightX(), roof, axes.heightZ(), o);
        String name = map.scale() == HeightScale.LOG ? "loss (log)" : "loss";
        g.drawString(name, (float) Math.max(2, o[0] - g.getFontMetrics().stringWidth(name) / 2.0), (float) (o[1] - g.getFontMetrics().getHeight() * 0.6));
        g.setFont(font);
    }

    /** A label beside a floor point, pushed away from the floor's centre on screen. */
    private static void label(Graphics2D g, Frame frame, double[] centre, double x, double y, double z, String text, double[] o) {
        frame.project(x, y, z, o);
        double dx = o[0] - centre[0], dy = o[1] - centre[1];
        double len = Math.hypot(dx, dy);
        FontMetrics fm = g.getFontMetrics();
        double push = fm.getHeight() * 1.1;
        double cx = o[0] + (len > 0 ? dx / len * push : 0), cy = o[1] + (len > 0 ? dy / len * push : push);
        g.setColor(TEXT);
        g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), (float) (cy + fm.getAscent() / 2.0 - 1));
    }

    private static void drawTitle(Graphics2D g, Scenario scenario, Surface surface, Font font, int width) {
        g.setFont(font);
        g.setColor(TEXT);
        String title = scenario.title().isEmpty() ? surface.type() : scenario.title();
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, Math.max(8, (width - fm.stringWidth(title)) / 2f), fm.getAscent() + fm.getHeight() * 0.35f);
    }

    /** The height colour bar with its values, then one line per run. */
    private static void drawLegend(Graphics2D g, HeightMap map, Scenario scenario, List<Trajectory> trajectories,
                                   Font font, int left, int top, int width, int height) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int lh = fm.getHeight();
        int barW = Math.max(12, lh), barH = Math.max(60, Math.min(height / 2, height - (trajectories.size() + 3) * lh - lh));
        int x0 = left + lh / 2, y0 = top + lh * 2;
        g.setColor(TEXT);
        g.drawString(map.scale() == HeightScale.LOG ? "loss (log scale)" : "loss", x0, y0 - lh / 2);
        for (int yy = 0; yy < barH; yy++) {
            g.setColor(new Color(Colormap.argb(1 - yy / (double) (barH - 1))));
            g.drawLine(x0, y0 + yy, x0 + barW - 1, y0 + yy);
        }
        g.setColor(FRAME);
        g.drawRect(x0, y0, barW - 1, barH - 1);
        g.setColor(TEXT);
        for (int t = 0; t <= 4; t++) {
            double s = t / 4.0;
            int yy = y0 + (int) Math.round((1 - s) * (barH - 1));
            g.drawLine(x0 + barW, yy, x0 + barW + 4, yy);
            g.drawString(Labels.number(map.value(s)), x0 + barW + 7, yy + fm.getAscent() / 2 - 1);
        }
        int y = y0 + barH + lh * 2;
        for (int r = 0; r < trajectories.size(); r++) {
            Color c = Color.decode(runColor(scenario, r));
            g.setColor(c);
            g.fillRoundRect(x0, y - fm.getAscent() + 2, barW, fm.getAscent() - 2, 4, 4);
            g.setColor(TEXT);
            g.drawString(legendLabel(scenario, trajectories, r), x0 + barW + 7, y);
            y += lh;
            if (y > top + height) {
                break;
            }
        }
    }

    private static String legendLabel(Scenario scenario, List<Trajectory> trajectories, int r) {
        String label = r < scenario.runs().size() ? scenario.labels().get(r) : "run " + r;
        Trajectory t = trajectories.get(r);
        return t.diverged() ? label + " (diverged at " + t.divergedAt() + ")" : label;
    }

    static String runColor(Scenario scenario, int r) {
        return r < scenario.runs().size() ? scenario.runs().get(r).displayColor(r) : org.losslab.format.Palette.run(r);
    }
}
