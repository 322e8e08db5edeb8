package org.losslab.engine.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.losslab.format.SurfaceCatalog;
import org.losslab.format.Typed;

/**
 * A surface answers three kinds of call: one point in the flat layout, a batch in the flat layout
 * and a batch over coordinate arrays (the loop the JIT vectorizes, which a surface may write in a
 * different shape to help it). A run must not change by the company it keeps, so every surface must
 * give the same bits all three ways, at ordinary points, far out and at non-finite ones.
 */
class SurfaceLayoutsTest {

    static List<Surface> everySurface() {
        List<Surface> surfaces = new ArrayList<>();
        for (String type : SurfaceCatalog.types()) {
            surfaces.add(type.equals("expression")
                    ? SurfaceCatalog.build(new Typed(type, Map.of("f", "sin(x*y) + x^2 + 3*y^2 + 0.001*t*x*y")))
                    : SurfaceCatalog.build(new Typed(type, Map.of())));
        }
        return surfaces;
    }

    @Test
    void everySurfaceGivesTheSameBitsInEveryLayout() {
        SplittableRandom random = new SplittableRandom(12);
        int n = 67;
        for (Surface s : everySurface()) {
            Window w = s.defaultView();
            double[] xs = new double[n], ys = new double[n], flat = new double[2 * n];
            for (int i = 0; i < n; i++) {
                double scale = i < 40 ? 1 : i < 60 ? 1e3 : 1e160;
                xs[i] = (w.xMin() + (w.xMax() - w.xMin()) * random.nextDouble()) * scale;
                ys[i] = (w.yMin() + (w.yMax() - w.yMin()) * random.nextDouble()) * scale;
            }
            xs[n - 3] = Double.NaN;
            ys[n - 2] = Double.POSITIVE_INFINITY;
            xs[n - 1] = -0.0;
            ys[n - 1] = 0.0;
            for (int i = 0; i < n; i++) {
                flat[i] = xs[i];
                flat[n + i] = ys[i];
            }
            double t = 17;
            double[] f = new double[n], gx = new double[n], gy = new double[n];
            s.evaluate(n, xs, ys, t, f, gx, gy);
            double[] fb = new double[n], gb = new double[2 * n];
            s.evaluate(n, n, flat, t, fb, gb);
            double[] p = new double[2], f1 = new double[1], g1 = new double[2];
            for (int i = 0; i < n; i++) {
                p[0] = xs[i];
                p[1] = ys[i];
                s.evaluate(1, 1, p, t, f1, g1);
                String at = s.type() + " at (" + xs[i] + ", " + ys[i] + ")";
                assertEquals(Double.doubleToLongBits(f1[0]), Double.doubleToLongBits(f[i]), at + ": f, coordinates");
                assertEquals(Double.doubleToLongBits(g1[0]), Double.doubleToLongBits(gx[i]), at + ": ∂f/∂x, coordinates");
                assertEquals(Double.doubleToLongBits(g1[1]), Double.doubleToLongBits(gy[i]), at + ": ∂f/∂y, coordinates");
                assertEquals(Double.doubleToLongBits(f1[0]), Double.doubleToLongBits(fb[i]), at + ": f, flat batch");
                assertEquals(Double.doubleToLongBits(g1[0]), Double.doubleToLongBits(gb[i]), at + ": ∂f/∂x, flat batch");
                assertEquals(Double.doubleToLongBits(g1[1]), Double.doubleToLongBits(gb[n + i]), at + ": ∂f/∂y, flat batch");
            }
        }
    }
}
