package org.losslab.app.surface3d;

import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import org.losslab.render.surface3d.DrapedPath;

/**
 * One run's path as a thin tube lying on the surface, shown up to a playback step.
 *
 * <p>The cross-section is a diamond of half-width r: two corners beside the path in the floor
 * plane, one above and one below, so the tube reads as a line from any angle (FXyz's
 * {@code PolyLine3D} ribbon is offset along z only and vanishes when a path runs along z, and it
 * rebuilds object lists per change). Vertex positions for the whole path are computed once per
 * path; playback only changes how many faces are shown plus one "head" cross-section at the exact
 * current point, so {@link #showUpTo} copies arrays and allocates nothing.
 */
final class PathTube {
    /** Tube half-width, world units (the plot box is 2 wide). */
    static final float RADIUS = 0.011f;
    /** Ints per segment: 4 sides × 2 triangles × 3 corners × (point, texcoord). */
    private static final int SEGMENT_INTS = 48;

    private final MeshView view;
    private final TriangleMesh mesh = new TriangleMesh();
    private final DrapedPath path;
    private final float[] points;
    private final int[] faces;
    /** faceEnd[v]: ints of {@link #faces} that draw the path up to vertex v (exclusive of later segments). */
    private final int[] faceEnd;
    private final float[] head = new float[12];
    private final int[] headFaces = new int[SEGMENT_INTS];

    PathTube(DrapedPath path, Color color) {
        this.path = path;
        int n = path.size();
        points = new float[12 * (n + 1)];
        for (int v = 0; v < n; v++) {
            double dx = direction(v, true), dz = direction(v, false);
            crossSection(points, 12 * v, path.x(v), path.y(v), path.z(v), dx, dz);
        }
        faces = new int[SEGMENT_INTS * Math.max(0, n - 1)];
        faceEnd = new int[Math.max(1, n)];
        int f = 0;
        for (int v = 0; v < n; v++) {
            if (v > 0 && path.connected(v)) {
                segmentFaces(faces, f, v - 1, v);
                f += SEGMENT_INTS;
            }
            faceEnd[v] = f;
        }
        mesh.getTexCoords().setAll(0, 0);
        mesh.getPoints().setAll(points);
        view = new MeshView(mesh);
        PhongMaterial material = new PhongMaterial(color);
        material.setSpecularColor(Color.gray(0.5));
        material.setSpecularPower(16);
        view.setMaterial(material);
        // Both sides: the winding of a side depends on which way the path turns.
        view.setCullFace(CullFace.NONE);
        view.setMouseTransparent(true);
    }

    MeshView node() {
        return view;
    }

    /**
     * Shows the path up to trajectory step k, ending in a cross-section at {@code (x, y, z)}
     * (world; the run's exact position at k) when {@code headShown}.
     */
    void showUpTo(long k, boolean headShown, float x, float y, float z) {
        int c = path.countUpTo(k);
        if (c == 0) {
            mesh.getFaces().clear();
            return;
        }
        int end = faceEnd[c - 1];
        mesh.getFaces().setAll(faces, 0, end);
        if (headShown) {
            int last = c - 1;
            double dx = x - path.x(last), dz = z - path.z(last);
            double len = Math.hypot(dx, dz);
            if (len > 1e-6) {
                crossSection(head, 0, x, y, z, dx / len, dz / len);
                mesh.getPoints().set(12 * path.size(), head, 0, 12);
                segmentFaces(headFaces, 0, last, path.size());
                mesh.getFaces().addAll(headFaces, 0, SEGMENT_INTS);
            }
        }
    }

    /** Unit direction of the path at vertex v in the floor plane (x or z component). */
    private double direction(int v, boolean xComponent) {
        int a = v > 0 && path.connected(v) ? v - 1 : v;
        int b = v + 1 < path.size() && path.connected(v + 1) ? v + 1 : v;
        double dx = path.x(b) - path.x(a), dz = path.z(b) - path.z(a);
        double len = Math.hypot(dx, dz);
        if (len < 1e-9) {
            return xComponent ? 1 : 0;
        }
        return (xComponent ? dx : dz) / len;
    }

    /** Corners: beside (+), above, beside (−), below; "beside" is perpendicular to (dx, dz). */
    private static void crossSection(float[] out, int at, double x, double y, double z, double dx, double dz) {
        float sx = (float) (-dz * RADIUS), sz = (float) (dx * RADIUS);
        float px = (float) x, py = (float) y, pz = (float) z;
        out[at] = px + sx;
        out[at + 1] = py;
        out[at + 2] = pz + sz;
        out[at + 3] = px;
        out[at + 4] = py - RADIUS;
        out[at + 5] = pz;
        out[at + 6] = px - sx;
        out[at + 7] = py;
        out[at + 8] = pz - sz;
        out[at + 9] = px;
        out[at + 10] = py + RADIUS;
        out[at + 11] = pz;
    }

    /** Two triangles for each of the four sides between the cross-sections of vertices a and b. */
    private static void segmentFaces(int[] out, int at, int a, int b) {
        int i = at;
        for (int s = 0; s < 4; s++) {
            int a0 = 4 * a + s, a1 = 4 * a + (s + 1) % 4;
            int b0 = 4 * b + s, b1 = 4 * b + (s + 1) % 4;
            out[i] = a0;
            out[i + 2] = b0;
            out[i + 4] = b1;
            out[i + 6] = a0;
            out[i + 8] = b1;
            out[i + 10] = a1;
            for (int t = 1; t < 12; t += 2) {
                out[i + t] = 0;
            }
            i += 12;
        }
    }
}
