package org.losslab.app.surface3d;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point3D;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.AmbientLight;
import javafx.scene.DirectionalLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Box;
import javafx.scene.shape.Sphere;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.render.Colormap;
import org.losslab.render.HeightGrid;
import org.losslab.render.surface3d.AxisLayout;
import org.losslab.render.surface3d.DrapedPath;
import org.losslab.render.surface3d.HeightMap;
import org.losslab.render.surface3d.HeightScale;
import org.losslab.render.surface3d.Labels;
import org.losslab.render.surface3d.PlotBox;
import org.losslab.render.surface3d.Shading;
import org.losslab.render.surface3d.SurfaceRenderer;
import org.losslab.render.surface3d.ViewCamera;

/**
 * The 3-D view of a loss surface: an FXyz mesh of the surface over its window, height up and
 * coloured by height with {@link Colormap} (contour lines optional), the runs' paths riding on it
 * up to a playback step with a sphere at each run's current point, axis scales and a height
 * legend. Drag to rotate, right- or Shift-drag to pan, scroll to zoom; with focus, the arrow keys
 * rotate (Shift: pan), + and − zoom and Home resets the view ({@link CameraControls}).
 *
 * <p>One class of some 600 lines on purpose: the mesh, the paths and markers, the overlay of labels
 * and legend and the software fallback are layers of one scene, drawn from the same mesh, camera
 * and dirty flags in one layout pass, and apart they would hand that state to each other. The input
 * handling, which needs none of it, is a class of its own.
 *
 * <p>Threading: {@link #setSurface} samples the surface and builds the mesh on a background
 * executor and only swaps the finished node in on the FX thread; a newer request cancels an
 * older one. Trajectory and step changes are marked dirty and applied once per pulse in
 * {@link #layoutChildren}, so dragging a slider that calls {@link #setStep} or
 * {@link #setTrajectories} many times a frame costs one update; playback copies preallocated
 * arrays into the path meshes and does not rebuild the surface.
 *
 * <p>On a machine without 3-D graphics (JavaFX reports no {@code SCENE3D}: blocked drivers, some
 * virtual machines and remote desktops) the same scene is drawn by
 * {@link SurfaceRenderer#renderScene} on the background executor instead, with the same camera,
 * controls, labels and legend, so the view never stays blank.
 *
 * <p>Every method must be called on the FX thread.
 */
public class SurfaceView3D extends Region {
    /** Paths are thinned to about this many points per run. */
    static final int PATH_BUDGET = 2500;
    /** How far paths and markers float above the mesh, world units. */
    static final double LIFT = 0.014;
    static final double MARKER_RADIUS = 0.035;
    private static final Color BACKGROUND = Color.web("#fbfbfc");

    private final Executor executor;
    private final AtomicLong generation = new AtomicLong();

    private final Group surfaceLayer = new Group();
    private final Group pathLayer = new Group();
    private final Box heightAxis = new Box(0.008, PlotBox.HEIGHT, 0.008);
    private final Rotate yaw = new Rotate(0, Rotate.Y_AXIS);
    private final Rotate pitch = new Rotate(0, Rotate.X_AXIS);
    private final Translate eye = new Translate();
    private final SubScene subScene;
    private final Canvas overlay = new Canvas();
    /** Whether JavaFX draws 3-D here; otherwise {@link #software} shows a Java2D rendering. */
    private final boolean hardware3d;
    private final ImageView software = new ImageView();
    private final AtomicLong softwareGeneration = new AtomicLong();
    private final List<DrapedPath> draped = new ArrayList<>();

    private final ReadOnlyObjectWrapper<ViewCamera> camera = new ReadOnlyObjectWrapper<>(this, "camera", ViewCamera.DEFAULT);
    private final ReadOnlyObjectWrapper<SurfaceMesh> surfaceMesh = new ReadOnlyObjectWrapper<>(this, "surfaceMesh");
    private final ObjectProperty<HeightScale> heightScale = new SimpleObjectProperty<>(this, "heightScale", HeightScale.AUTO);
    private final BooleanProperty contours = new SimpleBooleanProperty(this, "contours", true);
    private final DoubleProperty labelSize = new SimpleDoubleProperty(this, "labelSize", 13);

    private List<Trajectory> runs = List.of();
    private List<Color> colors = List.of();
    private List<Boolean> visible = List.of();
    private final List<PathTube> tubes = new ArrayList<>();
    private final List<Sphere> markers = new ArrayList<>();
    private long step = Long.MAX_VALUE;
    private boolean pathsDirty, stepDirty, overlayDirty = true;

    /**
     * A view that builds meshes and software frames on {@code executor}, which should run one task
     * at a time (the app's render thread; tests pass {@code Runnable::run}).
     */
    public SurfaceView3D(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        getStyleClass().add("surface-view-3d");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText("3-D view of the loss surface. Arrow keys rotate, plus and minus zoom, Home resets the view.");
        Tooltip.install(this, new Tooltip(
                "Drag to rotate, right-drag or Shift-drag to pan, scroll to zoom.\n"
                        + "Keys: arrows rotate, Shift+arrows pan, + and − zoom, Home resets."));

        heightAxis.setMaterial(new PhongMaterial(Color.web("#8a8f98")));
        PerspectiveCamera cam = new PerspectiveCamera(true);
        cam.setFieldOfView(ViewCamera.FIELD_OF_VIEW);
        cam.setNearClip(0.02);
        cam.setFarClip(200);
        Group rig = new Group(cam);
        rig.getTransforms().addAll(yaw, pitch, eye);

        AmbientLight ambient = new AmbientLight(Color.gray(Shading.AMBIENT));
        DirectionalLight sun = new DirectionalLight(Color.gray(Shading.DIFFUSE));
        sun.setDirection(new Point3D(Shading.LX, Shading.LY, Shading.LZ));

        Group world = new Group(surfaceLayer, floorFrame(), heightAxis, pathLayer, rig, ambient, sun);
        subScene = new SubScene(world, 400, 300, true, SceneAntialiasing.BALANCED);
        subScene.setCamera(cam);
        subScene.setFill(BACKGROUND);
        setBackground(new Background(new BackgroundFill(BACKGROUND, CornerRadii.EMPTY, Insets.EMPTY)));
        overlay.setMouseTransparent(true);
        software.setMouseTransparent(true);
        hardware3d = Platform.isSupported(ConditionalFeature.SCENE3D);
        subScene.setVisible(hardware3d);
        getChildren().addAll(subScene, software, overlay);
        applyCamera(ViewCamera.DEFAULT);

        heightScale.addListener((o, a, b) -> restyle());
        contours.addListener((o, a, b) -> restyle());
        labelSize.addListener((o, a, b) -> markOverlay());
        focusedProperty().addListener((o, a, focused) -> setBorder(focused
                ? new Border(new BorderStroke(Color.web("#0072B2"), BorderStrokeStyle.SOLID, CornerRadii.EMPTY, new BorderWidths(2)))
                : null));
        CameraControls.install(this, camera::get, this::applyCamera);
    }

    // ---- surface ------------------------------------------------------------------------------

    /**
     * Shows a surface over a window: samples it at t = 0 and builds the mesh off the FX thread.
     * The future completes on the FX thread once the mesh is on screen, is cancelled when a newer
     * surface replaces this one first, and fails if the surface throws.
     */
    public CompletableFuture<SurfaceMesh> setSurface(Surface surface, Window window) {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(window, "window");
        HeightScale scale = heightScale.get();
        boolean withContours = contours.get();
        return submit(cancel -> SurfaceMesh.build(surface, window, scale, withContours, 0, cancel));
    }

    /** Shows a mesh already built (e.g. by the caller's own background task). */
    public void setSurfaceMesh(SurfaceMesh mesh) {
        Objects.requireNonNull(mesh, "mesh");
        generation.incrementAndGet();
        show(mesh);
    }

    /** The surface on screen, null until the first one is built. */
    public ReadOnlyObjectProperty<SurfaceMesh> surfaceMeshProperty() {
        return surfaceMesh.getReadOnlyProperty();
    }

    /** Linear, log or automatic heights; changing it rebuilds the mesh from the kept samples. */
    public ObjectProperty<HeightScale> heightScaleProperty() {
        return heightScale;
    }

    /** Contour lines on the surface. */
    public BooleanProperty contoursProperty() {
        return contours;
    }

    /** Font size of axis labels and legend, points (presentation mode raises it). */
    public DoubleProperty labelSizeProperty() {
        return labelSize;
    }

    private interface Build {
        SurfaceMesh run(Cancellation cancel);
    }

    private CompletableFuture<SurfaceMesh> submit(Build build) {
        long gen = generation.incrementAndGet();
        CompletableFuture<SurfaceMesh> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                SurfaceMesh mesh = build.run(() -> generation.get() != gen);
                runOnFx(() -> {
                    if (generation.get() == gen) {
                        show(mesh);
                        done.complete(mesh);
                    } else {
                        done.cancel(false);
                    }
                });
            } catch (CancellationException e) {
                done.cancel(false);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private static void runOnFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    private void restyle() {
        SurfaceMesh current = surfaceMesh.get();
        if (current != null) {
            HeightScale scale = heightScale.get();
            boolean withContours = contours.get();
            submit(cancel -> current.restyled(scale, withContours, cancel));
        }
    }

    private void show(SurfaceMesh mesh) {
        surfaceLayer.getChildren().setAll(mesh.node());
        surfaceMesh.set(mesh);
        pathsDirty = true;
        markOverlay();
    }

    // ---- runs and playback ---------------------------------------------------------------------

    /**
     * The runs to draw, with their colours ({@code #RRGGBB}) and visibility, index for index.
     * Trajectories are read, never written; they must not change afterwards.
     */
    public void setTrajectories(List<Trajectory> trajectories, List<String> runColors, List<Boolean> shown) {
        if (trajectories.size() != runColors.size() || trajectories.size() != shown.size()) {
            throw new IllegalArgumentException(trajectories.size() + " trajectories, " + runColors.size()
                    + " colours and " + shown.size() + " visibility flags: one of each per run");
        }
        runs = List.copyOf(trajectories);
        colors = runColors.stream().map(Color::web).toList();
        visible = List.copyOf(shown);
        pathsDirty = true;
        requestLayout();
    }

    /** Shows or hides runs without rebuilding their paths. */
    public void setVisibleRuns(List<Boolean> shown) {
        if (shown.size() != runs.size()) {
            throw new IllegalArgumentException(shown.size() + " visibility flags for " + runs.size() + " runs");
        }
        visible = List.copyOf(shown);
        stepDirty = true;
        requestLayout();
    }

    /** Shows every path up to update k (0: the start points only); larger than a run: all of it. */
    public void setStep(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("step " + k + " is negative");
        }
        step = k;
        stepDirty = true;
        requestLayout();
    }

    public long getStep() {
        return step;
    }

    private void rebuildPaths() {
        tubes.clear();
        markers.clear();
        draped.clear();
        pathLayer.getChildren().clear();
        SurfaceMesh mesh = surfaceMesh.get();
        if (mesh == null) {
            return;
        }
        PlotBox box = new PlotBox(mesh.window());
        for (Trajectory t : runs) {
            draped.add(DrapedPath.of(t, box, mesh.heights(), LIFT, PATH_BUDGET));
        }
        if (!hardware3d) {
            return;
        }
        for (int r = 0; r < runs.size(); r++) {
            PathTube tube = new PathTube(draped.get(r), colors.get(r));
            Sphere marker = new Sphere(MARKER_RADIUS, 24);
            PhongMaterial m = new PhongMaterial(colors.get(r));
            m.setSpecularColor(Color.gray(0.7));
            marker.setMaterial(m);
            marker.setMouseTransparent(true);
            tubes.add(tube);
            markers.add(marker);
            pathLayer.getChildren().addAll(tube.node(), marker);
        }
    }

    private void applyStep() {
        SurfaceMesh mesh = surfaceMesh.get();
        if (mesh == null) {
            return;
        }
        PlotBox box = new PlotBox(mesh.window());
        HeightGrid u = mesh.heights();
        for (int r = 0; r < tubes.size(); r++) {
            Trajectory t = runs.get(r);
            boolean on = visible.get(r);
            PathTube tube = tubes.get(r);
            Sphere marker = markers.get(r);
            tube.node().setVisible(on);
            if (t.size() == 0) {
                marker.setVisible(false);
                continue;
            }
            int k = t.indexAt(step);
            double x = t.x(k), y = t.y(k);
            boolean inside = Double.isFinite(x) && Double.isFinite(y) && box.contains(x, y);
            float wx = 0, wy = 0, wz = 0;
            if (inside) {
                wx = (float) box.worldX(x);
                wy = (float) (PlotBox.worldY(u.interpolate(x, y)) - LIFT);
                wz = (float) box.worldZ(y);
                marker.setTranslateX(wx);
                marker.setTranslateY(wy - MARKER_RADIUS * 0.5);
                marker.setTranslateZ(wz);
            }
            marker.setVisible(on && inside);
            if (on) {
                tube.showUpTo(t.step(k), inside, wx, wy, wz);
            }
        }
    }

    // ---- camera ---------------------------------------------------------------------------------

    /** The current view angle, zoom and pan. */
    public ReadOnlyObjectProperty<ViewCamera> cameraProperty() {
        return camera.getReadOnlyProperty();
    }

    public void setCamera(ViewCamera c) {
        applyCamera(Objects.requireNonNull(c, "camera"));
    }

    public void resetCamera() {
        applyCamera(ViewCamera.DEFAULT);
    }

    private void applyCamera(ViewCamera c) {
        camera.set(c);
        yaw.setAngle(c.yaw());
        pitch.setAngle(-c.pitch());
        eye.setX(c.panX());
        eye.setY(c.panY());
        eye.setZ(-c.distance());
        AxisLayout axes = AxisLayout.of(c);
        heightAxis.setTranslateX(axes.heightX());
        heightAxis.setTranslateZ(axes.heightZ());
        markOverlay();
    }

    // ---- layout and overlay ---------------------------------------------------------------------

    private void markOverlay() {
        overlayDirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (subScene.getWidth() != w || subScene.getHeight() != h) {
            subScene.setWidth(w);
            subScene.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            overlayDirty = true;
        }
        if (!hardware3d && (pathsDirty || stepDirty || overlayDirty)) {
            // After the paths are rebuilt below; the render itself runs on the executor.
            Platform.runLater(this::renderSoftware);
        }
        if (pathsDirty) {
            rebuildPaths();
            pathsDirty = false;
            stepDirty = true;
        }
        if (stepDirty) {
            applyStep();
            stepDirty = false;
        }
        if (overlayDirty) {
            drawOverlay();
            overlayDirty = false;
        }
    }

    /** Whether the scene is drawn by JavaFX 3-D (true) or by the software renderer. */
    public boolean isHardwareAccelerated() {
        return hardware3d;
    }

    /**
     * Draws the scene with Java2D off the FX thread from a snapshot of the current state; a newer
     * request makes an older one skip its work or drop its result.
     */
    private void renderSoftware() {
        SurfaceMesh mesh = surfaceMesh.get();
        int w = (int) subScene.getWidth(), h = (int) subScene.getHeight();
        if (mesh == null || w < 1 || h < 1) {
            return;
        }
        HeightGrid u = mesh.heights();
        List<DrapedPath> paths = List.copyOf(draped);
        int[] rgb = new int[paths.size()];
        boolean[] shown = new boolean[paths.size()];
        for (int r = 0; r < paths.size(); r++) {
            Color c = colors.get(r);
            rgb[r] = ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                    | (int) Math.round(c.getBlue() * 255);
            shown[r] = visible.get(r);
        }
        long k = step;
        ViewCamera c = camera.get();
        Color fill = (Color) subScene.getFill();
        int background = ((int) Math.round(fill.getRed() * 255) << 16) | ((int) Math.round(fill.getGreen() * 255) << 8)
                | (int) Math.round(fill.getBlue() * 255);
        long gen = softwareGeneration.incrementAndGet();
        executor.execute(() -> {
            if (softwareGeneration.get() != gen) {
                return;
            }
            java.awt.image.BufferedImage img = SurfaceRenderer.renderScene(u, paths, rgb, shown, k, c, w, h, background);
            WritableImage fx = new WritableImage(w, h);
            fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), img.getRGB(0, 0, w, h, null, 0, w), 0, w);
            runOnFx(() -> {
                if (softwareGeneration.get() == gen) {
                    software.setImage(fx);
                }
            });
        });
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 480;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 150;
    }

    /** Tick labels beside the nearer floor edges and up the height axis, and the colour legend. */
    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        double w = overlay.getWidth(), h = overlay.getHeight();
        g.clearRect(0, 0, w, h);
        SurfaceMesh mesh = surfaceMesh.get();
        if (mesh == null || w < 1 || h < 1) {
            return;
        }
        double size = labelSize.get();
        Font font = Font.font("System", size);
        Font bold = Font.font("System", FontWeight.BOLD, size);
        ViewCamera c = camera.get();
        AxisLayout axes = AxisLayout.of(c);
        PlotBox box = new PlotBox(mesh.window());
        Window win = mesh.window();
        HeightMap map = mesh.heightMap();
        double floor = PlotBox.worldY(0);
        double[] centre = new double[3], o = new double[3];
        c.project(0, floor, 0, w, h, centre);
        Color text = Color.web("#24292f");
        g.setFill(text);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(font);
        for (double v : Labels.ticks(win.xMin(), win.xMax(), 4, 0.08)) {
            label(g, c, w, h, centre, box.worldX(v), floor, axes.xEdgeZ(), Labels.number(v), size, o);
        }
        for (double v : Labels.ticks(win.yMin(), win.yMax(), 4, 0.08)) {
            label(g, c, w, h, centre, axes.yEdgeX(), floor, box.worldZ(v), Labels.number(v), size, o);
        }
        g.setFont(bold);
        label(g, c, w, h, centre, 0, floor, axes.xEdgeZ() * 1.28, "x", size, o);
        label(g, c, w, h, centre, axes.yEdgeX() * 1.28, floor, 0, "y", size, o);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        Text measure = new Text();
        measure.setFont(font);
        for (int t = 0; t <= 2; t++) {
            if (c.project(axes.heightX(), PlotBox.worldY(t / 2.0), axes.heightZ(), w, h, o)) {
                String v = Labels.number(map.value(t / 2.0));
                measure.setText(v);
                // Right-aligned to the axis, but never cut off at the view's left edge.
                g.fillText(v, Math.max(2, o[0] - size * 0.5 - measure.getLayoutBounds().getWidth()), o[1]);
            }
        }
        if (c.project(axes.heightX(), PlotBox.worldY(1), axes.heightZ(), w, h, o)) {
            g.setFont(bold);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(map.scale() == HeightScale.LOG ? "loss (log)" : "loss", o[0], o[1] - size * 1.2);
        }
        drawLegend(g, map, w, size, font, text);
        if (!hardware3d) {
            g.setFont(Font.font("System", size * 0.85));
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(Color.web("#57606a"));
            g.fillText("Drawn without 3-D graphics acceleration", size * 0.6, h - size);
        }
    }

    private static void label(GraphicsContext g, ViewCamera c, double w, double h, double[] centre,
                              double x, double y, double z, String s, double size, double[] o) {
        if (!c.project(x, y, z, w, h, o)) {
            return;
        }
        double dx = o[0] - centre[0], dy = o[1] - centre[1];
        double len = Math.hypot(dx, dy), push = size * 1.3;
        g.fillText(s, o[0] + (len > 0 ? dx / len * push : 0), o[1] + (len > 0 ? dy / len * push : push));
    }

    /** A vertical colour bar in the top right corner with five loss values. */
    private static void drawLegend(GraphicsContext g, HeightMap map, double w, double size, Font font, Color text) {
        double barW = size, barH = size * 9, x0 = w - size * 6.5, y0 = size * 2.2;
        Stop[] stops = new Stop[9];
        for (int i = 0; i < stops.length; i++) {
            double u = i / (double) (stops.length - 1);
            stops[i] = new Stop(1 - u, argbColor(Colormap.argb(u)));
        }
        g.setFill(new LinearGradient(0, 0, 0, 1, true, CycleMethod.NO_CYCLE, stops));
        g.fillRect(x0, y0, barW, barH);
        g.setStroke(Color.web("#8a8f98"));
        g.setLineWidth(1);
        g.strokeRect(x0 + 0.5, y0 + 0.5, barW - 1, barH - 1);
        g.setFill(text);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        for (int t = 0; t <= 4; t++) {
            double s = t / 4.0;
            g.fillText(Labels.number(map.value(s)), x0 + barW + size * 0.4, y0 + (1 - s) * barH);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(map.scale() == HeightScale.LOG ? "loss (log)" : "loss", x0 + barW, y0 - size);
    }

    private static Color argbColor(int argb) {
        return Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255);
    }

    /** The floor's outline: four thin bars at height 0. */
    private static Group floorFrame() {
        PhongMaterial grey = new PhongMaterial(Color.web("#8a8f98"));
        double y = PlotBox.worldY(0), t = 0.008;
        Group g = new Group();
        for (int s = -1; s <= 1; s += 2) {
            Box alongX = new Box(2 + t, t, t);
            alongX.setTranslateY(y);
            alongX.setTranslateZ(s);
            Box alongZ = new Box(t, t, 2 + t);
            alongZ.setTranslateY(y);
            alongZ.setTranslateX(s);
            alongX.setMaterial(grey);
            alongZ.setMaterial(grey);
            g.getChildren().addAll(alongX, alongZ);
        }
        return g;
    }

    // ---- snapshots ------------------------------------------------------------------------------

    /** The view as an image, labels and legend included (FX thread). */
    public WritableImage snapshotView() {
        layout();
        return snapshot(null, null);
    }

    /** The 3-D scene alone, for tests and exports that add their own labels. */
    public SubScene getSubScene() {
        return subScene;
    }
}
