package org.losslab.app.surface3d;

import java.util.concurrent.CancellationException;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.TriangleMesh;
import org.fxyz3d.shapes.primitives.SurfacePlotMesh;
import org.losslab.engine.Cancellation;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.render.HeightGrid;
import org.losslab.render.surface3d.HeightMap;
import org.losslab.render.surface3d.HeightScale;
import org.losslab.render.surface3d.HeightTexture;
import org.losslab.render.surface3d.PlotBox;

/**
 * A finished surface for {@link SurfaceView3D}: the sampled heights, the height map, the colour
 * texture and the FXyz {@link SurfacePlotMesh} built from them. Everything here is made by
 * {@link #build} on a background thread — a node may be created off the FX thread as long as it
 * is not yet in a showing scene — so the FX thread only swaps the finished node in.
 *
 * <p>FXyz samples its function itself while building the mesh; it is handed a lookup into the
 * precomputed grid, never the surface, so no loss function runs during the build.
 */
public final class SurfaceMesh {
    /** Mesh nodes per side: 120² cells. */
    public static final int NODES = 121;
    /** Texture pixels per side (cell-centre samples). */
    public static final int TEXTURE = 512;
    /** Contour bands drawn on the texture. */
    public static final int CONTOUR_LEVELS = 12;

    private final HeightGrid nodes;
    private final HeightGrid centres;
    private final HeightMap map;
    private final HeightGrid heights;
    private final boolean contours;
    private final SurfacePlotMesh mesh;

    private SurfaceMesh(HeightGrid nodes, HeightGrid centres, HeightMap map, boolean contours, Cancellation cancel) {
        this.nodes = nodes;
        this.centres = centres;
        this.map = map;
        this.contours = contours;
        this.heights = nodes.map(map::normalize);
        check(cancel);
        int[] argb = HeightTexture.argb(centres, map, contours ? CONTOUR_LEVELS : 0);
        WritableImage texture = new WritableImage(centres.nx(), centres.ny());
        texture.getPixelWriter().setPixels(0, 0, centres.nx(), centres.ny(), PixelFormat.getIntArgbInstance(),
                argb, 0, centres.nx());
        check(cancel);
        int n = heights.nx() - 1, m = heights.ny() - 1;
        HeightGrid u = heights;
        // FXyz lays node (i, j) at (−1 + 2i/n, f, −1 + 2j/m): look the world height up by index.
        mesh = new SurfacePlotMesh(p -> PlotBox.worldY(u.value(index(p.getX(), n), index(p.getY(), m))), 2, 2, n, m, 1);
        faceUp((TriangleMesh) mesh.getMesh());
        mesh.setCullFace(CullFace.NONE);
        PhongMaterial material = new PhongMaterial(Color.WHITE);
        material.setDiffuseMap(texture);
        material.setSpecularColor(Color.gray(0.12));
        material.setSpecularPower(24);
        mesh.setMaterial(material);
    }

    /**
     * FXyz winds each triangle so that its normal is +y, which is down in JavaFX; lit from above,
     * the surface would get the ambient light only. Swapping two corners of every face turns the
     * normals up. Each face is {@code p0 t0 p1 t1 p2 t2}.
     */
    private static void faceUp(TriangleMesh m) {
        int[] f = m.getFaces().toArray(null);
        for (int i = 0; i + 5 < f.length; i += 6) {
            int p = f[i + 2], t = f[i + 3];
            f[i + 2] = f[i + 4];
            f[i + 3] = f[i + 5];
            f[i + 4] = p;
            f[i + 5] = t;
        }
        m.getFaces().setAll(f);
    }

    private static int index(double world, int divisions) {
        return (int) Math.round((world + 1) / 2 * divisions);
    }

    private static void check(Cancellation cancel) {
        if (cancel.isCancelled()) {
            throw new CancellationException("surface mesh superseded");
        }
    }

    /**
     * Samples the surface at time t and builds the mesh. Call off the FX thread.
     *
     * @throws CancellationException when {@code cancel} turns true before it is done
     */
    public static SurfaceMesh build(Surface surface, Window window, HeightScale scale, boolean contours, double t,
                                    Cancellation cancel) {
        HeightGrid nodes = HeightGrid.sampleNodes(surface, window, NODES, NODES, t, cancel);
        HeightGrid centres = HeightGrid.sampleCentres(surface, window, TEXTURE, TEXTURE, t, cancel);
        return new SurfaceMesh(nodes, centres, HeightMap.of(nodes, scale), contours, cancel);
    }

    /** The same samples with another height scale or contour setting (no surface evaluation). */
    public SurfaceMesh restyled(HeightScale scale, boolean withContours, Cancellation cancel) {
        return new SurfaceMesh(nodes, centres, HeightMap.of(nodes, scale), withContours, cancel);
    }

    public Window window() {
        return nodes.window();
    }

    /** Raw values on the mesh nodes. */
    public HeightGrid values() {
        return nodes;
    }

    /** Normalised heights u ∈ [0, 1] on the mesh nodes. */
    public HeightGrid heights() {
        return heights;
    }

    public HeightMap heightMap() {
        return map;
    }

    public boolean contours() {
        return contours;
    }

    /** The FXyz mesh node; owned by the view once shown. */
    SurfacePlotMesh node() {
        return mesh;
    }
}
